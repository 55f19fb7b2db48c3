// Auto-layout with dagre (a layered graph layout): each activity below the ones leading to it, branches side by side
// in the order of their ports (True left of False, Received left of TimedOut), and as few crossing edges as the flow
// allows. Pure: nodes and edges in, positioned nodes out.
import dagre from '@dagrejs/dagre';
import { NODE_HEIGHT, NODE_WIDTH } from './graph.js';

// Ports a marketer reads left to right: the hopeful outcome first. Split branches keep their own order.
const PORT_ORDER = ['Done', 'True', 'Received', 'Happy', 'Neutral', 'False', 'TimedOut', 'Unhappy', 'Replied', 'NoAnswer'];

function portRank(port) {
  const known = PORT_ORDER.indexOf(port);
  return known >= 0 ? known : PORT_ORDER.length;
}

// Depth-first from the nodes nothing leads to (the trigger), children in port order; then anything not reached.
function walkOrder(nodes, edges) {
  const children = new Map(nodes.map((n) => [n.id, []]));
  const targets = new Set();
  for (const e of edges) {
    if (children.has(e.source) && children.has(e.target)) {
      children.get(e.source).push(e.target);
      targets.add(e.target);
    }
  }
  const seen = new Set();
  const order = [];
  const visit = (start) => {
    const stack = [start];
    while (stack.length) {
      const id = stack.pop();
      if (seen.has(id)) continue;
      seen.add(id);
      order.push(id);
      stack.push(...[...children.get(id)].reverse());
    }
  };
  for (const n of nodes) if (!targets.has(n.id)) visit(n.id);
  for (const n of nodes) visit(n.id);
  return order;
}

/** Positions every node top to bottom; the layout keeps branch order, so a False branch never lands under True. */
export function autoLayout(nodes, edges) {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'TB', nodesep: 60, ranksep: 70, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  // dagre's first ordering of each row comes from a depth-first walk in the order nodes and edges were added, and it
  // keeps that order where no crossing is saved by changing it. Its walk lays the last-added sibling leftmost (checked
  // by layout.test.js), so siblings go in from the last port to the first.
  const ordered = edges
    .map((edge, index) => ({ edge, index }))
    .sort((a, b) => portRank(b.edge.sourceHandle) - portRank(a.edge.sourceHandle) || b.index - a.index)
    .map(({ edge }) => edge);
  for (const id of walkOrder(nodes, ordered)) graph.setNode(id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of ordered) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.setEdge(edge.source, edge.target, {}, edge.id);
  }
  dagre.layout(graph);
  return nodes.map((node) => {
    const { x, y } = graph.node(node.id);
    return { ...node, position: { x: Math.round(x - NODE_WIDTH / 2), y: Math.round(y - NODE_HEIGHT / 2) } };
  });
}
