import { describe, expect, it } from 'vitest';
import { compareRuns, dayToDuration } from './simulation.js';

describe('simulation helpers', () => {
  it('turns days into ISO durations', () => {
    expect(dayToDuration('2')).toBe('P2D');
    expect(dayToDuration('1.5')).toBe('PT36H');
    expect(dayToDuration('-1')).toBeNull();
    expect(dayToDuration('soon')).toBeNull();
  });

  it('lists the messages a cancellation stops', () => {
    const email = (stepId) => ({ at: '2026-01-01', text: 'send', email: { stepId, template: stepId } });
    const without = { timeline: [email('confirmation.1'), { text: 'wait' }, email('discount.1')] };
    const cancelled = { timeline: [email('confirmation.1')] };
    const diff = compareRuns(without, cancelled);
    expect(diff.notSent.map((e) => e.stepId)).toEqual(['discount.1']);
    expect(diff.added).toEqual([]);
  });
});
