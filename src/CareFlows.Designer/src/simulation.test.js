import { describe, expect, it } from 'vitest';
import { compareRuns, dayToDuration, withProfile } from './simulation.js';

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

describe('withProfile', () => {
  const order = { orderId: '1', customer: { customerId: 'c', locale: 'en-GB', timeZone: 'Europe/London' } };

  it('keeps the order as written when the profile leaves locale and time zone blank', () => {
    expect(withProfile(order, {}).order).toEqual(order);
  });

  it('puts the chosen locale and time zone on the customer, leaving the order itself alone', () => {
    const { order: run } = withProfile(order, { locale: ' de-AT ', timeZone: 'Europe/Vienna' });
    expect(run.customer).toEqual({ customerId: 'c', locale: 'de-AT', timeZone: 'Europe/Vienna' });
    expect(order.customer.locale).toBe('en-GB');
  });

  it('refuses a locale that is not a language tag', () => {
    expect(withProfile(order, { locale: 'German' }).error).toContain('not a language tag');
  });
});
