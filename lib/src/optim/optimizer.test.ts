import { describe, expect, it } from "vitest";
import { Tensor } from "../tensor";
import { Parameter } from "../nn/module";
import { SGD } from "./sgd";
import { HeavyBall } from "./heavy-ball";
import { Adagrad } from "./adagrad";
import { RMSprop } from "./rmsprop";
import { Adam, AdamW } from "./adam";
import type { Optimizer, OptimizerStateDict } from "./optimizer";
import { param64, runQuadratic, setGrad } from "./test-helpers";

type Make = (p: Parameter[]) => Optimizer<any, any>;
const makers: [string, Make][] = [
  ["SGD nesterov", (p) => new SGD(p, { lr: 0.05, momentum: 0.9, nesterov: true, weightDecay: 0.01 })],
  ["HeavyBall", (p) => new HeavyBall(p, { lr: 0.05, momentum: 0.9 })],
  ["Adagrad", (p) => new Adagrad(p, { lr: 0.1, lrDecay: 0.01 })],
  ["RMSprop centered", (p) => new RMSprop(p, { lr: 0.01, momentum: 0.5, centered: true })],
  ["Adam amsgrad", (p) => new Adam(p, { lr: 0.05, amsgrad: true })],
  ["AdamW", (p) => new AdamW(p, { lr: 0.05 })],
];

const twoParams = () => [
  param64([
    [1, -2, 0.5],
    [3, 0.25, -1],
  ]),
  param64([[0.7, -0.3]]),
];

describe("Optimizer base", () => {
  it.each(makers)("%s: stateDict → JSON → loadStateDict continues bit-identically", (_name, make) => {
    const a = twoParams();
    const optA = make(a);
    runQuadratic(optA, a, 3);
    const saved = JSON.parse(JSON.stringify(optA.stateDict())) as OptimizerStateDict;
    expect(Object.keys(saved.state)).toEqual(["0", "1"]);

    const b = a.map((p) => new Parameter(p.value.clone()));
    const optB = make(b);
    optB.loadStateDict(saved);
    runQuadratic(optA, a, 4);
    runQuadratic(optB, b, 4);
    for (let k = 0; k < 2; k++) expect(Array.from(b[k].value.data)).toEqual(Array.from(a[k].value.data));
  });

  it("stateDict holds step counts, buffers and group options with parameter indices", () => {
    const [p, q] = twoParams();
    const opt = new Adam([{ params: [p] }, { params: [q], lr: 0.5 }], { lr: 0.1 });
    setGrad(p, 1);
    setGrad(q, 1);
    opt.step();
    const sd = opt.stateDict();
    expect(sd.paramGroups.map((g) => [g.lr, g.params])).toEqual([
      [0.1, [0]],
      [0.5, [1]],
    ]);
    expect(sd.paramGroups[0].betas).toEqual([0.9, 0.999]);
    expect(sd.state["1"].step).toBe(1);
    // m = (1 − β₁)·g = 0.1 (as 1 − 0.9 rounds in float64)
    expect(sd.state["1"].expAvg).toEqual({ shape: [1, 2], data: [1 - 0.9, 1 - 0.9] });
  });

  it("loadStateDict restores group options such as a scheduled lr", () => {
    const [p] = twoParams();
    const opt = new SGD([p], { lr: 0.1 });
    opt.paramGroups[0].lr = 0.025;
    const other = new SGD([new Parameter(p.value.clone())], { lr: 0.1 });
    other.loadStateDict(opt.stateDict());
    expect(other.paramGroups[0].lr).toBe(0.025);
  });

  it("loadStateDict rejects mismatched groups, sizes, shapes and foreign state", () => {
    const [p, q] = twoParams();
    const opt = new Adam([p, q], { lr: 0.1 });
    runQuadratic(opt, [p, q], 1);
    const sd = opt.stateDict();
    expect(() => new Adam([{ params: [p] }, { params: [q] }]).loadStateDict(sd)).toThrow(
      "loaded state dict has a different number of parameter groups",
    );
    expect(() => new Adam([p]).loadStateDict(sd)).toThrow(
      "loaded state dict contains a parameter group that doesn't match the size of optimizer's group",
    );
    const swapped = new Adam([q, p]);
    expect(() => swapped.loadStateDict(sd)).toThrow(
      'loadStateDict: state "expAvg" of parameter 0 has shape [2, 3], the parameter has [1, 2]',
    );
    expect(() => new RMSprop([p, q]).loadStateDict(sd)).toThrow('has no "squareAvg"');
  });

  it("skips parameters with requiresGrad = false", () => {
    const [p, q] = twoParams();
    q.requiresGrad = false;
    const before = Array.from(q.value.data);
    const opt = new SGD([p, q], { lr: 0.1 });
    setGrad(p, 1);
    setGrad(q, 1);
    opt.step();
    expect(Array.from(q.value.data)).toEqual(before);
    expect(opt.state.has(q)).toBe(false);
    expect(p.value.data[0]).toBeCloseTo(0.9, 14);
  });

  it("zeroGrad fills every gradient with 0", () => {
    const ps = twoParams();
    ps.forEach((p) => setGrad(p, 3));
    new SGD(ps).zeroGrad();
    for (const p of ps) expect(Array.from(p.grad.data).every((v) => v === 0)).toBe(true);
  });

  it("rejects an empty list and a parameter in two groups", () => {
    expect(() => new SGD([])).toThrow("optimizer got an empty parameter list");
    const p = new Parameter(Tensor.zeros(1, 1));
    expect(() => new SGD([{ params: [p] }, { params: [p] }])).toThrow(
      "some parameters appear in more than one parameter group",
    );
  });

  it("works on float32 parameters, keeping state in float32", () => {
    const p = new Parameter(Tensor.fromRows([[1, 2]]));
    const opt = new Adam([p], { lr: 0.1 });
    setGrad(p, 0.5);
    opt.step();
    expect(opt.state.get(p)!.expAvg.dtype).toBe("float32");
    expect(p.value.data[0]).toBeCloseTo(0.9, 6);
  });
});

