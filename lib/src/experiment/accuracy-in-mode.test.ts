import { describe, expect, it } from "vitest";
import { accuracyInMode, consecutiveBatches, singleClassBatches } from "./accuracy-in-mode";
import { mlp } from "../nn";
import { blobs } from "../data";

describe("accuracyInMode", () => {
  const data = blobs({ n: 60, seed: 1 });
  const net = mlp({ sizes: [2, 8, 3], batchNorm: true }, 0);

  it("eval mode does not depend on the batching; train mode does, and changes nothing in the end", () => {
    const before = JSON.stringify(net.stateDict());
    const e1 = accuracyInMode(net, data, consecutiveBatches(60, 60), "eval");
    const e2 = accuracyInMode(net, data, consecutiveBatches(60, 7), "eval");
    expect(e1.accuracy).toBe(e2.accuracy);
    expect(e1.moved).toBe(0);
    const t = accuracyInMode(net, data, consecutiveBatches(60, 4), "train");
    expect(t.moved).toBeGreaterThan(0); // the running statistics were overwritten …
    expect(JSON.stringify(net.stateDict())).toBe(before); // … and restored
    expect(net.training).toBe(true); // a new model is in train mode, and stays so
  });

  it("cuts consecutive batches, and batches of a single class", () => {
    expect(singleClassBatches([1, 0, 1, 1, 0], 2)).toEqual([[1, 4], [0, 2], [3]]);
    expect(consecutiveBatches(5, 2)).toEqual([[0, 1], [2, 3], [4]]);
    expect(consecutiveBatches(5, 2, true)).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });
});
