import { describe, expect, it } from 'vitest';
import { createHistory, describeDuration, faultsByActivity, newActivityId, parseDuration, setTarget, splitProblem, targetOf, toDefinition, toGraph } from './graph.js';

const definition = {
  id: 'demo', name: 'Demo', version: 1, exitOn: ['OrderCancelled'],
  activities: [
    { id: 'placed', type: 'OrderPlaced', properties: {}, position: { x: 0, y: 0 } },
    { id: 'confirm', type: 'SendEmail', properties: { template: 'order-confirmation', category: 'transactional' }, position: { x: 0, y: 140 } },
  ],
  connections: [{ source: { activity: 'placed', port: 'Done' }, target: { activity: 'confirm' } }],
};

describe('definition and graph', () => {
  it('a definition survives the round trip through the graph unchanged in meaning', () => {
    const { nodes, edges } = toGraph(definition);
    expect(toDefinition({ id: 'demo', name: 'Demo', version: 1, exitOn: ['OrderCancelled'] }, nodes, edges)).toEqual(definition);
  });

  it('empty properties are left out rather than saved as empty strings', () => {
    const { nodes, edges } = toGraph(definition);
    nodes[1].data.properties.template = '';
    expect(toDefinition({}, nodes, edges).activities[1].properties).toEqual({ category: 'transactional' });
  });

  it('new activities get readable ids that do not collide', () => {
    expect(newActivityId('SendEmail', [])).toBe('send-email');
    expect(newActivityId('SendEmail', ['send-email', 'send-email-2'])).toBe('send-email-3');
  });
});

describe('faults', () => {
  it('a fault is shown on the activity its path names, flow-wide faults on the flow', () => {
    const { byActivity, flow } = faultsByActivity([
      { path: '$.activities[1].properties.template', message: 'is required' },
      { path: '$.activities[1].properties.category', message: 'category must be one of service, marketing' },
      { path: '$.connections[0].target', message: 'unknown target' },
      { path: '$.id', message: 'id is required' },
    ], definition);
    expect(byActivity).toEqual({ confirm: ['template is required', 'category must be one of service, marketing'], placed: ['unknown target'] });
    expect(flow).toEqual(['id is required']);
  });
});

describe('history', () => {
  it('undo goes back, redo forward, and a new change forgets the undone one', () => {
    const history = createHistory();
    history.record('a');
    history.record('b');
    expect(history.undo('c')).toBe('b');
    expect(history.redo('b')).toBe('c');
    history.undo('c');
    history.record('d');
    expect(history.canRedo).toBe(false);
  });
});

describe('durations and splits', () => {
  it('durations are shown and typed the way people say them', () => {
    expect(describeDuration('P3D')).toBe('3 days');
    expect(describeDuration('PT2H30M')).toBe('2 hours 30 minutes');
    expect(parseDuration('3 days')).toBe('P3D');
    expect(parseDuration('2h')).toBe('PT2H');
    expect(parseDuration('P1W')).toBe('P1W');
    expect(parseDuration('soon')).toBeNull();
  });

  it('split weights must add up to 100', () => {
    expect(splitProblem([{ name: 'a', weight: 50 }, { name: 'b', weight: 50 }])).toBeNull();
    expect(splitProblem([{ name: 'a', weight: 50 }, { name: 'b', weight: 40 }])).toBe('The weights add up to 90, not 100');
  });
});

describe('wiring ports from the panel', () => {
  const edges = toGraph(definition).edges;

  it('reads where a port leads', () => {
    expect(targetOf(edges, 'placed', 'Done')).toBe('confirm');
    expect(targetOf(edges, 'confirm', 'Done')).toBe('');
  });

  it('points a port at another activity, replacing where it led before', () => {
    const rewired = setTarget([...edges, { id: 'x', source: 'placed', sourceHandle: 'Done', target: 'other' }], 'placed', 'Done', 'wait');
    expect(rewired.filter((e) => e.source === 'placed')).toEqual([{ id: 'placed:Done->wait', source: 'placed', sourceHandle: 'Done', target: 'wait' }]);
  });

  it('disconnects a port when the target is empty, and leaves other ports alone', () => {
    const two = setTarget(edges, 'confirm', 'Done', 'placed');
    expect(setTarget(two, 'placed', 'Done', '')).toEqual([{ id: 'confirm:Done->placed', source: 'confirm', sourceHandle: 'Done', target: 'placed' }]);
  });
});

describe('flowOrder', () => {
  it('lists steps as a customer meets them, not alphabetically', async () => {
    const { flowOrder } = await import('./graph.js');
    const nodes = ['z-end', 'a-wait', 'start', 'm-send'].map((id) => ({ id }));
    const edges = [{ source: 'start', target: 'm-send' }, { source: 'm-send', target: 'a-wait' }, { source: 'a-wait', target: 'z-end' }];
    expect(flowOrder(nodes, edges)).toEqual(['start', 'm-send', 'a-wait', 'z-end']);
  });
});
