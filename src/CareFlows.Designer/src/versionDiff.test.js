import { describe, expect, it } from 'vitest';
import { describeChanges } from './versionDiff.js';

const flow = {
  id: 'f', name: 'F', exitOn: ['OrderCancelled'],
  activities: [
    { id: 'start', type: 'OrderPlaced', properties: {}, position: { x: 0, y: 0 } },
    { id: 'wait', type: 'Delay', properties: { duration: 'P1D' }, position: { x: 0, y: 140 } },
  ],
  connections: [{ source: { activity: 'start', port: 'Done' }, target: { activity: 'wait' } }],
};

describe('describeChanges', () => {
  it('finds nothing when only positions moved', () => {
    const moved = { ...flow, activities: flow.activities.map((a) => ({ ...a, position: { x: 500, y: 500 } })) };
    expect(describeChanges(flow, moved)).toEqual([]);
  });

  it('names added, removed and changed activities and connections', () => {
    const newer = {
      ...flow,
      activities: [flow.activities[0], { id: 'wait', type: 'Delay', properties: { duration: 'P3D' } }, { id: 'mail', type: 'SendEmail', properties: {} }],
      connections: [...flow.connections, { source: { activity: 'wait', port: 'Done' }, target: { activity: 'mail' } }],
    };
    expect(describeChanges(flow, newer)).toEqual([
      'Added mail (SendEmail)',
      'Changed wait (Delay): duration P1D → P3D',
      'Connected wait —Done→ mail',
    ]);
    expect(describeChanges(newer, flow)).toContain('Removed mail (SendEmail)');
    expect(describeChanges(newer, flow)).toContain('Disconnected wait —Done→ mail');
  });

  it('ignores the order of properties', () => {
    const a = { ...flow, activities: [{ id: 'x', type: 'SendEmail', properties: { template: 't', category: 'service' } }] };
    const b = { ...flow, activities: [{ id: 'x', type: 'SendEmail', properties: { category: 'service', template: 't' } }] };
    expect(describeChanges(a, b)).toEqual([]);
  });
});
