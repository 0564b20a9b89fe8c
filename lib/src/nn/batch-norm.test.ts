import { describe, expect, it } from "vitest";
import { Tensor, randn } from "../tensor";
import { Rng } from "../rng";
import { BatchNorm1d } from "./batch-norm";
import { gradCheckModule } from "./gradcheck-module";

// Two features: column 0 = [1, 2, 3, 4], column 1 = twice that. By hand, N = 4:
//   batch mean [2.5, 5]; biased variance [(1.5² + 0.5² + 0.5² + 1.5²)/4, 4 × that] = [1.25, 5];
//   unbiased variance (×4/3) [5/3, 20/3].
const X = Tensor.fromRows(
  [
    [1, 2],
    [2, 4],
    [3, 6],
    [4, 8],
  ],
  "float64",
);
const X10 = Tensor.fromRows(
  X.toRows().map((r) => r.map((v) => v + 10)),
  "float64",
); // mean +10, same variance
const row = (t: Tensor | null) => Array.from(t!.data);

describe("BatchNorm1d", () => {
  it("normalises with the batch mean and biased variance in training", () => {
    const y = new BatchNorm1d(2, { dtype: "float64" }).forward(X);
    const s0 = Math.sqrt(1.25 + 1e-5);
    const s1 = Math.sqrt(5 + 1e-5);
    const expected = X.toRows().map(([a, b]) => [(a - 2.5) / s0, (b - 5) / s1]);
    y.toRows().forEach((r, i) => r.forEach((v, j) => expect(v).toBeCloseTo(expected[i][j], 14)));
  });

  it("updates running stats as torch: (1 − m)·running + m·batch with the unbiased variance", () => {
    const bn = new BatchNorm1d(2, { dtype: "float64" });
    bn.forward(X);
    // step 1 from (0, 1): mean 0.1·[2.5, 5] = [0.25, 0.5]; var 0.9 + 0.1·[5/3, 20/3] = [1.0666…, 1.5666…]
    row(bn.runningMean).forEach((v, i) => expect(v).toBeCloseTo([0.25, 0.5][i], 15));
    row(bn.runningVar).forEach((v, i) => expect(v).toBeCloseTo([0.9 + 1 / 6, 0.9 + 2 / 3][i], 14));
    bn.forward(X10);
    // step 2: mean 0.9·[0.25, 0.5] + 0.1·[12.5, 15] = [1.475, 1.95]; var 0.9·step1 + 0.1·[5/3, 20/3]
    row(bn.runningMean).forEach((v, i) => expect(v).toBeCloseTo([1.475, 1.95][i], 14));
    row(bn.runningVar).forEach((v, i) => expect(v).toBeCloseTo([0.96 + 1 / 6, 1.41 + 2 / 3][i], 14));
    expect(row(bn.numBatchesTracked)).toEqual([2]);

    // eval uses them: the running mean maps to 0, mean + √(var + eps) to 1; a batch of one is fine in eval
    bn.eval();
    const rv = row(bn.runningVar);
    const x = Tensor.fromRows([[1.475, 1.95 + Math.sqrt(rv[1] + 1e-5)]], "float64");
    const y = row(bn.forward(x));
    expect(y[0]).toBeCloseTo(0, 14);
    expect(y[1]).toBeCloseTo(1, 14);
    expect(row(bn.numBatchesTracked)).toEqual([2]); // eval does not count
  });

  it("momentum: null is a cumulative average (factor 1/numBatchesTracked)", () => {
    const bn = new BatchNorm1d(2, { momentum: null, dtype: "float64" });
    bn.forward(X);
    bn.forward(X10);
    // factor 1 then 1/2: the plain average of the two batch means and unbiased variances
    row(bn.runningMean).forEach((v, i) => expect(v).toBeCloseTo([7.5, 10][i], 14));
    row(bn.runningVar).forEach((v, i) => expect(v).toBeCloseTo([5 / 3, 20 / 3][i], 14));
  });

  it("applies weight and bias, and backward gives Σ dy·x̂ and Σ dy for them", () => {
    const bn = new BatchNorm1d(2, { dtype: "float64" });
    bn.weight!.assign(Tensor.fromRows([[2, 3]], "float64"));
    bn.bias!.assign(Tensor.fromRows([[1, -1]], "float64"));
    const y = bn.forward(X);
    // x̂ of column 0 is (x − 2.5)/√1.25000…, so y = 2·x̂ + 1; its mean over the batch is the bias
    expect((y.get(0, 0) + y.get(1, 0) + y.get(2, 0) + y.get(3, 0)) / 4).toBeCloseTo(1, 14);
    expect(y.get(3, 0)).toBeCloseTo((2 * 1.5) / Math.sqrt(1.25 + 1e-5) + 1, 14);
    const dy = Tensor.fromRows(
      [
        [1, 0],
        [0, 0],
        [0, 0],
        [0, 1],
      ],
      "float64",
    );
    const dx = bn.backward(dy);
    expect(bn.bias!.grad.toRows()[0]).toEqual([1, 1]);
    bn.weight!.grad.toRows()[0].forEach((v, i) =>
      expect(v).toBeCloseTo([-1.5 / Math.sqrt(1.25 + 1e-5), 3 / Math.sqrt(5 + 1e-5)][i], 14),
    );
    // a shift of the whole batch does not change the output, so each column of dx sums to 0
    for (const c of [0, 1]) expect(dx.get(0, c) + dx.get(1, c) + dx.get(2, c) + dx.get(3, c)).toBeCloseTo(0, 14);
  });

  it("passes a float64 gradient check in train and eval mode (and leaves the running stats alone)", () => {
    const rng = new Rng(5);
    const bn = new BatchNorm1d(4);
    bn.weight!.assign(randn(1, 4, rng, 1, 1));
    bn.bias!.assign(randn(1, 4, rng));
    const x = randn(8, 4, rng, 2, 1, "float64");
    const train = gradCheckModule(bn, x);
    expect(train.pass, String(train)).toBe(true);
    expect(row(bn.numBatchesTracked)).toEqual([0]);
    expect(row(bn.runningMean)).toEqual([0, 0, 0, 0]);
    bn.forward(x.toFloat32());
    bn.forward(randn(8, 4, rng, 3, -1)); // some non-trivial running statistics
    const evalReport = gradCheckModule(bn.eval(), x);
    expect(evalReport.pass, String(evalReport)).toBe(true);
    const noAffine = gradCheckModule(new BatchNorm1d(4, { affine: false }), x);
    expect(noAffine.pass, String(noAffine)).toBe(true);
  });

  it("registers torch's parameters and buffers (camelCase), none when affine/trackRunningStats are off", () => {
    expect(Object.keys(new BatchNorm1d(3).stateDict())).toEqual([
      "weight",
      "bias",
      "runningMean",
      "runningVar",
      "numBatchesTracked",
    ]);
    const plain = new BatchNorm1d(3, { affine: false, trackRunningStats: false });
    expect(Object.keys(plain.stateDict())).toEqual([]);
    expect(plain.describe()).toBe("BatchNorm1d(3, affine=false, trackRunningStats=false)");
    // without running stats, eval mode normalises with the batch statistics: [1, 2, 3] → [−1.2247, 0, 1.2247]
    const y = plain.eval().forward(
      Tensor.fromRows(
        [
          [1, 5, 0],
          [2, 5, 0],
          [3, 5, 0],
        ],
        "float64",
      ),
    );
    expect(y.get(0, 0)).toBeCloseTo(-1 / Math.sqrt(2 / 3 + 1e-5), 14); // biased var of [1, 2, 3] = 2/3
    expect(y.get(1, 1)).toBe(0); // a constant column maps to 0 (var 0, eps keeps it finite)
  });

  it("throws torch's errors: a batch of one in training, a wrong feature count, a bad numFeatures", () => {
    const bn = new BatchNorm1d(3);
    expect(() => bn.forward(Tensor.zeros(1, 3))).toThrow(
      "Expected more than 1 value per channel when training, got input size [1, 3]",
    );
    expect(() => bn.forward(Tensor.zeros(8, 5))).toThrow("BatchNorm1d(3): expected input [*, 3], got [8, 5] float32");
    expect(() => new BatchNorm1d(0)).toThrow("numFeatures must be a positive integer");
  });

  it("loads a state dict and rejects wrong shapes with a clear error", () => {
    const a = new BatchNorm1d(2, { dtype: "float64" });
    a.forward(X);
    const b = new BatchNorm1d(2);
    b.loadStateDict(a.stateDict());
    expect(row(b.runningMean)).toEqual([0.25, 0.5]);
    expect(() => new BatchNorm1d(3).loadStateDict(a.stateDict())).toThrow(
      "loadStateDict: size mismatch for weight: the checkpoint has [1, 2], the model has [1, 3]",
    );
  });
});
