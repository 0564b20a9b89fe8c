import { describe, expect, it } from "vitest";
import { Tensor } from "../tensor/tensor";
import { columnNet } from "./test-config";
import { mirror, type PixelOp } from "../data/image-sets";
import { robustness } from "./robustness";

// columnNet: every image right, every mirrored image wrong.
const net = columnNet();
const val = {
  x: Tensor.fromRows([
    [1, 0, 1, 0],
    [0, 1, 0, 1],
  ]),
  y: Int32Array.of(0, 1),
};
const identity: PixelOp = (src, out) => out.set(src);

describe("robustness", () => {
  it("gives one accuracy row per model and level, on the transformed images", () => {
    const rows = robustness(
      [{ model: net, val, seed: 3 }],
      ["none", "mirrored"],
      (l) => (l === "none" ? identity : mirror()),
      { name: "plain", knob: "transform" },
    );
    expect(rows.map((r) => [r.run, r.seed, r.knob, r.knobValue, r.split, r.metric, r.value])).toEqual([
      ["plain, transform none", 3, "transform", "none", "val", "accuracy", 1],
      ["plain, transform mirrored", 3, "transform", "mirrored", "val", "accuracy", 0],
    ]);
    const first = robustness([{ model: net, val, seed: 0 }], [0], () => mirror(), { name: "m", knob: "k", images: 1 });
    expect(first[0].value).toBe(0); // only image 0, mirrored: wrong
    expect(() => robustness([], [1], () => identity, { name: "a", knob: "b" })).toThrow(
      "robustness: give at least one",
    );
  });
});
