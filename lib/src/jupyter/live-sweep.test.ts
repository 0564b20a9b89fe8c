import { describe, expect, it } from "vitest";
import { sweepLiveLogY } from "./live-sweep";
import type { MetricRow } from "../rows/types";

const rows = (values: number[]): MetricRow[] =>
  values.map((value, step) => ({ run: "r", seed: 0, step, epoch: 0, split: "train", metric: "loss", value }));

describe("sweepLiveLogY", () => {
  it("switches the live chart to a log axis only when the losses span more than 3 decades", () => {
    // An ordinary sweep: losses from 2.3 down to 0.1 span 23× — linear.
    expect(sweepLiveLogY(rows([2.3, 1.2, 0.4, 0.1]))).toBe(false);
    // 0.1 to 100: exactly 1000× is not more than 3 decades; 0.1 to 1e22 (a run on its way to NaN) is.
    expect(sweepLiveLogY(rows([0.1, 100]))).toBe(false);
    expect(sweepLiveLogY(rows([2.3, 0.1, 1e22]))).toBe(true);
    // NaN, Infinity and non-positive values are ignored; no usable value at all → linear.
    expect(sweepLiveLogY(rows([NaN, Infinity, 0, 0.5, 1]))).toBe(false);
    expect(sweepLiveLogY(rows([NaN]))).toBe(false);
    expect(sweepLiveLogY([])).toBe(false);
  });
});
