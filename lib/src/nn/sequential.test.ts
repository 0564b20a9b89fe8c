import { describe, expect, it } from "vitest";
import { Tensor, randn } from "../tensor";
import { Rng } from "../rng";
import { Sequential } from "./sequential";
import { Linear } from "./linear";
import { ReLU, Tanh } from "./activations";
import { BatchNorm1d } from "./batch-norm";
import { traceBackward, traceForward } from "./trace";
import { gradCheckModule } from "./gradcheck-module";
import { NO_INPUT_GRAD } from "./module";

/** 2 → 2 → ReLU → 1 with hand-picked weights. */
function handModel(): Sequential {
  const a = new Linear(2, 2, { seed: 0, dtype: "float64" });
  a.weight.assign(
    Tensor.fromRows(
      [
        [1, -1],
        [2, 1],
      ],
      "float64",
    ),
  );
  a.bias!.assign(Tensor.fromRows([[0, -1]], "float64"));
  const b = new Linear(2, 1, { seed: 0, dtype: "float64" });
  b.weight.assign(Tensor.fromRows([[3, -2]], "float64"));
  b.bias!.assign(Tensor.fromRows([[0.5]], "float64"));
  return new Sequential(a, new ReLU(), b);
}
const X = Tensor.fromRows(
  [
    [1, 2],
    [3, 1],
  ],
  "float64",
);

describe("Sequential", () => {
  it("runs the layers in order", () => {
    // layer 0: [1−2, 2+2−1] = [−1, 3] and [3−1, 6+1−1] = [2, 6]; ReLU: [0, 3], [2, 6];
    // layer 2: 3·0 − 2·3 + 0.5 = −5.5 and 3·2 − 2·6 + 0.5 = −5.5
    expect(handModel().forward(X).toRows()).toEqual([[-5.5], [-5.5]]);
  });

  it("backpropagates last to first", () => {
    const m = handModel();
    m.forward(X);
    const dx = m.backward(Tensor.fromRows([[1], [1]], "float64"));
    // d(out)/d(h) = [3, −2]; ReLU kills unit 0 in row 0 (pre-activation −1): [0, −2] and [3, −2];
    // dx = dh·W0 = [0·1 − 2·2, 0·(−1) − 2·1] = [−4, −2] and [3 − 4, −3 − 2] = [−1, −5]
    expect(dx.toRows()).toEqual([
      [-4, -2],
      [-1, -5],
    ]);
    expect(m.namedParameters().map(([n]) => n)).toEqual(["0.weight", "0.bias", "2.weight", "2.bias"]);
    expect((m.layers[2] as Linear).weight.grad.toRows()).toEqual([[2, 9]]); // Σ rows of relu output [0+2, 3+6]
  });

  it("backward(dy, false) tells only the first layer that dx is not needed; the gradients are unchanged", () => {
    const dy = Tensor.fromRows([[1], [1]], "float64");
    const full = handModel();
    full.forward(X);
    full.backward(dy);
    const skip = handModel();
    skip.forward(X);
    const seen: boolean[] = [];
    for (const layer of skip.layers) {
      const backward = layer.backward.bind(layer);
      layer.backward = (g: Tensor, need?: boolean) => (seen.push(need ?? true), backward(g, need));
    }
    expect(skip.backward(dy, false)).toBe(NO_INPUT_GRAD); // layer 0 is a Linear: it skips dx
    expect(seen).toEqual([true, true, false]); // called last to first: layers 2 and 1 must return their dx
    for (const [[name, p], [, q]] of full.namedParameters().map((e, i) => [e, skip.namedParameters()[i]])) {
      expect(q.grad.toRows(), name).toEqual(p.grad.toRows());
    }
    // A first layer that ignores the flag (ReLU) still returns its dx.
    const m = new Sequential(new ReLU(), new Linear(2, 1, { seed: 0, dtype: "float64" }));
    m.forward(X);
    expect(m.backward(dy, false).rows).toBe(2);
  });

  it("names children 0, 1, … like torch, and prints like torch", () => {
    const m = new Sequential()
      .add(new Linear(4, 3, { seed: 1 }))
      .add(new BatchNorm1d(3))
      .add(new Tanh());
    expect(m.length).toBe(3);
    expect(Object.keys(m.stateDict())).toEqual([
      "0.weight",
      "0.bias",
      "1.weight",
      "1.bias",
      "1.runningMean",
      "1.runningVar",
      "1.numBatchesTracked",
    ]);
    expect(m.toString()).toBe("Sequential(\n  (0): Linear(in=4, out=3)\n  (1): BatchNorm1d(3)\n  (2): Tanh\n)");
    expect(() => m.add({} as never)).toThrow("Sequential.add: expected a Module");
  });

  it("round-trips a state dict and rejects one with wrong shapes", () => {
    const a = new Sequential(new Linear(3, 2, { seed: 1 }), new ReLU());
    const b = new Sequential(new Linear(3, 2, { seed: 2 }), new ReLU());
    b.loadStateDict(JSON.parse(JSON.stringify(a.stateDict())));
    expect(b.stateDict()).toEqual(a.stateDict());
    const c = new Sequential(new Linear(4, 2, { seed: 1 }));
    expect(() => c.loadStateDict(a.stateDict())).toThrow(
      "loadStateDict: size mismatch for 0.weight: the checkpoint has [2, 3], the model has [2, 4]",
    );
  });

  it("passes a float64 gradient check", () => {
    const m = new Sequential(new Linear(3, 5, { seed: 1 }), new Tanh(), new Linear(5, 2, { seed: 2 }));
    const r = gradCheckModule(m, randn(4, 3, new Rng(0), 1, 0, "float64"));
    expect(r.pass, String(r)).toBe(true);
  });
});

describe("traceForward / traceBackward", () => {
  it("return each layer's output and the gradient at each layer's output, as copies", () => {
    const m = handModel();
    const outs = traceForward(m, X);
    expect(outs.map((o) => o.name)).toEqual(["Linear(in=2, out=2)", "ReLU", "Linear(in=2, out=1)"]);
    expect(outs[0].output.toRows()).toEqual([
      [-1, 3],
      [2, 6],
    ]);
    expect(outs[1].output.toRows()).toEqual([
      [0, 3],
      [2, 6],
    ]);
    expect(outs[2].output.toRows()).toEqual([[-5.5], [-5.5]]);
    m.forward(Tensor.zeros(2, 2, "float64")); // the layers' buffers change, the copies must not
    expect(outs[1].output.toRows()).toEqual([
      [0, 3],
      [2, 6],
    ]);

    m.forward(X);
    const grads = traceBackward(m, Tensor.fromRows([[1], [1]], "float64"));
    expect(grads.map((g) => g.index)).toEqual([0, 1, 2]);
    expect(grads[2].grad.toRows()).toEqual([[1], [1]]); // the given dy
    expect(grads[1].grad.toRows()).toEqual([
      [3, -2],
      [3, -2],
    ]); // dy·W2
    expect(grads[0].grad.toRows()).toEqual([
      [0, -2],
      [3, -2],
    ]); // through the ReLU mask
  });
});
