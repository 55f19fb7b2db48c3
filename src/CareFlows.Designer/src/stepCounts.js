// What a flow's steps did, as the short line drawn on each node. Pure, so vitest checks it.

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
