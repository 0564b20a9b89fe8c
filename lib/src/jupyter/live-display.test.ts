import { afterEach, describe, expect, it, vi } from "vitest";
import type { TopLevelSpec } from "vega-lite";
import { liveDisplay } from "./live-display";

afterEach(() => vi.restoreAllMocks());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("liveDisplay outside a kernel", () => {
  it("prints the first update, merges a burst, and close() prints the last one", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const live = liveDisplay({ minIntervalMs: 60_000 });
    for (let i = 0; i < 2000; i++) live.update(`step ${i}`);
    live.close();
    expect(log.mock.calls).toEqual([["step 0"], ["step 1999"]]);
    expect(live.sent).toBe(2);
  });

  it("flushes the pending update on its own once the interval has passed", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const live = liveDisplay({ minIntervalMs: 30 });
    live.update("a");
    live.update("b");
    live.update("c"); // replaces "b" before the throttle fires
    expect(log.mock.calls).toEqual([["a"]]);
    await sleep(80);
    expect(log.mock.calls).toEqual([["a"], ["c"]]);
    live.close(); // nothing pending: prints nothing more
    expect(log.mock.calls.length).toBe(2);
  });

  it("prints charts as their text line, and final() sends at once", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const spec: TopLevelSpec = { data: { values: [{ a: 1 }] }, mark: "bar", encoding: {} };
    const live = liveDisplay({ minIntervalMs: 60_000 });
    live.update(spec);
    live.final("done");
    expect(log.mock.calls).toEqual([["Chart: bar, 1 row"], ["done"]]);
  });

  it("rejects a negative interval", () => {
    expect(() => liveDisplay({ minIntervalMs: -1 })).toThrow("Invalid minIntervalMs: -1");
  });
});
