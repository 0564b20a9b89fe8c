import { describe, expect, it } from "vitest";
import { symmetryRun } from "./symmetry";
import { mnistTrainValTest } from "../data";

describe("symmetryRun", () => {
  const { train, val } = mnistTrainValTest({ trainSize: 600, valSize: 100, seed: 0 });
  const o = { sizes: [784, 8, 8, 10], activation: "relu" as const, steps: 30, lr: 0.1, batchSize: 32 };
  it("zero weights never move the first layer; a constant moves it but keeps one distinct unit", () => {
    const zero = symmetryRun({ ...o, init: "zeros" }, train, val, 0);
    expect(zero).toMatchObject({ distinct: 1, rowSpread: 0, moved: 0 });
    const constant = symmetryRun({ ...o, init: { constant: 0.01 } }, train, val, 0);
    expect(constant.moved).toBeGreaterThan(0);
    expect(constant).toMatchObject({ distinct: 1, rowSpread: 0 });
    const kaiming = symmetryRun({ ...o, init: "kaiming" }, train, val, 0);
    expect(kaiming.distinct).toBe(8);
  });
});
