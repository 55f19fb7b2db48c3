import { describe, expect, it } from 'vitest';
import { describeStep } from './stepCounts.js';

describe('describeStep', () => {
  it('sums skipped and exited reasons and leaves out zeros', () => {
    const step = { entered: 12, waitingNow: 0, sent: 9, skipped: [{ reason: 'no consent', count: 2 }, { reason: 'bounced', count: 1 }], exited: [] };
    expect(describeStep(step)).toBe('12 entered · 9 sent · 3 skipped');
  });
});
