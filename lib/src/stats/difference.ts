import { checkConfidence, mean, meanInterval, sampleStd } from "./interval";
import { tQuantile } from "./student-t";

/** A difference of means (a − b) with its t-based confidence interval. */
export interface DifferenceInterval {
  /** The estimated difference of means, a − b. */
  mean: number;
  lo: number;
  hi: number;
  halfWidth: number;
  /** Standard error of the difference. */
  se: number;
  /** Degrees of freedom (n − 1 when paired; Welch–Satterthwaite's, usually fractional, when unpaired). */
  df: number;
  confidence: number;
}

/**
 * The **paired** difference a − b: a[i] and b[i] were measured with the same seed (same data subset, batches and
 * initial weights), so the seed's own luck cancels in d[i] = a[i] − b[i]. The interval is the t interval of the
 * mean of the d[i]: mean(d) ± t_{(1+c)/2, n−1} · std(d)/√n. Same as `scipy.stats.ttest_rel`'s interval.
 * @example pairedDifference([0.95, 0.93, 0.96], [0.94, 0.92, 0.95])   // mean 0.01, [0.01, 0.01] (every seed +0.01)
 */
export function pairedDifference(a: readonly number[], b: readonly number[], confidence = 0.95): DifferenceInterval {
  if (a.length !== b.length) {
    throw new Error(`pairedDifference: pairing needs as many values in a as in b, got ${a.length} and ${b.length}`);
  }
  const ci = meanInterval(
    a.map((v, i) => v - b[i]),
    confidence,
  );
  return { mean: ci.mean, lo: ci.lo, hi: ci.hi, halfWidth: ci.halfWidth, se: ci.se, df: ci.df, confidence };
}

/**
 * The **unpaired** difference a − b by Welch's t interval (no equal-variance assumption): it treats the two groups
 * as independent, so seed-to-seed variation stays in the error. Use it only when runs do not share seeds;
 * `compare` reports it next to the paired one to show what pairing gains.
 *   se = √(s_a²/n_a + s_b²/n_b),  df = se⁴ / ((s_a²/n_a)²/(n_a−1) + (s_b²/n_b)²/(n_b−1)).
 * Same as `scipy.stats.ttest_ind(a, b, equal_var=False)`'s interval.
 */
export function welchDifference(a: readonly number[], b: readonly number[], confidence = 0.95): DifferenceInterval {
  checkConfidence("welchDifference", confidence);
  if (a.length < 2 || b.length < 2) {
    throw new Error(`welchDifference: each group needs at least 2 values, got ${a.length} and ${b.length}`);
  }
  const va = sampleStd(a) ** 2 / a.length;
  const vb = sampleStd(b) ** 2 / b.length;
  const se = Math.sqrt(va + vb);
  const d = mean(a) - mean(b);
  // With both variances 0 the interval is the point itself; df is then irrelevant (use the pooled n_a + n_b − 2).
  const df =
    se === 0 ? a.length + b.length - 2 : (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  const halfWidth = se === 0 ? 0 : tQuantile((1 + confidence) / 2, df) * se;
  return { mean: d, lo: d - halfWidth, hi: d + halfWidth, halfWidth, se, df, confidence };
}
