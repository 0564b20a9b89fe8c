import { describe, expect, it } from "vitest";
import { configDiff, describeConfigDiff } from "./config-diff";

describe("configDiff", () => {
  const naive = { data: { batchSize: 32, shuffle: "once" }, optim: { name: "sgd", lr: 0.01 }, epochs: 2 };
  it("lists changed, added and removed dotted paths; arrays compare as a whole", () => {
    const recipe = {
      data: { batchSize: 128, shuffle: "once", augment: ["translate"] },
      optim: { name: "sgd", lr: 0.01 },
      epochs: 2,
      model: { init: "kaiming" },
    };
    expect(configDiff(naive, recipe)).toEqual([
      { path: "data.batchSize", from: 32, to: 128 },
      { path: "data.augment", from: undefined, to: ["translate"] },
      { path: "model", from: undefined, to: { init: "kaiming" } },
    ]);
    expect(configDiff({ sizes: [784, 10] }, { sizes: [784, 100, 10] })).toEqual([
      { path: "sizes", from: [784, 10], to: [784, 100, 10] },
    ]);
  });
  it("describes the changes in one line", () => {
    expect(describeConfigDiff(naive, { ...naive, optim: { name: "sgd", lr: 0.1, momentum: 0.9 } })).toBe(
      "optim.lr: 0.01 → 0.1; optim.momentum: — → 0.9",
    );
    expect(describeConfigDiff(naive, structuredClone(naive))).toBe("no change");
    expect(describeConfigDiff(1, 2)).toBe("(whole config): 1 → 2");
  });
});
