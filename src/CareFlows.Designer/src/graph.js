// The designer's pure logic: definition <-> graph, faults per activity, layout, undo history.
// No React here, so vitest checks it without a browser.

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 84;

/** A flow definition (the JSON in workflows/) as React Flow nodes and edges. */
export function toGraph(definition) {
  const nodes = (definition.activities ?? []).map((a, i) => ({
    id: a.id,
    type: 'activity',
    position: a.position ? { x: a.position.x, y: a.position.y } : { x: 0, y: i * 140 },
    data: { type: a.type, displayName: a.displayName ?? null, properties: { ...(a.properties ?? {}) } },
  }));
  const edges = (definition.connections ?? []).map((c) => ({
    id: edgeId(c.source.activity, c.source.port ?? 'Done', c.target.activity),
    source: c.source.activity,
    sourceHandle: c.source.port ?? 'Done',
    target: c.target.activity,
  }));
  return { nodes, edges };
}

/** Back to a definition: everything the graph does not own (id, name, exitOn, entry...) comes from `base`. */
export function toDefinition(base, nodes, edges) {
  const activities = nodes.map((n) => {
    const activity = { id: n.id, type: n.data.type };
    if (n.data.displayName) activity.displayName = n.data.displayName;
    activity.properties = clean(n.data.properties);
    activity.position = { x: Math.round(n.position.x), y: Math.round(n.position.y) };
    return activity;
  });
  const connections = edges.map((e) => ({
    source: { activity: e.source, port: e.sourceHandle ?? 'Done' },
    target: { activity: e.target },
  }));
  return { ...base, activities, connections };
}

export function edgeId(source, port, target) {
  return `${source}:${port}->${target}`;
}

/** Where a port of an activity leads ('' for nowhere). */
export function targetOf(edges, source, port) {
  return edges.find((e) => e.source === source && (e.sourceHandle ?? 'Done') === port)?.target ?? '';
}

/**
 * Points a port at an activity, or at nothing when `target` is empty: the panel's "then go to" fields, so a flow can
 * be wired without a mouse. A port leads to one activity, so any earlier connection from it goes.
 */
export function setTarget(edges, source, port, target) {
  const others = edges.filter((e) => !(e.source === source && (e.sourceHandle ?? 'Done') === port));
  return target ? [...others, { id: edgeId(source, port, target), source, sourceHandle: port, target }] : others;
}

function clean(properties) {
  const result = {};
  for (const [key, value] of Object.entries(properties ?? {})) {
    if (value === '' || value === null || value === undefined) continue;
    result[key] = value;
  }
  return result;
}

/** A new id for an activity of a type: "send-email", "send-email-2", ... */
export function newActivityId(type, existingIds) {
  const stem = type.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
  if (!existingIds.includes(stem)) return stem;
  for (let i = 2; ; i++) if (!existingIds.includes(`${stem}-${i}`)) return `${stem}-${i}`;
}

/**
 * The server reports faults by JSON path ("$.activities[2].properties.template"); the designer shows them on the
 * node they concern. Faults that name no activity (the flow's id, a missing trigger) stay with the flow.
 */
export function faultsByActivity(faults, definition) {
  const byActivity = {};
  const flow = [];
  for (const fault of faults ?? []) {
    const match = /^\$\.activities\[(\d+)\]/.exec(fault.path ?? '');
    const activity = match ? definition.activities?.[Number(match[1])] : null;
    const connection = /^\$\.connections\[(\d+)\]/.exec(fault.path ?? '');
    const target = activity?.id ?? (connection ? definition.connections?.[Number(connection[1])]?.source?.activity : null);
    if (target) (byActivity[target] ??= []).push(withProperty(fault));
    else flow.push(fault.message);
  }
  return { byActivity, flow };
}

// "$.activities[1].properties.template" + "is required" -> "template is required": the node shows which field.
function withProperty(fault) {
  const property = /\.properties\.([A-Za-z0-9_]+)/.exec(fault.path ?? '')?.[1];
  return property && /^[a-z]/.test(fault.message) && !fault.message.startsWith(property) ? `${property} ${fault.message}` : fault.message;
}

/** Undo and redo over snapshots of the graph; a new change forgets what was undone. */
export function createHistory(limit = 100) {
  let past = [];
  let future = [];
  return {
    record(snapshot) {
      past = [...past, snapshot].slice(-limit);
      future = [];
    },
    undo(current) {
      if (past.length === 0) return null;
      const previous = past[past.length - 1];
      past = past.slice(0, -1);
      future = [current, ...future];
      return previous;
    },
    redo(current) {
      if (future.length === 0) return null;
      const next = future[0];
      future = future.slice(1);
      past = [...past, current];
      return next;
    },
    get canUndo() { return past.length > 0; },
    get canRedo() { return future.length > 0; },
  };
}

/** "P3D" -> "3 days", "PT2H30M" -> "2 hours 30 minutes": what a marketer reads next to an ISO duration. */
export function describeDuration(iso) {
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso ?? '');
  if (!m || iso === 'P' || iso === 'PT') return null;
  const names = ['week', 'day', 'hour', 'minute', 'second'];
  const parts = m.slice(1).map((v, i) => (v ? `${Number(v)} ${names[i]}${Number(v) === 1 ? '' : 's'}` : null)).filter(Boolean);
  return parts.length ? parts.join(' ') : null;
}

/** "3 days", "2h", "1 week" -> ISO-8601; null when it cannot be read. ISO input passes through. */
export function parseDuration(text) {
  const t = (text ?? '').trim();
  if (/^P/i.test(t)) return describeDuration(t.toUpperCase()) ? t.toUpperCase() : null;
  const m = /^(\d+)\s*(w|weeks?|d|days?|h|hours?|m|min|minutes?)$/i.exec(t);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = m[2].toLowerCase()[0];
  return { w: `P${n}W`, d: `P${n}D`, h: `PT${n}H`, m: `PT${n}M` }[unit];
}

/** A split's branches must add up to 100. */
export function splitProblem(branches) {
  if (!Array.isArray(branches) || branches.length < 2) return 'A split needs at least two branches';
  const total = branches.reduce((sum, b) => sum + Number(b.weight ?? 0), 0);
  return total === 100 ? null : `The weights add up to ${total}, not 100`;
}

/** The activities in the order a customer meets them: breadth-first from the trigger(s); unreachable ones last. */
export function flowOrder(nodes, edges) {
  const targets = new Set(edges.map((e) => e.target));
  const queue = nodes.filter((n) => !targets.has(n.id)).map((n) => n.id);
  const seen = new Set();
  const order = [];
  while (queue.length) {
    const id = queue.shift();
    if (seen.has(id)) continue;
    seen.add(id);
    order.push(id);
    edges.filter((e) => e.source === id).forEach((e) => queue.push(e.target));
  }
  return order.concat(nodes.map((n) => n.id).filter((id) => !seen.has(id)));
}
