import { describe, expect, it } from 'vitest';
import { fromExpression, toExpression } from './conditions.js';

const total100AndFirst = { join: 'all', rules: [{ field: 'order.total', op: '>=', value: '100' }, { field: 'customer.is_first_order', op: 'is', value: '' }] };

describe('the condition builder', () => {
  it('writes "order total at least 100 and first order"', () => {
    expect(toExpression(total100AndFirst)).toBe('order.total >= 100 && customer.is_first_order');
  });
  it('writes any-of, country lists, SKUs and a returning customer', () => {
    expect(toExpression({ join: 'any', rules: [
      { field: 'order.shipping_country', op: 'in', value: 'gb, ie' },
      { field: 'order.skus', op: 'has', value: 'MUG-01' },
      { field: 'customer.is_first_order', op: 'not', value: '' },
    ] })).toBe("(order.shipping_country == 'GB' || order.shipping_country == 'IE') || (array.contains order.skus 'MUG-01') || !customer.is_first_order");
  });
  it('leaves out a rule still being filled in', () => {
    expect(toExpression({ join: 'all', rules: [{ field: 'order.total', op: '>=', value: '' }, { field: 'customer.is_first_order', op: 'is', value: '' }] }))
      .toBe('customer.is_first_order');
  });
  it('guards a feedback score against "not rated yet"', () => {
    expect(toExpression({ join: 'all', rules: [{ field: 'feedback.score', op: '<=', value: '2' }] })).toBe('(feedback.answered && feedback.score <= 2)');
  });
  it('reads back what it wrote, and nothing written by hand', () => {
    expect(fromExpression(toExpression(total100AndFirst))).toEqual(total100AndFirst);
    const countries = { join: 'all', rules: [{ field: 'order.shipping_country', op: 'in', value: 'GB, IE' }] };
    expect(fromExpression(toExpression(countries))).toEqual(countries);
    expect(fromExpression('order.total * 2 > 10')).toBeNull();
  });
});
