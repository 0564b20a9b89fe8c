import { afterEach, describe, expect, it } from "vitest";
import { Tensor } from "../tensor";
import { Parameter } from "../nn/module";
import { Rng } from "../rng";
import { UpdateKernels, setWasmUpdates, wasmUpdatesUnavailable } from "../tensor/kernels/wasm-updates";
import { Adam, AdamW, type AdamOptions } from "./adam";
import { SGD, type SGDOptions } from "./sgd";
import type { Optimizer } from "./optimizer";

// The wasm SIMD update loops (float32 arithmetic, like torch's float32 optimizers) against the readable TypeScript
// loops (float64 arithmetic, rounded to float32 on store), on float32 parameters of 1,003, 7 and 15 weights (not
// multiples of the 4-wide vectors, so the scalar tail runs too) over 8 steps of random gradients.

type Make = (params: Parameter[]) => Pick<Optimizer<{ lr: number }>, "step" | "stateDict" | "loadStateDict">;

/**
 * The weights (and the optimizer's stateDict) after 8 steps, with the wasm loops on or off. Three parameters, so
 * that later parameters' state is allocated where an earlier parameter's step left its scratch copies.
 */
function train(make: Make, wasm: boolean, restoreAt?: number): { w: Float32Array; state: string } {
  setWasmUpdates(wasm);
  const rng = new Rng(7);
  const randomParam = (rows: number, cols: number): Parameter => {
    const values = Array.from({ length: rows * cols }, () => rng.normal());
    return new Parameter(Tensor.fromArray(values, rows, cols));
  };
  const ps = [randomParam(17, 59), randomParam(1, 7), randomParam(3, 5)];
  let opt = make(ps);
  for (let t = 0; t < 8; t++) {
    for (const p of ps) {
      for (let i = 0; i < p.grad.size; i++) p.grad.data[i] = rng.normal() * 0.1 + 0.01 * p.value.data[i];
    }
    opt.step();
    if (t === restoreAt) {
      const saved = opt.stateDict(); // restored state is not resident: the wasm path copies it in and out
      opt = make(ps);
      opt.loadStateDict(saved);
    }
  }
  const w = Float32Array.from(ps.flatMap((p) => Array.from(p.value.data)));
  return { w, state: JSON.stringify(opt.stateDict()) };
}

/** The largest |a − b| / (|b| + 1e-3) over the weights. */
function worst(a: Float32Array, b: Float32Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]) / (Math.abs(b[i]) + 1e-3));
  return m;
}

const adams: [string, Partial<AdamOptions>][] = [
  ["Adam", {}],
  ["Adam weightDecay amsgrad", { weightDecay: 0.1, amsgrad: true }],
  ["Adam maximize, no bias correction", { maximize: true, biasCorrection: false, lr: 0.01 }],
];
const sgds: [string, Partial<SGDOptions>][] = [
  ["SGD", { lr: 0.1 }],
  ["SGD momentum dampening weightDecay", { lr: 0.05, momentum: 0.9, dampening: 0.3, weightDecay: 0.01 }],
  ["SGD nesterov maximize", { lr: 0.05, momentum: 0.8, nesterov: true, maximize: true }],
];
const cases: [string, Make][] = [
  ...adams.map(([name, o]): [string, Make] => [name, (ps) => new Adam(ps, o)]),
  ["AdamW", (ps) => new AdamW(ps, { lr: 0.01, weightDecay: 0.5 })],
  ...sgds.map(([name, o]): [string, Make] => [name, (ps) => new SGD(ps, o)]),
];

describe("optimizer updates: wasm SIMD loops agree with the TypeScript loops", () => {
  afterEach(() => setWasmUpdates(true));

  it("are available on this machine (built by npm run build)", () => {
    expect(wasmUpdatesUnavailable()).toBeNull();
  });

  for (const [name, make] of cases) {
    it(`${name}: the same weights to float32 rounding after 8 steps, also across a stateDict round trip`, () => {
      const ts = train(make, false);
      const wasm = train(make, true);
      // Each step rounds differently (float32 vs float64 arithmetic): a few float32 ulps (1.2e-7) of the weight and
      // of the step per step, measured up to 1.6e-5 after 8 steps of the uncorrected Adam (steps up to 6× lr);
      // a wrong term (a missing λW, β, bias correction) errs by ≥ 1e-3.
      expect(worst(wasm.w, ts.w)).toBeLessThan(5e-5);
      expect(worst(wasm.w, ts.w)).toBeGreaterThan(0); // the wasm loop really ran (float32 arithmetic differs)
      expect(worst(train(make, true, 3).w, ts.w)).toBeLessThan(5e-5);
    });
  }

  it("switched off, the TypeScript loop gives exactly the same bits as before the wasm loops existed", () => {
    // float64 parameters always take the TypeScript loop: one Adam step from w = 1, g = 0.5 is w − lr·sign(g).
    setWasmUpdates(true);
    const p = new Parameter(Tensor.fromRows([[1]], "float64"));
    p.grad.data[0] = 0.5;
    new Adam([p], { lr: 0.1 }).step();
    // by hand: m̂ = 0.5, v̂ = 0.25, step = 0.1·0.5/(0.5 + 1e-8)
    expect(p.value.data[0]).toBe(1 - (0.1 * 0.5) / (Math.sqrt(0.25 * 0.001) / Math.sqrt(0.001) + 1e-8));
  });
});

describe("optimizer updates: parameters resident in the optimizer's memory", () => {
  afterEach(() => setWasmUpdates(true));

  it("the first step moves each float32 value and gradient there, keeping the Parameter's tensors and values", () => {
    const p = new Parameter(Tensor.fromArray([1, 2, 3], 1, 3));
    const [value, grad] = [p.value, p.grad];
    const before = p.value.data;
    p.grad.data.set([0.5, -0.5, 1]);
    new SGD([p], { lr: 0.1 }).step();
    expect(p.value).toBe(value); // the same Tensor objects, whose data now live in wasm memory
    expect(p.grad).toBe(grad);
    expect(UpdateKernels.home(p.value.data)).toBeDefined();
    expect(UpdateKernels.home(p.grad.data)).toBe(UpdateKernels.home(p.value.data));
    expect(p.value.data).not.toBe(before);
    expect(Array.from(p.value.data)).toEqual(Array.from(Float32Array.of(1 - 0.05, 2 + 0.05, 3 - 0.1)));
  });

  it("two optimizers taking turns on the same parameters make the same updates as the TypeScript loops", () => {
    const run = (wasm: boolean): number[] => {
      setWasmUpdates(wasm);
      const p = new Parameter(Tensor.fromArray([1, -2, 3, 0.5, 7], 1, 5));
      const [a, b] = [new Adam([p], { lr: 0.01 }), new SGD([p], { lr: 0.1, momentum: 0.9 })];
      for (let t = 0; t < 6; t++) {
        for (let i = 0; i < 5; i++) p.grad.data[i] = Math.sin(t + i) + 0.1 * p.value.data[i];
        (t % 2 ? b : a).step(); // b adopts p after a did: a then copies p in and out
        a.zeroGrad();
      }
      return Array.from(p.value.data);
    };
    const [ts, wasm] = [run(false), run(true)];
    wasm.forEach((v, i) => expect(v).toBeCloseTo(ts[i], 5));
  });
});
