// The simulation form's helpers: days as durations, and what an event changes between two runs. Pure, so vitest checks it.

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

/**
 * The order the simulation runs: the order as written, with the profile's locale and time zone where the marketer chose
 * one (blank keeps the order's). A locale must look like a language tag (de, de-AT, pt-BR): anything else is an error
 * for the form to show, not a silent fallback to English.
 */
export function withProfile(order, { locale = '', timeZone = '' }) {
  const tag = locale.trim();
  const zone = timeZone.trim();
  if (tag && !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag)) return { error: `"${tag}" is not a language tag (e.g. de, de-AT, fr).` };
  const customer = { ...(order.customer ?? {}) };
  if (tag) customer.locale = tag;
  if (zone) customer.timeZone = zone;
  return { order: { ...order, customer } };
}
