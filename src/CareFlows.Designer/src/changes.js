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

/** A step's counts as the short line drawn on its node. */
export function describeStep(step) {
  if (!step) return null;
  const skipped = step.skipped.reduce((n, r) => n + r.count, 0);
  const exited = step.exited.reduce((n, r) => n + r.count, 0);
  return [
    `${step.entered} entered`,
    step.waitingNow ? `${step.waitingNow} waiting` : null,
    step.sent ? `${step.sent} sent` : null,
    skipped ? `${skipped} skipped` : null,
    exited ? `${exited} exited` : null,
  ].filter(Boolean).join(' · ');
}

/** "2" -> "P2D", "1.5" -> "PT36H": a day number from the simulation form as the ISO duration the server reads. */
export function dayToDuration(day) {
  const hours = Math.round(Number(day) * 24);
  if (!Number.isFinite(hours) || hours < 0) return null;
  return hours % 24 === 0 ? `P${hours / 24}D` : `PT${hours}H`;
}

/** Which messages one simulated run sends that the other does not, by step: what a cancellation or refund changes. */
export function compareRuns(without, withEvents) {
  const steps = (run) => new Map(run.timeline.filter((t) => t.email).map((t) => [t.email.stepId, t.email]));
  const before = steps(without);
  const after = steps(withEvents);
  return {
    notSent: [...before].filter(([id]) => !after.has(id)).map(([, e]) => e),
    added: [...after].filter(([id]) => !before.has(id)).map(([, e]) => e),
  };
}
