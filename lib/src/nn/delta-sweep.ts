import { Rng } from "../rng";
import { randn } from "../tensor";
import { numericGradient } from "../gradcheck";
import { CrossEntropyLoss } from "./cross-entropy-loss";
import { mlp, type MlpConfig } from "./mlp";

/** One point of `numericErrorVsDelta` (a type, not an interface, so plot builders take it as a plain row). */
export type DeltaErrorRow = {
  /** The precision the loss was evaluated in for the central differences. */
  dtype: "float64" | "float32";
  seed: number;
  delta: number;
  /** ‖ĝ − g‖ / ‖g‖ over all parameters. */
  error: number;
};

/**
 * The central difference's error as a function of its step δ (notebook 00, part 4): for each δ, the relative error
 * ‖ĝ − g‖/‖g‖ of the whole numerical gradient ĝ[i] = (ℓ(w + δeᵢ) − ℓ(w − δeᵢ))/2δ of a small MLP's cross-entropy
 * loss on 8 random inputs, with ĝ evaluated in float64 and in a float32 copy holding the same weights; g always comes
 * from float64 backprop. Truncation makes the error ∝ δ² for large δ, rounding ∝ ε|ℓ|/δ for small δ
 * (ε = 2.2e-16 in float64, 1.2e-7 in float32), so the best δ is near ε^(1/3).
 * @example numericErrorVsDelta([1e-2, 1e-5, 1e-8], 0).filter((r) => r.dtype === "float64")
 */
export function numericErrorVsDelta(
  deltas: readonly number[],
  seed: number,
  model: Pick<MlpConfig, "sizes" | "activation"> = { sizes: [5, 8, 3], activation: "tanh" },
): DeltaErrorRow[] {
  if (!deltas.length || deltas.some((d) => !(d > 0)))
    throw new Error(`numericErrorVsDelta: every δ must be a positive number, got [${deltas.join(", ")}]`);
  const m32 = mlp({ ...model, dtype: "float32" }, seed);
  const m64 = mlp({ ...model, dtype: "float64" }, seed);
  m64.loadStateDict(m32.stateDict()); // the same weights exactly (float32 values stored in float64)
  const x32 = randn(8, model.sizes[0], new Rng(100 + seed));
  const classes = model.sizes[model.sizes.length - 1];
  const y = Int32Array.from({ length: 8 }, (_, i) => i % classes);
  const ce = new CrossEntropyLoss();
  ce.forward(m64.forward(x32.toFloat64()), y);
  m64.zeroGrad();
  m64.backward(ce.backward());
  const g = m64.parameters().flatMap((p) => Array.from(p.grad.data));
  const norm = Math.hypot(...g);
  const models = [
    ["float64", m64, x32.toFloat64()],
    ["float32", m32, x32],
  ] as const;
  return models.flatMap(([dtype, m, x]) =>
    deltas.map((delta) => {
      const loss = () => ce.forward(m.forward(x), y);
      const num = m.parameters().flatMap((p) => Array.from(numericGradient(loss, p.value.data, delta)));
      return { dtype, seed, delta, error: Math.hypot(...num.map((v, i) => v - g[i])) / norm };
    }),
  );
}

/**
 * Per dtype, the δ with the smallest geometric mean error over the seeds of `numericErrorVsDelta` rows (the natural
 * centre on a log axis), and that error.
 * @example bestDelta(rows).float32.delta // ≈ 3e-3
 */
export function bestDelta(rows: readonly DeltaErrorRow[]): Record<string, { delta: number; error: number }> {
  const out: Record<string, { delta: number; error: number }> = {};
  for (const dtype of [...new Set(rows.map((r) => r.dtype))]) {
    for (const delta of [...new Set(rows.map((r) => r.delta))]) {
      const e = rows.filter((r) => r.dtype === dtype && r.delta === delta).map((r) => Math.log(r.error));
      const error = Math.exp(e.reduce((s, v) => s + v, 0) / e.length);
      if (e.length && !(out[dtype]?.error <= error)) out[dtype] = { delta, error };
    }
  }
  return out;
}
