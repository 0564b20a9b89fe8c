/**
 * Checks for notebook 08 (batch normalization): the training-mode forward, the backward (checked against central
 * differences of the forward — a gradient check — and against `BatchNorm1d`), and folding an eval-mode BN into the
 * Linear layer before it. Every check uses fixed pseudo-random float64 data.
 */
import { checkClose } from "../exercise";
import { Rng } from "../rng";
import { Tensor, randn } from "../tensor";
import { BatchNorm1d } from "../nn/batch-norm";
import { Linear } from "../nn/linear";

/** Training-mode BN forward of the columns of x with scale `gamma` (c_v) and shift `beta` (b_v). */
export type BnForward = (x: Tensor, gamma: number[], beta: number[], eps?: number) => Tensor;
/** Training-mode BN backward: from x, gamma and the upstream gradient dy, the gradients of x, gamma and beta. */
export type BnBackward = (
  x: Tensor,
  gamma: number[],
  dy: Tensor,
  eps?: number,
) => { dx: Tensor; dgamma: number[]; dbeta: number[] };
/** A Linear (weight out × in, bias) followed by an eval-mode BN, folded into one Linear. */
export type FoldBn = (
  weight: Tensor,
  bias: number[],
  gamma: number[],
  beta: number[],
  runningMean: number[],
  runningVar: number[],
  eps: number,
) => { weight: Tensor; bias: number[] };

const GAMMA = [1, 0.5, 2, -1, 3];
const BETA = [0, 1, -2, 0.5, 4];

function bnLayer(eps = 1e-5): BatchNorm1d {
  const bn = new BatchNorm1d(5, { dtype: "float64", eps });
  bn.weight!.value.data.set(GAMMA);
  bn.bias!.value.data.set(BETA);
  return bn;
}

/** Exercise (a): 16 × 5 and 3 × 5 batches (eps 1e-5 and 0.1) against `BatchNorm1d` in train mode. */
export function checkBnForward(forward: BnForward): void {
  const x = randn(16, 5, new Rng(7), 2, -1, "float64");
  checkClose("bnForward = BatchNorm1d (train mode, 16 × 5)", forward(x, GAMMA, BETA).data, bnLayer().forward(x).data, {
    rtol: 1e-9,
    atol: 1e-12,
  });
  const small = x.sliceRows(0, 3);
  checkClose(
    "bnForward with N = 3 and eps = 0.1",
    forward(small, GAMMA, BETA, 0.1).data,
    bnLayer(0.1).forward(small).data,
    {
      rtol: 1e-9,
      atol: 1e-12,
    },
  );
}

/**
 * Exercise (b): the gradients of L = Σ dy ⊙ BN(x) — by central differences of `BatchNorm1d`'s forward (the
 * gradient check, independent of any backward code) and by `BatchNorm1d.backward`.
 */
export function checkBnBackward(backward: BnBackward): void {
  const rng = new Rng(8);
  const x = randn(6, 5, rng, 1.5, 0.5, "float64");
  const dy = randn(6, 5, rng, 1, 0, "float64");
  const mine = backward(x, GAMMA, dy);
  const loss = (xx: Tensor, g = GAMMA, b = BETA) => {
    const bn = new BatchNorm1d(5, { dtype: "float64" });
    bn.weight!.value.data.set(g);
    bn.bias!.value.data.set(b);
    const y = bn.forward(xx);
    let sum = 0;
    for (let i = 0; i < y.data.length; i++) sum += y.data[i] * dy.data[i];
    return sum;
  };
  const h = 1e-5;
  const numDx = Array.from(x.data, (_, i) => {
    const [p, m] = [x.clone(), x.clone()];
    p.data[i] += h;
    m.data[i] -= h;
    return (loss(p) - loss(m)) / (2 * h);
  });
  const numDgamma = GAMMA.map((_, c) => {
    const [p, m] = [[...GAMMA], [...GAMMA]];
    p[c] += h;
    m[c] -= h;
    return (loss(x, p) - loss(x, m)) / (2 * h);
  });
  checkClose("dx = central differences of the forward (gradient check)", mine.dx.data, numDx, {
    rtol: 1e-5,
    atol: 1e-7,
  });
  checkClose("dgamma = central differences (gradient check)", mine.dgamma, numDgamma, { rtol: 1e-5, atol: 1e-7 });
  const bn = bnLayer();
  bn.forward(x);
  const dx = bn.backward(dy);
  checkClose("dx = BatchNorm1d.backward", mine.dx.data, dx.data, { rtol: 1e-9, atol: 1e-12 });
  checkClose("dbeta = BatchNorm1d's bias gradient", mine.dbeta, bn.bias!.grad.data, { rtol: 1e-9, atol: 1e-12 });
}

/** Exercise (c): the folded Linear reproduces Linear → BatchNorm1d (eval mode, trained-looking statistics). */
export function checkFoldBn(fold: FoldBn): void {
  const rng = new Rng(9);
  const fc = new Linear(4, 5, { dtype: "float64", seed: 3 });
  const bn = bnLayer(1e-3);
  bn.runningMean!.data.set(Array.from({ length: 5 }, () => rng.normal(0, 2)));
  bn.runningVar!.data.set(Array.from({ length: 5 }, () => 0.05 + rng.uniform() * 3));
  bn.eval();
  const x = randn(7, 4, rng, 1, 0, "float64");
  const expected = bn.forward(fc.forward(x));
  const folded = fold(
    fc.weight.value.clone(),
    Array.from(fc.bias!.value.data),
    [...GAMMA],
    [...BETA],
    Array.from(bn.runningMean!.data),
    Array.from(bn.runningVar!.data),
    bn.eps,
  );
  const one = new Linear(4, 5, { dtype: "float64", seed: 0 });
  one.weight.value.data.set(folded.weight.data);
  one.bias!.value.data.set(folded.bias);
  checkClose("folded Linear = Linear → BatchNorm1d (eval mode)", one.forward(x).data, expected.data, {
    rtol: 1e-9,
    atol: 1e-12,
  });
}
