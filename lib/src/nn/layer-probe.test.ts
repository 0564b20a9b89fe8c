import { describe, expect, it } from "vitest";
import { Rng } from "../rng";
import { Tensor } from "../tensor";
import { std } from "../tensor/ops";
import { activationDerivative } from "./activation-functions";
import { CrossEntropyLoss } from "./cross-entropy-loss";
import { probeLayers, PROBE_STATS } from "./layer-probe";
import { mlp } from "./mlp";
import { traceBackward, traceForward } from "./trace";

function batch(n: number, d: number, seed: number): { x: Tensor; y: Int32Array } {
  const rng = new Rng(seed);
  const x = Tensor.fromRows(Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal())));
  return { x, y: Int32Array.from({ length: n }, () => rng.integers(0, 3)) };
}

describe("probeLayers", () => {
  it("measures std of a[v], std of z[v] and mean σ'(a[v]) per Linear layer, as the notebooks did by hand", () => {
    const { x, y } = batch(64, 5, 1);
    const p = probeLayers(mlp({ sizes: [5, 16, 16, 3], activation: "tanh", init: "xavier" }, 7), x, y, {
      group: "xavier",
    });
    // The same by hand on a fresh copy of the model (same seed): traces and the activation derivative.
    const model = mlp({ sizes: [5, 16, 16, 3], activation: "tanh", init: "xavier" }, 7);
    const ce = new CrossEntropyLoss();
    const outs = traceForward(model, x);
    const loss = ce.forward(outs[outs.length - 1].output, y);
    const grads = traceBackward(model, ce.backward());
    const linear = outs.filter((o) => o.name.startsWith("Linear"));
    const slope = (a: Tensor) =>
      Array.from(a.data).reduce((s, v) => s + activationDerivative("tanh", v), 0) / a.data.length;
    const expected = linear.flatMap((o, l) => [
      { layer: l + 1, stat: PROBE_STATS.activationStd, value: std(o.output), group: "xavier" },
      { layer: l + 1, stat: PROBE_STATS.gradientStd, value: std(grads[o.index].grad), group: "xavier" },
      ...(l < 2 ? [{ layer: l + 1, stat: PROBE_STATS.meanSlope, value: slope(o.output), group: "xavier" }] : []),
    ]);
    expect(p.rows.map((r) => [r.layer, r.stat, r.group])).toEqual(expected.map((r) => [r.layer, r.stat, r.group]));
    p.rows.forEach((r, i) => expect(r.value).toBeCloseTo(expected[i].value, 5));
    expect(p.loss).toBeCloseTo(loss, 6);
    expect(p.outputs).toHaveLength(outs.length);
  });

  it("a ReLU layer's mean slope is its fraction of positive a[v]; hiddenOnly leaves out the output layer", () => {
    const { x, y } = batch(32, 4, 2);
    const p = probeLayers(mlp({ sizes: [4, 8, 3], activation: "relu", init: "kaiming" }, 3), x, y, {
      hiddenOnly: true,
    });
    expect([...new Set(p.rows.map((r) => r.layer))]).toEqual([1]);
    const a = p.outputs[0].output.data;
    const positive = Array.from(a).filter((v) => v > 0).length / a.length;
    expect(p.rows.find((r) => r.stat === PROBE_STATS.meanSlope)!.value).toBeCloseTo(positive, 6);
    expect(p.rows[0].group).toBeUndefined();
  });
});
