/**
 * A log scale bounded to the data (no padding to whole decades), ignoring values ≤ 0; a single value gets half a
 * decade on each side.
 */
export function logScale(values: number[]): { type: "log"; domain?: number[]; nice: false } {
  const pos = values.filter((v) => v > 0 && Number.isFinite(v));
  if (!pos.length) return { type: "log", nice: false };
  const [lo, hi] = [Math.min(...pos), Math.max(...pos)];
  return { type: "log", domain: lo < hi ? [lo, hi] : [lo / Math.sqrt(10), hi * Math.sqrt(10)], nice: false };
}
