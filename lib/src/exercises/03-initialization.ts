/**
 * Checks for notebook 03 (initialization). Each takes the student's function and throws `ExerciseFailed` on a
 * wrong answer; labels never print the expected value.
 */
import { ExerciseFailed, checkClose, checkTrue } from "../exercise";
import { Linear, mlp, type Sequential } from "../nn";
import { Rng } from "../rng";
import { maxAbs, std } from "../tensor";
import type { Dataset } from "../data";
import { plainSgd } from "../experiment/symmetry";

const FANS = [10, 64, 256, 784];

function values(name: string, f: (n: number) => number): number[] {
  if (typeof f !== "function") throw new ExerciseFailed(`✗ ${name}: expected a function of fanIn`);
  return FANS.map((n) => f(n));
}

/** Exercise (a): the std of N(0, var(w)) that keeps var(a[v]) = var(a[u]) through a ReLU layer (Kaiming). */
export function checkKaimingStd(kaimingStd: (fanIn: number) => number): void {
  const got = values("kaimingStd", kaimingStd);
  checkClose(
    "kaimingStd(n) for n = 10, 64, 256, 784",
    got,
    FANS.map((n) => Math.sqrt(2 / n)),
    { rtol: 1e-6 },
  );
}

/** Exercise (a): the same for parents that pass a through unchanged (tanh near 0): the lecture's Xavier σ²/n. */
export function checkXavierStd(xavierStd: (fanIn: number) => number): void {
  const got = values("xavierStd", xavierStd);
  checkClose(
    "xavierStd(n) for n = 10, 64, 256, 784",
    got,
    FANS.map((n) => Math.sqrt(1 / n)),
    { rtol: 1e-6 },
  );
}

/**
 * Exercise (c): zero weights, biases N(0, 1). Applies the student's init to a 784-32-32-10 ReLU MLP, checks it,
 * trains 150 plain SGD steps (η = 0.1, batch 64) and checks the predictions: layer 1's units become different,
 * and the units that never move are exactly those whose bias started negative.
 */
export function checkZeroWeightsRandomBiases(init: (model: Sequential, rng: Rng) => void, train: Dataset): void {
  const model = mlp({ sizes: [784, 32, 32, 10], activation: "relu" }, 0);
  init(model, new Rng(0));
  const linears = model.layers.filter((l): l is Linear => l instanceof Linear);
  checkTrue(
    "every weight is 0",
    linears.every((l) => maxAbs(l.weight.value) === 0),
  );
  const b1 = linears[0].bias!.value;
  checkClose("the layer-1 biases' std (N(0, 1) draws)", std(b1), 1, { rtol: 0.4 });
  const negative = Array.from(b1.data).filter((b) => b < 0).length;
  plainSgd(model, train, { steps: 150, lr: 0.1, batchSize: 64 }, 0);
  const w = linears[0].weight.value;
  const movedRows = Array.from({ length: w.rows }, (_, i) => w.row(i).some((v) => v !== 0));
  const moved = movedRows.filter(Boolean).length;
  checkTrue("after training, the units of layer 1 differ", moved > 1);
  checkTrue(
    "the units that never moved are exactly those that started with a negative bias",
    movedRows.every((m, i) => m === b1.data[i] >= 0),
    `${moved} of ${w.rows} units moved; ${negative} started with b < 0`,
  );
}
