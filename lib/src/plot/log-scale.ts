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

/**
 * One d3 tick format for a whole log axis: plain numbers ("~g": 0.003, 0.01, 300) while every value lies in
 * [1e-3, 1e5], otherwise exponent notation ("~e": 1e-12, 3e-3, 1e+6) — d3's "~g" alone would mix "0.00001" and
 * "1e-7" on one axis.
 * @example logTickFormat([1e-12, 0.1]) // "~e"
 */
export function logTickFormat(values: readonly number[]): "~g" | "~e" {
  const pos = values.filter((v) => v > 0 && Number.isFinite(v));
  return pos.every((v) => v >= 1e-3 && v <= 1e5) ? "~g" : "~e";
}