describe("invalid hyperparameters give torch's messages", () => {
  const p = () => [new Parameter(Tensor.zeros(1, 1))];
  it.each([
    ["Invalid learning rate: -1", () => new SGD(p(), { lr: -1 })],
    ["Invalid momentum value: -0.5", () => new SGD(p(), { momentum: -0.5 })],
    ["Invalid weight_decay value: -1", () => new SGD(p(), { weightDecay: -1 })],
    ["Nesterov momentum requires a momentum and zero dampening", () => new SGD(p(), { nesterov: true })],
    ["Nesterov momentum requires", () => new SGD(p(), { nesterov: true, momentum: 0.9, dampening: 0.1 })],
    ["Invalid learning rate: -2", () => new SGD([{ params: p(), lr: -2 }])],
    ["Invalid momentum value: -1", () => new HeavyBall(p(), { momentum: -1 })],
    ["Invalid epsilon value: -1", () => new Adam(p(), { eps: -1 })],
    ["Invalid beta parameter at index 0: 1", () => new Adam(p(), { betas: [1, 0.999] })],
    ["Invalid beta parameter at index 1: -0.1", () => new AdamW(p(), { betas: [0.9, -0.1] })],
    ["Invalid weight_decay value: -1", () => new AdamW(p(), { weightDecay: -1 })],
    ["Invalid learning rate: NaN", () => new Adam(p(), { lr: NaN })],
    ["Invalid lr_decay value: -1", () => new Adagrad(p(), { lrDecay: -1 })],
    ["Invalid initial_accumulator_value value: -1", () => new Adagrad(p(), { initialAccumulatorValue: -1 })],
    ["Invalid epsilon value: -1", () => new Adagrad(p(), { eps: -1 })],
    ["Invalid alpha value: -1", () => new RMSprop(p(), { alpha: -1 })],
    ["Invalid momentum value: -1", () => new RMSprop(p(), { momentum: -1 })],
  ])("%s", (message, make) => {
    expect(make).toThrow(message);
  });
});
