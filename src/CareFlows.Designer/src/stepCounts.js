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

/** What a step earned, in words ("3 clicks · 2 orders · GBP 120.00 · 1 code redeemed"); null when nothing. */
export function describeResult(r) {
  if (!r || (!r.clicks && !r.orders && !r.codesRedeemed)) return null;
  const n = (count, word) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return [r.clicks ? n(r.clicks, 'click') : null, r.orders ? n(r.orders, 'order') : null,
    r.orders ? `${r.currency} ${Number(r.revenue).toFixed(2)}` : null, r.codesRedeemed ? `${n(r.codesRedeemed, 'code')} redeemed` : null]
    .filter(Boolean).join(' · ');
}
