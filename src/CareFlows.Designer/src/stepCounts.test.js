import { describe, expect, it } from 'vitest';
import { describeResult, describeStep } from './stepCounts.js';

describe('describeStep', () => {
  it('sums skipped and exited reasons and leaves out zeros', () => {
    const step = { entered: 12, waitingNow: 0, sent: 9, skipped: [{ reason: 'no consent', count: 2 }, { reason: 'bounced', count: 1 }], exited: [] };
    expect(describeStep(step)).toBe('12 entered · 9 sent · 3 skipped');
  });
});

describe('describeResult', () => {
  it('says what a step earned in words', () => {
    expect(describeResult({ clicks: 3, orders: 2, revenue: 120, currency: 'GBP', codesRedeemed: 1 })).toBe('3 clicks · 2 orders · GBP 120.00 · 1 code redeemed');
    expect(describeResult({ clicks: 0, orders: 0, revenue: 0, currency: '', codesRedeemed: 0 })).toBeNull();
  });
});
