/** Options of the gradient checks: the step δ, the tolerance on the relative error and its denominator floor. */
export interface GradCheckOptions {
  /** Central-difference step δ (default 1e-5: near the float64 optimum ε^(1/3) for O(1) values, see notebook 00). */
  delta?: number;
  /** An entry fails if its relative error exceeds tol (default 1e-6). */
  tol?: number;
  /**
   * Floor of the relative error's denominator (default 1e-2): central differences in float64 carry ~1e-10 of
   * rounding noise, so gradients much smaller than 1 cannot be compared relatively; below `tiny` the check becomes
   * absolute (|g − ĝ| ≤ tol·tiny). A wrong gradient of any size above ~1e-8 is still caught.
   */
  tiny?: number;
}

/** Per-entry comparison of an analytic gradient g with the numeric one ĝ. */
export interface GradComparison {
  analytic: Float64Array;
  numeric: Float64Array;
  /** |g − ĝ| / max(|g|, |ĝ|, tiny), per entry. */
  relError: Float64Array;
  absError: Float64Array;
  maxRelError: number;
  maxAbsError: number;
  /** Index of the entry with the largest relative error (−1 if there are none). */
  worst: number;
  pass: boolean;
}

/** gradCheck's result: the comparison plus a one-line summary. */
export interface GradCheckResult extends GradComparison {
  toString(): string;
}

/** Compares two gradients entry by entry (shared by gradCheck and gradCheckModule). */
export function compareGradients(
  analytic: ArrayLike<number>,
  numeric: ArrayLike<number>,
  { tol = 1e-6, tiny = 1e-2 }: GradCheckOptions = {},
): GradComparison {
  const n = analytic.length;
  const r: GradComparison = {
    analytic: Float64Array.from(analytic),
    numeric: Float64Array.from(numeric),
    relError: new Float64Array(n),
    absError: new Float64Array(n),
    maxRelError: 0,
    maxAbsError: 0,
    worst: -1,
    pass: true,
  };
  for (let i = 0; i < n; i++) {
    const [g, h] = [r.analytic[i], r.numeric[i]];
    r.absError[i] = Math.abs(g - h);
    r.relError[i] = Number.isNaN(r.absError[i]) ? Infinity : r.absError[i] / Math.max(Math.abs(g), Math.abs(h), tiny);
    r.maxAbsError = Math.max(r.maxAbsError, r.absError[i]);
    if (r.worst < 0 || r.relError[i] > r.maxRelError) [r.maxRelError, r.worst] = [r.relError[i], i];
  }
  r.pass = r.maxRelError <= tol;
  return r;
}

/**
 * The central differences ĝ[i] = (f(w + δeᵢ) − f(w − δeᵢ))/2δ for every i, where `f` reads `w` (changed in place and
 * restored entry by entry). @example numericGradient(() => loss(w), w, 1e-6)
 */
export function numericGradient(
  f: () => number,
  w: { length: number; [i: number]: number },
  delta: number,
): Float64Array {
  const g = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) {
    const wi = w[i];
    w[i] = wi + delta;
    const fPlus = f();
    w[i] = wi - delta;
    const fMinus = f();
    w[i] = wi;
    g[i] = (fPlus - fMinus) / (2 * delta);
  }
  return g;
}

/**
 * The lecture's GradCheck(f, grad_f, w): compares grad_f(w) with the central differences
 * ĝ[i] = (f(w + δeᵢ) − f(w − δeᵢ)) / 2δ and reports the relative error |g − ĝ|/max(|g|, |ĝ|, tiny) per entry.
 * Like `torch.autograd.gradcheck` but with a relative-error report instead of atol/rtol. `w` is not changed.
 *
 * @example
 *   const f = (w: Float64Array) => w[0] ** 2 * w[1];
 *   gradCheck(f, (w) => Float64Array.of(2 * w[0] * w[1], w[0] ** 2), Float64Array.of(3, 2)).pass; // true
 */
export function gradCheck(
  f: (w: Float64Array) => number,
  gradF: (w: Float64Array) => ArrayLike<number>,
  w: ArrayLike<number>,
  opts: GradCheckOptions = {},
): GradCheckResult {
  const x = Float64Array.from(w);
  const analytic = Float64Array.from(gradF(Float64Array.from(x)));
  if (analytic.length !== x.length)
    throw new Error(`gradCheck: grad_f returned ${analytic.length} entries for ${x.length} weights`);
  const r = compareGradients(
    analytic,
    numericGradient(() => f(x), x, opts.delta ?? 1e-5),
    opts,
  );
  const i = r.worst;
  return {
    ...r,
    toString: () =>
      `gradCheck: ${r.pass ? "PASS" : "FAIL"} — max relative error ${r.maxRelError.toExponential(2)}` +
      (i >= 0 ? ` at w[${i}] (analytic ${r.analytic[i]}, numeric ${r.numeric[i]})` : ""),
  };
}
