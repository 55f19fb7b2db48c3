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
