import { describe, expect, it, vi } from "vitest";
import { LiveSweepView, sweepLiveLogY, sweepSummary } from "./live-sweep";
import type { Job, JobResult } from "../experiment/job";
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

describe("the sweep's live view at the end", () => {
  const job = (id: number, kv: number, seed: number): Job => ({
    id,
    config: {} as Job["config"],
    seed,
    run: `optim.lr=${kv}`,
    knob: "optim.lr",
    knobValue: kv,
  });
  const jobs = [job(0, 0.1, 0), job(1, 0.1, 1), job(2, 10, 0), job(3, 10, 1)];
  const ok: JobResult = { rows: [] };

  it("replaces the progress chart by one summary line when every run finished", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const view = new LiveSweepView(true, jobs, [ok, ok, { rows: [], diverged: "NaN" }, { rows: [], error: "boom" }]);
    view.close();
    const last = String(log.mock.calls[log.mock.calls.length - 1][0]);
    log.mockRestore();
    expect(last).toMatch(/^sweep over optim\.lr: 4 runs \(2 values × 2 seeds\) in \d+\.\d s; 1 diverged, 1 failed$/);
  });

  it("keeps the progress line after an interrupt (not every run finished)", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    new LiveSweepView(true, jobs, [ok, undefined, undefined, undefined]).close();
    const lines = log.mock.calls.map((c) => String(c[0]));
    log.mockRestore();
    expect(lines[lines.length - 1]).toBe("sweep: 1/4 runs done");
    expect(sweepSummary(jobs.slice(0, 2), [ok, ok], 1.25)).toBe(
      "sweep over optim.lr: 2 runs (1 value × 2 seeds) in 1.3 s",
    );
  });
});
