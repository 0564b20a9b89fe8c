import { tQuantile } from "./student-t";

/** A t-based confidence interval for a mean: `mean ± t·std/√n`, as [lo, hi]. */
export interface MeanInterval {
  /** Number of values. */
  n: number;
  mean: number;
  /** Sample standard deviation (divides by n − 1, like `torch.std`). */
  std: number;
  /** The standard error std/√n. */
  se: number;
  /** Degrees of freedom of the t quantile (n − 1). */
  df: number;
  /** The interval's half-width t_{(1+c)/2, df} · se. */
  halfWidth: number;
  lo: number;
  hi: number;
  /** The confidence level, e.g. 0.95. */
  confidence: number;
}

/** The arithmetic mean (NaN for no values). */
export function mean(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return values.length ? s / values.length : NaN;
}

/** The sample standard deviation, dividing by n − 1 (same as `torch.std`, unbiased); NaN for fewer than 2 values. */
export function sampleStd(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return NaN;
  const m = mean(values);
  let s = 0;
  for (const v of values) s += (v - m) ** 2;
  return Math.sqrt(s / (n - 1));
}

/** Throws unless 0 < confidence < 1. */
export function checkConfidence(name: string, confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) {
    throw new Error(`${name}: confidence must be in (0, 1), e.g. 0.95; got ${confidence}`);
  }
}

/**
 * The t-based confidence interval of the mean of n values (e.g. one metric over n seeds):
 *   mean ± t_{(1+c)/2, n−1} · s/√n,   s = sample std.
 * It assumes the values are independent draws (seeds) from a roughly normal distribution; with 5 seeds the
 * multiplier is t_{0.975, 4} = 2.776, not the normal 1.96 — few seeds make wide intervals, honestly.
 * Same as `scipy.stats.t.interval(c, n-1, loc=mean, scale=sem)`.
 * @example meanInterval([0.91, 0.93, 0.92])   // { mean: 0.92, lo: 0.8952, hi: 0.9448, … } (t_{0.975,2} = 4.303)
 */
export function meanInterval(values: readonly number[], confidence = 0.95): MeanInterval {
  checkConfidence("meanInterval", confidence);
  const n = values.length;
  if (n < 2) throw new Error(`meanInterval: a confidence interval needs at least 2 values (seeds), got ${n}`);
  const m = mean(values);
  const std = sampleStd(values);
  const se = std / Math.sqrt(n);
  const df = n - 1;
  const halfWidth = se === 0 ? 0 : tQuantile((1 + confidence) / 2, df) * se;
  return { n, mean: m, std, se, df, halfWidth, lo: m - halfWidth, hi: m + halfWidth, confidence };
}

/**
 * The median, skipping NaN (e.g. `optim.effectiveLr` of weights that never had a gradient); NaN if none is left.
 * Same as `torch.nanmedian` for an odd count; for an even count the mean of the two middle values (numpy's median).
 */
export function median(values: ArrayLike<number>): number {
  const v = Float64Array.from(values)
    .filter((x) => !Number.isNaN(x))
    .sort();
  if (!v.length) return NaN;
  const h = v.length >> 1;
  return v.length % 2 ? v[h] : (v[h - 1] + v[h]) / 2;
}
