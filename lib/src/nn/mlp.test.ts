import { describe, expect, it } from "vitest";
import { Tensor, maxAbs, randn, std } from "../tensor";
import { Rng } from "../rng";
import { mlp } from "./mlp";
import { Linear } from "./linear";
import { initLinearLayers, initSchemeLabel } from "./init-scheme";
import { CrossEntropyLoss } from "./cross-entropy-loss";
import { gradCheckModule } from "./gradcheck-module";

describe("mlp", () => {
  it("builds Linear → [BatchNorm1d] → activation → [Dropout] per hidden layer, logits out", () => {
    expect(mlp({ sizes: [4, 8, 3] }, 0).toString()).toBe(
      "Sequential(\n  (0): Linear(in=4, out=8)\n  (1): ReLU\n  (2): Linear(in=8, out=3)\n)",
    );
    const m = mlp({ sizes: [4, 8, 6, 3], activation: "tanh", batchNorm: true, dropout: 0.25, bias: false }, 0);
    expect(m.layers.map((l) => l.describe())).toEqual([
      "Linear(in=4, out=8, bias=false)",
      "BatchNorm1d(8)",
      "Tanh",
      "Dropout(p=0.25)",
      "Linear(in=8, out=6, bias=false)",
      "BatchNorm1d(6)",
      "Tanh",
      "Dropout(p=0.25)",
      "Linear(in=6, out=3, bias=false)",
    ]);
    expect(m.forward(Tensor.zeros(5, 4)).shape).toEqual([5, 3]);
  });

  it("same config and seed → same model; another seed → another", () => {
    const cfg = { sizes: [5, 7, 2], dropout: 0.5 };
    expect(mlp(cfg, 3).stateDict()).toEqual(mlp(cfg, new Rng(3)).stateDict());
    expect(mlp(cfg, 3).stateDict()).not.toEqual(mlp(cfg, 4).stateDict());
    const x = randn(6, 5, new Rng(0));
    expect(Array.from(mlp(cfg, 3).forward(x).data)).toEqual(Array.from(mlp(cfg, 3).forward(x).data)); // masks too
  });

  it("applies the init scheme to every Linear weight (biases zero)", () => {
    const m = mlp({ sizes: [300, 400, 10], init: { normalVariance: 0.01 } }, 1);
    const fc = m.layers[0] as Linear;
    // 120 000 draws of N(0, 0.01): std 0.1 within ~0.2% sampling sd; 3 decimals allow 0.5%
    expect(std(fc.weight.value)).toBeCloseTo(0.1, 3);
    expect(Array.from(fc.bias!.value.data).every((v) => v === 0)).toBe(true);
    expect(std((mlp({ sizes: [300, 400, 10], init: "kaiming" }, 1).layers[0] as Linear).weight.value)).toBeCloseTo(
      Math.sqrt(2 / 300),
      3,
    );
    const z = mlp({ sizes: [3, 4, 2], init: "zeros" }, 1);
    expect(z.parameters().every((p) => p.value.data.every((v) => v === 0))).toBe(true);
  });

  it("biasInit sets every hidden bias (not the output layer's) and leaves the weights as the seed drew them", () => {
    const cfg = { sizes: [6, 5, 4, 3], init: "kaiming" as const };
    const m = mlp({ ...cfg, biasInit: -1 }, 2);
    const [fc1, fc2, out] = m.layers.filter((l): l is Linear => l instanceof Linear);
    expect(Array.from(fc1.bias!.value.data)).toEqual([-1, -1, -1, -1, -1]);
    expect(Array.from(fc2.bias!.value.data)).toEqual([-1, -1, -1, -1]);
    expect(Array.from(out.bias!.value.data)).toEqual([0, 0, 0]); // kaiming's zero bias, untouched
    const plain = mlp(cfg, 2);
    expect(Array.from(fc1.weight.value.data)).toEqual(Array.from((plain.layers[0] as Linear).weight.value.data));
    expect(() => mlp({ ...cfg, biasInit: -1, bias: false }, 2)).toThrow(
      "mlp: biasInit must be a finite number with bias: true",
    );
  });

  it("initLinearLayers('torch') redraws torch's default init; labels name the schemes", () => {
    const m = mlp({ sizes: [50, 20, 2], init: "zeros" }, 0);
    initLinearLayers(m, "torch", new Rng(0));
    expect(maxAbs((m.layers[0] as Linear).weight.value)).toBeLessThanOrEqual(1 / Math.sqrt(50));
    expect(std((m.layers[0] as Linear).weight.value)).toBeGreaterThan(0.05); // ≈ 1/√50/√3 ≈ 0.082
    expect(initSchemeLabel({ normalStd: 0.01 })).toBe("N(0, std=0.01)");
    expect(initSchemeLabel({ normalVariance: 0.01 })).toBe("N(0, var=0.01)");
    expect(initSchemeLabel("xavier")).toBe("xavier");
    expect(() => initLinearLayers(m, "orthogonal" as never, new Rng(0))).toThrow('unknown scheme "orthogonal"');
  });

  it("builds float64 models and passes a gradient check with BatchNorm and Dropout in training", () => {
    const m = mlp({ sizes: [4, 6, 5, 3], batchNorm: true, dropout: 0.3, activation: "elu", dtype: "float64" }, 2);
    expect(m.parameters().every((p) => p.value.dtype === "float64")).toBe(true);
    const rng = new Rng(5);
    const r = gradCheckModule(m, randn(7, 4, rng, 1, 0, "float64"), {
      loss: new CrossEntropyLoss(),
      target: [0, 1, 2, 2, 1, 0, 1],
    });
    expect(r.pass, String(r)).toBe(true);
  });

  it("rejects bad configs with clear errors", () => {
    expect(() => mlp({ sizes: [4] }, 0)).toThrow("mlp: sizes must list at least two positive integers");
    expect(() => mlp({ sizes: [4, 0, 2] }, 0)).toThrow("mlp: sizes must list at least two positive integers");
    expect(() => mlp({ sizes: [4, 3, 2], dropout: 1.5 }, 0)).toThrow(
      "dropout probability has to be between 0 and 1, but got 1.5",
    );
    expect(() => mlp({ sizes: [4, 3, 2], activation: "gelu" as never }, 0)).toThrow('Unknown activation "gelu"');
  });
});
