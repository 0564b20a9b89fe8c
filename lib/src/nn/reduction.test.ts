import { describe, expect, it } from "vitest";
import { Tensor, randn } from "../tensor";
import { Rng } from "../rng";
import { CrossEntropyLoss } from "./cross-entropy-loss";
import { MSELoss } from "./mse-loss";
import { BCEWithLogitsLoss } from "./bce-with-logits-loss";

const x = randn(4, 3, new Rng(1), 1, 0, "float64");
const labels = Int32Array.of(0, 2, 1, 2);
const target = randn(4, 3, new Rng(2), 0.5, 0, "float64");
const probs = Tensor.fromArray(
  Float64Array.from(target.data, (v) => 1 / (1 + Math.exp(-v))),
  4,
  3,
);

const cases = [
  { name: "CrossEntropyLoss", make: (r: "mean" | "sum" | "none") => new CrossEntropyLoss({ reduction: r }), t: labels },
  { name: "MSELoss", make: (r: "mean" | "sum" | "none") => new MSELoss({ reduction: r }), t: target },
  {
    name: "BCEWithLogitsLoss",
    make: (r: "mean" | "sum" | "none") => new BCEWithLogitsLoss({ reduction: r }),
    t: probs,
  },
] as const;

describe("loss reductions (torch's reduction='mean' | 'sum' | 'none')", () => {
  for (const c of cases) {
    it(`${c.name}: sum = n·mean, none = the elements whose mean is the mean; gradients scale the same way`, () => {
      const mean = c.make("mean");
      const sum = c.make("sum");
      const none = c.make("none");
      const m = mean.forward(x, c.t as never) as number;
      const gm = mean.backward().toRows();
      const s = sum.forward(x, c.t as never) as number;
      const gs = sum.backward().toRows();
      const each = none.forward(x, c.t as never) as Tensor;
      const n = each.size; // N for cross-entropy (one loss per row), every entry for the elementwise losses
      expect(n).toBe(c.name === "CrossEntropyLoss" ? 4 : 12);
      expect(s).toBeCloseTo(n * m, 12);
      expect(Array.from(each.data as Float64Array).reduce((a, b) => a + b, 0)).toBeCloseTo(s, 12);
      gs.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(n * gm[i][j], 12)));
      // none with the default dl = ones is the sum's gradient; dl weights each element's gradient
      none
        .backward()
        .toRows()
        .forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(gs[i][j], 12)));
      const dl = Tensor.fromArray(
        Float64Array.from({ length: n }, (_, k) => k + 1),
        each.rows,
        each.cols,
      );
      const gw = none.backward(dl).toRows();
      gw.forEach((row, i) =>
        row.forEach((v, j) => {
          const w = each.cols === 1 ? i + 1 : i * each.cols + j + 1;
          expect(v).toBeCloseTo(w * gs[i][j], 12);
        }),
      );
      expect(String(sum)).toBe(`${c.name}(reduction='sum')`);
      expect(String(mean)).toBe(`${c.name}()`);
    });
  }

  it("rejects an unknown reduction and an upstream gradient it cannot use, with torch's message", () => {
    expect(() => new MSELoss({ reduction: "avg" as never })).toThrow("avg is not a valid value for reduction");
    const mean = new CrossEntropyLoss();
    mean.forward(x, labels);
    expect(() => mean.backward(Tensor.zeros(4, 1, "float64"))).toThrow('only taken with reduction "none"');
    const none = new CrossEntropyLoss({ reduction: "none" });
    none.forward(x, labels);
    expect(() => none.backward(Tensor.zeros(3, 1, "float64"))).toThrow("expected dl [4, 1]");
  });
});
