/**
 * Student's t distribution: the CDF and its inverse (the quantile), computed from the regularized incomplete beta
 * function — the numbers behind every t-based confidence interval in `stats`.
 *
 * For T with ν degrees of freedom, P(|T| > t) = I_x(ν/2, 1/2) with x = ν / (ν + t²).
 * Same as `scipy.stats.t.cdf(t, ν)` and `scipy.stats.t.ppf(p, ν)` (torch has no t distribution).
 */

/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7, 9 terms; relative error < 1e-13). */
export function lnGamma(x: number): number {
  if (!(x > 0)) throw new Error(`lnGamma: x must be > 0, got ${x}`);
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x); // reflection
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  const z = x - 1;
  let sum = c[0];
  for (let i = 1; i < 9; i++) sum += c[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * The regularized incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b), for 0 ≤ x ≤ 1 and a, b > 0.
 * Evaluated by its continued fraction (modified Lentz), on the side x < (a+1)/(a+b+2) where it converges fast;
 * the other side uses I_x(a, b) = 1 − I_{1−x}(b, a).
 */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0) || !(b > 0)) throw new Error(`incompleteBeta: a and b must be > 0, got a = ${a}, b = ${b}`);
  if (!(x >= 0 && x <= 1)) throw new Error(`incompleteBeta: x must be in [0, 1], got ${x}`);
  if (x === 0 || x === 1) return x;
  const lnFront = lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(lnFront) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(lnFront) * betaContinuedFraction(1 - x, b, a)) / b;
}

/** The continued fraction 1/(1+ d1/(1+ d2/(1+ …))) of the incomplete beta function (Lentz's method). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let f = d;
  for (let m = 1; m <= 300; m++) {
    // Even step d_{2m}, then odd step d_{2m+1}.
    for (const coef of [
      (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m)),
      -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1)),
    ]) {
      d = 1 + coef * d;
      if (Math.abs(d) < tiny) d = tiny;
      c = 1 + coef / c;
      if (Math.abs(c) < tiny) c = tiny;
      d = 1 / d;
      f *= c * d;
    }
    if (Math.abs(c * d - 1) < 1e-15) return f;
  }
  return f; // 300 rounds reach double precision for every a, b used here; return the best value so far
}

function checkDf(name: string, df: number): void {
  if (!(df > 0)) throw new Error(`${name}: degrees of freedom must be > 0, got ${df}`);
}

/**
 * P(T ≤ t) for Student's t with `df` degrees of freedom (df may be fractional, as in Welch's test).
 * @example tCdf(2.7764, 4)   // ≈ 0.975
 */
export function tCdf(t: number, df: number): number {
  checkDf("tCdf", df);
  if (Number.isNaN(t)) return NaN;
  if (!Number.isFinite(t)) return t > 0 ? 1 : 0;
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5); // P(T > |t|)
  return t > 0 ? 1 - tail : tail;
}

/** The density of Student's t with `df` degrees of freedom. */
export function tPdf(t: number, df: number): number {
  checkDf("tPdf", df);
  const lnC = lnGamma((df + 1) / 2) - lnGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(lnC - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/**
 * The p-quantile of Student's t with `df` degrees of freedom: the t with P(T ≤ t) = p (the inverse CDF).
 * A 95% two-sided interval uses tQuantile(0.975, n − 1).
 * Same as `scipy.stats.t.ppf(p, df)`.
 * @example tQuantile(0.975, 4)   // 2.7764 (5 seeds)
 */
export function tQuantile(p: number, df: number): number {
  checkDf("tQuantile", df);
  if (!(p > 0 && p < 1)) throw new Error(`tQuantile: p must be in (0, 1), got ${p}`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantile(1 - p, df);
  // Bracket the root: tCdf is increasing, and tCdf(0) = 0.5 < p.
  let lo = 0;
  let hi = 1;
  while (tCdf(hi, df) < p) {
    lo = hi;
    hi *= 2;
    if (hi > 1e300) return Infinity;
  }
  // Bisection to a tight bracket, then Newton steps for full precision (kept inside the bracket).
  for (let i = 0; i < 60 && hi - lo > 1e-9 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (tCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  let t = 0.5 * (lo + hi);
  for (let i = 0; i < 3; i++) {
    const next = t - (tCdf(t, df) - p) / tPdf(t, df);
    if (!(next >= lo && next <= hi)) break;
    t = next;
  }
  return t;
}
