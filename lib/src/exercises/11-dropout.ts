import { checkClose } from "../exercise";
import { Dropout } from "../nn/dropout";
import { Rng } from "../rng";
import { map, randn, Tensor } from "../tensor";

/** The student's inverted dropout: forward `y` and backward `dx` for a given 0/1 keep mask. */
export type InvertedDropoutFn = (x: Tensor, keep: Tensor, p: number, dy: Tensor) => { y: Tensor; dx: Tensor };

/**
 * Exercise (a) of notebook 11: inverted dropout by hand, y = keep ⊙ x / (1 − p) and dx = keep ⊙ dy / (1 − p).
 * For p ∈ {0.2, 0.5, 0.8} the mask is drawn by a seeded `Dropout(p)` and both passes are compared with that layer's;
 * p = 0.5 alone would not tell 1/(1 − p) from 1/p (ConvNetJS's bug), hence three values.
 */
export function checkInvertedDropout(fn: InvertedDropoutFn): void {
  for (const p of [0.2, 0.5, 0.8]) {
    const x = randn(6, 7, new Rng(3));
    const dy = randn(6, 7, new Rng(4));
    const keep = map(new Dropout(p, { seed: 9 }).forward(Tensor.full(6, 7, 1)), (v) => (v > 0 ? 1 : 0));
    const ref = new Dropout(p, { seed: 9 });
    const y = ref.forward(x).clone();
    const dx = ref.backward(dy).clone();
    const mine = fn(x.clone(), keep.clone(), p, dy.clone());
    checkClose(`forward of Dropout(${p})`, mine?.y?.data ?? [], y.data, { rtol: 1e-6, atol: 1e-7 });
    checkClose(`backward of Dropout(${p})`, mine?.dx?.data ?? [], dx.data, { rtol: 1e-6, atol: 1e-7 });
  }
}
