import { beforeAll, describe, expect, it, vi } from "vitest";
import { Rng, exercises, nn, data } from "../../lib/src";
import {
  checkKaimingStd,
  checkXavierStd,
  checkZeroWeightsRandomBiases,
} from "../../lib/src/exercises/03-initialization";

beforeAll(() => void vi.spyOn(console, "log").mockImplementation(() => {}));

describe("03 initialization: (a) kaimingStd and xavierStd", () => {
  it("pass the derived answers", () => {
    expect(() => checkKaimingStd((n) => Math.sqrt(2 / n))).not.toThrow();
    expect(() => checkXavierStd((n) => 1 / Math.sqrt(n))).not.toThrow();
  });
  it.each([
    ["Xavier's std", (n: number) => Math.sqrt(1 / n)],
    ["the variance instead of the std", (n: number) => 2 / n],
    ["a fixed std", () => 0.01],
    ["Glorot's fan-in + fan-out with fan-out 10", (n: number) => Math.sqrt(2 / (n + 10))],
  ])("kaimingStd rejects %s", (_, f) => expect(() => checkKaimingStd(f)).toThrow(exercises.ExerciseFailed));
  it.each([
    ["Kaiming's std", (n: number) => Math.sqrt(2 / n)],
    ["the variance instead of the std", (n: number) => 1 / n],
    ["the lecture's N(0, 0.01) read as a variance", () => 0.1],
  ])("xavierStd rejects %s", (_, f) => expect(() => checkXavierStd(f)).toThrow(exercises.ExerciseFailed));
});

describe("03 initialization: (c) zero weights, random biases", () => {
  let train: data.Dataset;
  beforeAll(() => void ({ train } = data.mnistTrainValTest({ trainSize: 2000, valSize: 10, seed: 0 })));
  const linears = (m: nn.Sequential) => m.layers.filter((l): l is nn.Linear => l instanceof nn.Linear);
  it("passes the intended init", () => {
    const right = (m: nn.Sequential, rng: Rng) =>
      linears(m).forEach((l) => (nn.zeros_(l.weight.value), nn.normal_(l.bias!.value, rng, { std: 1 })));
    expect(() => checkZeroWeightsRandomBiases(right, train)).not.toThrow();
  });
  it.each([
    [
      "weights left random",
      (m: nn.Sequential, rng: Rng) => linears(m).forEach((l) => nn.normal_(l.bias!.value, rng, { std: 1 })),
    ],
    [
      "small biases N(0, 0.01²)",
      (m: nn.Sequential, rng: Rng) =>
        linears(m).forEach((l) => (nn.zeros_(l.weight.value), nn.normal_(l.bias!.value, rng, { std: 0.01 }))),
    ],
    [
      "biases all zero",
      (m: nn.Sequential) => linears(m).forEach((l) => (nn.zeros_(l.weight.value), nn.zeros_(l.bias!.value))),
    ],
    [
      "every bias the same constant 0.7",
      (m: nn.Sequential) => linears(m).forEach((l) => (nn.zeros_(l.weight.value), l.bias!.value.data.fill(0.7))),
    ],
  ])("rejects %s", (_, f) => expect(() => checkZeroWeightsRandomBiases(f, train)).toThrow(exercises.ExerciseFailed));
});
