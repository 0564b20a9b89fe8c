import { describe, expect, it } from "vitest";
import { Tensor, randn, type Data } from "../tensor";
import { Rng } from "../rng";
import { Module } from "./module";
import { Linear } from "./linear";
import { Sigmoid } from "./activations";
import { Sequential } from "./sequential";
import { BatchNorm1d } from "./batch-norm";
import { Dropout } from "./dropout";
import { MSELoss } from "./mse-loss";
import { CrossEntropyLoss } from "./cross-entropy-loss";
import { gradCheckModule } from "./gradcheck-module";

/** The notebook-00 bug: a sigmoid whose backward forgets the factor (1 − σ). */
class BuggySigmoid extends Module {
  private y?: Tensor;
  forward(x: Tensor): Tensor {
    this.y = new Tensor(x.rows, x.cols, x.data.map((v: number) => 1 / (1 + Math.exp(-v))) as Data);
    return this.y;
  }
  backward(dy: Tensor): Tensor {
    const y = this.y as Tensor;
    return new Tensor(dy.rows, dy.cols, dy.data.map((g: number, i: number) => g * y.data[i]) as Data); // missing (1 − y)
  }
}

describe("gradCheckModule", () => {
  const x = randn(4, 3, new Rng(0), 1, 0, "float64");

  it("catches a backward that misses a factor, and reports every parameter and the input", () => {
    const bad = gradCheckModule(new Sequential(new Linear(3, 2, { seed: 1 }), new BuggySigmoid()), x);
    expect(bad.pass).toBe(false);
    expect(bad.rows.map((r) => [r.name, r.pass])).toEqual([
      ["0.weight", false],
      ["0.bias", false],
      ["input", false],
    ]);
    const good = gradCheckModule(new Sequential(new Linear(3, 2, { seed: 1 }), new Sigmoid()), x);
    expect(good.pass).toBe(true);
    const table = String(good).split("\n");
    expect(table[0]).toBe("gradCheckModule(Sequential): PASS (tol 1e-6)");
    expect(table[1]).toMatch(/^name\s+shape\s+max rel err\s+max abs err\s+pass$/);
    expect(table[2]).toMatch(/^0\.weight\s+\[2, 3\]\s+\d\.\d\de-\d+\s+\d\.\d\de-\d+\s+ok$/);
    expect(String(bad)).toContain("FAIL");
  });

  it("works in float64 on a float32 model and restores values, grads, dtypes, buffers and rng states", () => {
    const fc = new Linear(3, 4, { seed: 2 });
    const bn = new BatchNorm1d(4);
    const drop = new Dropout(0.5, { seed: 3 });
    const model = new Sequential(fc, bn, new Sigmoid(), drop);
    fc.weight.grad.data.fill(7);
    const [w, g] = [fc.weight.value, fc.weight.grad];
    const before = { sd: model.stateDict(), rng: drop.rng.getState() };
    const r = gradCheckModule(model, x.toFloat32());
    // in float32, central differences would be off by ~1e-7/1e-6 = 10%; 1e-6 is only reachable in float64
    expect(r.pass, String(r)).toBe(true);
    expect(fc.weight.value).toBe(w);
    expect(fc.weight.grad).toBe(g);
    expect(w.dtype).toBe("float32");
    expect(Array.from(g.data).every((v) => v === 7)).toBe(true);
    expect(model.stateDict()).toEqual(before.sd); // includes runningMean/Var and numBatchesTracked
    expect(drop.rng.getState()).toEqual(before.rng);
  });

  it("checks through a loss and skips frozen parameters", () => {
    const fc = new Linear(3, 2, { seed: 4 });
    fc.bias!.requiresGrad = false;
    const r = gradCheckModule(fc, x, { loss: new CrossEntropyLoss(), target: [0, 1, 1, 0] });
    expect(r.rows.map((row) => row.name)).toEqual(["weight", "input"]);
    expect(r.pass, String(r)).toBe(true);
    const mse = gradCheckModule(fc, x, { loss: new MSELoss(), target: Tensor.zeros(4, 2) }); // float32 target is fine
    expect(mse.pass, String(mse)).toBe(true);
    expect(() => gradCheckModule(fc, x, { loss: new MSELoss() })).toThrow("gradCheckModule: a loss needs a target");
  });
});
