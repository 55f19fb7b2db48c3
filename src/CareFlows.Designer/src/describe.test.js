import { describe, expect, it } from 'vitest';
import { eventName, portLabel, summaryOf } from './describe.js';

describe('summaryOf', () => {
  it('says what a box does in words', () => {
    expect(summaryOf('WaitForEvent', { event: 'OrderDelivered', timeout: 'P21D' })).toBe('Waits for delivery, gives up after 21 days');
    expect(summaryOf('IssueDiscount', { value: 10, kind: 'percent', validFor: 'P30D' })).toBe('10% off, valid 30 days');
    expect(summaryOf('Delay', { duration: 'P2D' })).toBe('Waits 2 days');
    expect(summaryOf('OrderPlaced', { filter: 'order.total >= 100' })).toBe('Only when order.total >= 100');
    expect(summaryOf('NotifyTeam', { to: 'team', note: 'Case open for 3 days' })).toBe('Alerts the team: Case open for 3 days');
  });
});

describe('portLabel', () => {
  it('names ports by what happened', () => {
    expect(portLabel('WaitForEvent', { event: 'OrderDelivered', timeout: 'P21D' }, 'Received')).toBe('Delivered');
    expect(portLabel('WaitForEvent', { event: 'OrderDelivered', timeout: 'P21D' }, 'TimedOut')).toBe('Not delivered in 21 days');
    expect(portLabel('WaitForEvent', { event: 'NextOrderPlaced', timeout: 'P60D' }, 'Received')).toBe('Ordered again');
    expect(portLabel('WaitForEvent', { event: 'NextOrderPlaced', timeout: 'P60D' }, 'TimedOut')).toBe('No new order in 60 days');
    expect(summaryOf('WaitForEvent', { event: 'NextOrderPlaced', timeout: 'P60D' })).toBe("Waits for the customer's next order, gives up after 60 days");
    expect(eventName('NextOrderPlaced')).toBe('The customer orders again');
    expect(eventName('SomethingNew')).toBe('SomethingNew');
    expect(portLabel('WaitForFeedback', { timeout: 'P4D' }, 'NoAnswer')).toBe('No answer in 4 days');
    expect(portLabel('Condition', {}, 'False')).toBe('No');
  });
});
