import { describe, expect, it, vi } from "vitest";
import type { TopLevelSpec } from "vega-lite";
import { liveDisplay } from "./live-display"; // vi.mock below is hoisted above this import

// Pretend to be inside a kernel and record what would be sent (the real sendDisplay needs tslab's writer).
const sent: { mimes: string[]; isUpdate: boolean }[] = [];
vi.mock("./tslab-hooks", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./tslab-hooks")>()),
  isInKernel: () => true,
  sendDisplay: (msg: { data: Record<string, unknown> }, isUpdate = false) => {
    sent.push({ mimes: Object.keys(msg.data).sort(), isUpdate });
    return true;
  },
}));

const spec: TopLevelSpec = {
  data: { values: [{ x: 1, y: 2 }] },
  mark: "point",
  encoding: { x: { field: "x", type: "quantitative" }, y: { field: "y", type: "quantitative" } },
};
const VL = "application/vnd.vegalite.v5+json";

describe("liveDisplay in a kernel: the last chart always ends with its PNG", () => {
  it("close() resends a chart that went out as an intermediate update, now with the PNG", () => {
    sent.length = 0;
    const live = liveDisplay({ minIntervalMs: 0 });
    live.update(spec); // sent at once (throttle open): Vega-Lite + text, no PNG
    live.close(); // nothing pending: the same chart again, final
    expect(sent).toEqual([
      { mimes: [VL, "text/plain"], isUpdate: false },
      { mimes: [VL, "image/png", "text/plain"], isUpdate: true },
    ]);
  });

  it("close() after a text update or a final chart sends nothing more", () => {
    sent.length = 0;
    const text = liveDisplay({ minIntervalMs: 0 });
    text.update("step 3");
    text.close();
    const done = liveDisplay({ minIntervalMs: 0 });
    done.final(spec);
    done.close();
    expect(sent.map((m) => m.mimes)).toEqual([["text/plain"], [VL, "image/png", "text/plain"]]);
  });
});
