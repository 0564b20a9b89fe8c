/**
 * Columns for n facet panels that leave the fewest empty cells in the last row, so a faceted chart fills its grid:
 * up to `max` panels in one row, else the candidate column count with the fewest gaps (ties: a landscape grid).
 * @example gridColumns(4) // 2 (2 × 2, not 3 + 1);  gridColumns(8) // 4 (4 × 2);  gridColumns(10, [5, 4, 3], 5) // 5
 */
export function gridColumns(n: number, candidates: readonly number[] = [3, 2, 4], max = 3): number {
  if (n <= max) return Math.max(1, n);
  // Fewest empty cells first; then a landscape grid (at least as many columns as rows); then fewer columns.
  const score = (c: number) => [c * Math.ceil(n / c) - n, c >= Math.ceil(n / c) ? 0 : 1, c];
  const better = (a: number[], b: number[]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  return [...candidates].sort((a, b) => better(score(a), score(b)))[0];
}
