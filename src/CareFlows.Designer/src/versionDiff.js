// What changed between two versions of a flow, in a marketer's words. Pure, so vitest checks it.

const describe = (a) => `${a.displayName ?? a.id} (${a.type})`;
const connectionKey = (c) => `${c.source.activity} —${c.source.port ?? 'Done'}→ ${c.target.activity}`;
// Positions are where a box sits on the canvas, not what the flow does.
const meaning = (a) => JSON.stringify({ type: a.type, displayName: a.displayName ?? null, properties: sorted(a.properties ?? {}) });

function sorted(value) {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted(value[k])]));
  return value;
}

/** The differences from `older` to `newer`: a list of sentences, empty when they mean the same. */
export function describeChanges(older, newer) {
  const changes = [];
  const before = new Map((older.activities ?? []).map((a) => [a.id, a]));
  const after = new Map((newer.activities ?? []).map((a) => [a.id, a]));
  for (const [id, a] of after) if (!before.has(id)) changes.push(`Added ${describe(a)}`);
  for (const [id, a] of before) if (!after.has(id)) changes.push(`Removed ${describe(a)}`);
  for (const [id, a] of after) {
    const b = before.get(id);
    if (b && meaning(a) !== meaning(b)) changes.push(`Changed ${describe(a)}: ${propertyChanges(b.properties ?? {}, a.properties ?? {}).join(', ') || 'its name or type'}`);
  }
  const oldConnections = new Set((older.connections ?? []).map(connectionKey));
  const newConnections = new Set((newer.connections ?? []).map(connectionKey));
  for (const c of newConnections) if (!oldConnections.has(c)) changes.push(`Connected ${c}`);
  for (const c of oldConnections) if (!newConnections.has(c)) changes.push(`Disconnected ${c}`);
  if ((older.name ?? '') !== (newer.name ?? '')) changes.push(`Renamed from "${older.name}" to "${newer.name}"`);
  if (JSON.stringify(sorted(older.exitOn ?? [])) !== JSON.stringify(sorted(newer.exitOn ?? []))) changes.push('Changed the events that end the flow');
  return changes;
}

function propertyChanges(before, after) {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.filter((k) => JSON.stringify(sorted(before[k])) !== JSON.stringify(sorted(after[k])))
    .map((k) => `${k} ${show(before[k])} → ${show(after[k])}`);
}

const show = (v) => (v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v));
