/**
 * Compares nn-knobs results with the PyTorch fixtures and says which case and which entry disagree.
 *
 * An entry passes when |ours − torch| ≤ rtol · max(|torch|, floor · scale), scale = the largest |torch| value of
 * that entry (a whole tensor, trajectory or schedule; a scalar is its own scale):
 * - float64: rtol 1e-9, floor 1e-4 — so an entry far below its tensor's scale may be off by 1e-13·scale.
 * - float32: rtol 1e-4, floor 1e-2 — absolute 1e-6·scale.
 * Why a floor: entries that come out of a cancellation (BatchNorm's N·dy − Σdy − x̂·Σ(dy·x̂), softmax − one-hot,
 * a trajectory passing near 0) carry an *absolute* rounding error of a few ulps of the terms, i.e. of the scale,
 * not of the small result; and float32 underflow (torch's float32 sigmoid(−100) is 0, ours 4e-45). float64's ulp is 2.2e-16·scale, so 1e-13·scale
 * still allows only ~500 ulps; float32's ulp is 1.2e-7·scale, so 1e-6·scale is ~8 ulps.
 */
export type DTypeName = "float32" | "float64";

export const TOLERANCE: Record<DTypeName, { rtol: number; floor: number }> = {
  float64: { rtol: 1e-9, floor: 1e-4 },
  float32: { rtol: 1e-4, floor: 1e-2 },
};

/** A nested array of numbers as the fixtures store tensors (rows of columns), trajectories, or schedules. */
export type Nested = number | Nested[];

/** One entry's worst disagreement. */
export interface Disagreement {
  entry: string;
  index: string;
  ours: number;
  torch: number;
  relErr: number;
}

function flatten(x: Nested, path = "", out: [string, number][] = []): [string, number][] {
  if (typeof x === "number") out.push([path, x]);
  else x.forEach((v, i) => flatten(v, `${path}[${i}]`, out));
  return out;
}

/**
 * Collects the disagreements of one fixture case; `check` compares one entry, `report()` is the message for
 * a failed test (empty when everything agrees), `worst` the largest relative error seen (for the README).
 */
export class Comparison {
  readonly failures: Disagreement[] = [];
  worst = 0;

  constructor(
    readonly caseName: string,
    readonly dtype: DTypeName,
  ) {}

  /** Compares `ours` (same nesting as `torch`, or a flat typed array of the same length) with `torch`. */
  check(entry: string, ours: Nested | ArrayLike<number>, torch: Nested): void {
    const expected = flatten(torch);
    const actual =
      typeof ours === "number" || Array.isArray(ours) ? flatten(ours as Nested).map(([, v]) => v) : Array.from(ours);
    if (actual.length !== expected.length) {
      this.failures.push({ entry, index: "(size)", ours: actual.length, torch: expected.length, relErr: Infinity });
      return;
    }
    const { rtol, floor } = TOLERANCE[this.dtype];
    const scale = Math.max(...expected.map(([, v]) => Math.abs(v)));
    let worst: Disagreement | undefined;
    expected.forEach(([index, t], i) => {
      const a = actual[i];
      const denom = Math.max(Math.abs(t), floor * scale);
      const relErr = a === t ? 0 : Number.isFinite(a) && denom > 0 ? Math.abs(a - t) / denom : Infinity;
      this.worst = Math.max(this.worst, relErr);
      if (relErr > rtol && (!worst || relErr > worst.relErr)) worst = { entry, index, ours: a, torch: t, relErr };
    });
    if (worst) this.failures.push(worst);
  }

  /** "" if all agreed, else one line per disagreeing entry. */
  report(): string {
    const { rtol } = TOLERANCE[this.dtype];
    return this.failures
      .map(
        (f) =>
          `${this.caseName}: ${f.entry}${f.index} = ${f.ours}, torch ${f.torch} ` +
          `(relative error ${f.relErr.toExponential(2)} > ${rtol})`,
      )
      .join("\n");
  }
}
