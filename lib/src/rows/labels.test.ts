import { describe, expect, it } from "vitest";
import { humanRunName, knobName, withHumanNames } from "./labels";
import type { MetricRow } from "./types";

const row = (run: string, knob?: string, knobValue?: number): MetricRow => ({
  run,
  seed: 0,
  step: 0,
  epoch: 0,
  split: "val",
  metric: "loss",
  value: 1,
  ...(knob ? { knob, knobValue } : {}),
});

describe("human labels", () => {
  it("never shows a raw config path", () => {
    expect(knobName("data.batchSize")).toBe("batch size");
    expect(knobName("optim.momentum")).toBe("momentum");
    expect(humanRunName("optim.momentum=0.9")).toBe("momentum 0.9");
    expect(humanRunName("Adam lr=0.001")).toBe("Adam lr=0.001");
  });
  it("relabels rows: runs always; knob values when several knobs are mixed; the knob when it is the key", () => {
    const rows = [row("optim.lr=0.1", "optim.lr", 0.1), row("optim.momentum=0.9", "optim.momentum", 0.9), row("naive")];
    expect(withHumanNames(rows).map((r) => [r.run, r.knob, r.knobValue])).toEqual([
      ["lr 0.1", undefined, "lr 0.1"],
      ["momentum 0.9", undefined, "momentum 0.9"],
      ["naive", undefined, undefined],
    ]);
    expect(withHumanNames(rows.slice(0, 1)).map((r) => [r.knob, r.knobValue])).toEqual([["optim.lr", 0.1]]);
    expect(withHumanNames(rows, true).map((r) => r.knob)).toEqual(["lr", "momentum", undefined]);
  });
});
