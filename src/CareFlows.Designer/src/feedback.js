/** Bars for a 1-5 distribution: each score with its count and its whole-number share of all ratings. */
export function scoreBars(distribution) {
  const total = distribution.reduce((sum, n) => sum + n, 0);
  return distribution.map((count, i) => ({ score: i + 1, count, percent: total === 0 ? 0 : Math.round((count * 100) / total) }));
}
