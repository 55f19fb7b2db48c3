import { describe, expect, it } from 'vitest';
import { autoLayout } from './layout.js';
import { NODE_WIDTH, toGraph } from './graph.js';

const branching = {
  id: 'branching', name: 'Branching', version: 1,
  activities: [
    { id: 'placed', type: 'OrderPlaced', properties: {} },
    { id: 'first', type: 'Condition', properties: { expression: 'customer.is_first_order' } },
    { id: 'welcome', type: 'SendEmail', properties: { template: 'reassurance', category: 'service' } },
    { id: 'again', type: 'SendEmail', properties: { template: 'support-reminder', category: 'service' } },
    { id: 'wait', type: 'WaitForEvent', properties: { event: 'OrderDelivered', timeout: 'P21D' } },
    { id: 'check-in', type: 'SendEmail', properties: { template: 'delivery-check-in', category: 'service' } },
    { id: 'late', type: 'Exit', properties: { reason: 'not delivered' } },
  ],
  connections: [
    // Listed False before True on purpose: the layout must not depend on the file's order.
    { source: { activity: 'first', port: 'False' }, target: { activity: 'again' } },
    { source: { activity: 'placed', port: 'Done' }, target: { activity: 'first' } },
    { source: { activity: 'first', port: 'True' }, target: { activity: 'welcome' } },
    { source: { activity: 'welcome', port: 'Done' }, target: { activity: 'wait' } },
    { source: { activity: 'wait', port: 'TimedOut' }, target: { activity: 'late' } },
    { source: { activity: 'wait', port: 'Received' }, target: { activity: 'check-in' } },
  ],
};

function laidOut() {
  const { nodes, edges } = toGraph(branching);
  return Object.fromEntries(autoLayout(nodes.map((n) => ({ ...n, position: { x: 0, y: 0 } })), edges).map((n) => [n.id, n.position]));
}

describe('auto-layout', () => {
  it('puts each activity below the one leading to it', () => {
    const at = laidOut();
    expect(at.placed.y).toBeLessThan(at.first.y);
    expect(at.first.y).toBeLessThan(at.welcome.y);
    expect(at.wait.y).toBeLessThan(at['check-in'].y);
  });

  it('puts a False branch beside its True branch, on its right, never under it', () => {
    const at = laidOut();
    expect(at.welcome.y).toBe(at.again.y);
    expect(at.again.x).toBeGreaterThanOrEqual(at.welcome.x + NODE_WIDTH);
  });

  it('puts a wait\u2019s timeout to the right of what happens when the event arrives', () => {
    const at = laidOut();
    expect(at.late.x).toBeGreaterThan(at['check-in'].x);
  });

  it('never overlaps two activities', () => {
    const boxes = Object.values(laidOut());
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) expect(Math.abs(a.x - b.x) >= NODE_WIDTH || Math.abs(a.y - b.y) > 0).toBe(true);
    }
  });
});
