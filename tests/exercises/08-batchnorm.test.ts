import { describe, expect, it } from "vitest";
import { ExerciseFailed } from "../../lib/src/exercise";
import { Tensor } from "../../lib/src/tensor";
import { columnStats } from "../../lib/src/nn/column-stats";
import {
  checkBnBackward,
  checkBnForward,
  checkFoldBn,
  type BnBackward,
  type BnForward,
  type FoldBn,
} from "../../lib/src/exercises/08-batchnorm";

const forwardWith =
  (variance: "biased" | "unbiased", useEps = true): BnForward =>
  (x, gamma, beta, eps = 1e-5) => {
    const s = columnStats(x);
    const v = variance === "biased" ? s.biasedVar : s.unbiasedVar;
    const y = Tensor.zeros(x.rows, x.cols, x.dtype);
    for (let i = 0; i < x.rows; i++)
      for (let c = 0; c < x.cols; c++)
        y.set(i, c, (gamma[c] * (x.get(i, c) - s.mean[c])) / Math.sqrt(v[c] + (useEps ? eps : 0)) + beta[c]);
    return y;
  };

/** CS231n's backward; `full` = false drops the terms that come through the batch mean and variance. */
const backwardWith =
  (full: boolean, dgammaFromY = false): BnBackward =>
  (x, gamma, dy, eps = 1e-5) => {
    const s = columnStats(x);
    const n = x.rows;
    const dx = Tensor.zeros(n, x.cols, x.dtype);
    const dgamma = new Array<number>(x.cols).fill(0);
    const dbeta = new Array<number>(x.cols).fill(0);
    for (let c = 0; c < x.cols; c++) {
      const inv = 1 / Math.sqrt(s.biasedVar[c] + eps);
      let sumDy = 0;
      let sumDyXhat = 0;
      for (let i = 0; i < n; i++) {
        const xhat = (x.get(i, c) - s.mean[c]) * inv;
        sumDy += dy.get(i, c);
        sumDyXhat += dy.get(i, c) * xhat;
        dgamma[c] += dy.get(i, c) * (dgammaFromY ? gamma[c] * xhat : xhat);
      }
      dbeta[c] = sumDy;
      for (let i = 0; i < n; i++) {
        const xhat = (x.get(i, c) - s.mean[c]) * inv;
        const g = full ? dy.get(i, c) - sumDy / n - (xhat * sumDyXhat) / n : dy.get(i, c);
        dx.set(i, c, gamma[c] * inv * g);
      }
    }
    return { dx, dgamma, dbeta };
  };

const foldWith =
  (variant: "right" | "no eps" | "bias not centred" | "variance not rooted"): FoldBn =>
  (weight, bias, gamma, beta, mean, variance, eps) => {
    const w = weight.clone();
    const b = bias.map((bo, o) => {
      const v = variance[o] + (variant === "no eps" ? 0 : eps);
      const k = gamma[o] / (variant === "variance not rooted" ? v : Math.sqrt(v));
      for (let i = 0; i < w.cols; i++) w.set(o, i, weight.get(o, i) * k);
      return (variant === "bias not centred" ? bo : bo - mean[o]) * k + beta[o];
    });
    return { weight: w, bias: b };
  };

const quiet = (f: () => void) => () => {
  const log = console.log;
  console.log = () => {};
  try {
    f();
  } finally {
    console.log = log;
  }
};

describe("exercise checks of notebook 08", () => {
  it("accept the correct answers", () => {
    expect(quiet(() => checkBnForward(forwardWith("biased")))).not.toThrow();
    expect(quiet(() => checkBnBackward(backwardWith(true)))).not.toThrow();
    expect(quiet(() => checkFoldBn(foldWith("right")))).not.toThrow();
  });

  it("reject a forward with the unbiased variance, or without eps", () => {
    expect(quiet(() => checkBnForward(forwardWith("unbiased")))).toThrow(ExerciseFailed);
    expect(quiet(() => checkBnForward(forwardWith("biased", false)))).toThrow(ExerciseFailed);
  });

  it("reject a backward that ignores the batch statistics' dependence on x, or scales dgamma by gamma", () => {
    expect(quiet(() => checkBnBackward(backwardWith(false)))).toThrow(ExerciseFailed);
    expect(quiet(() => checkBnBackward(backwardWith(true, true)))).toThrow(ExerciseFailed);
  });

  it.each(["no eps", "bias not centred", "variance not rooted"] as const)("reject a fold with %s", (v) => {
    expect(quiet(() => checkFoldBn(foldWith(v)))).toThrow(ExerciseFailed);
  });
});
