import { describe, expect, it } from "vitest";
import { runCells, streamText } from "./helpers";

const SPEC = `const spec = { title: "k", data: { values: [{ x: 1, y: 2 }, { x: 2, y: 3 }, { x: 3, y: 1 }] }, mark: "line" as const,
  encoding: { x: { field: "x", type: "quantitative" as const }, y: { field: "y", type: "quantitative" as const } } };`;

function pngSize(b64: string): { width: number; height: number } {
  const png = Buffer.from(b64, "base64");
  expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a"); // the PNG signature
  expect(png.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("display in a real tslab kernel", () => {
  const cells = runCells([
    {
      code: `import { show, chart, jupyter } from "nn-knobs";\nconst { liveDisplay, checkInterrupt, isInKernel } = jupyter;\n${SPEC}\nisInKernel()`,
    },
    { code: "show(spec);" },
    { code: 'await show(chart(spec));\nconsole.log("after");' },
    { code: "chart(spec)" },
    {
      // a live display in an async loop: 1.5 s of updates every 10 ms, throttled to <= 10/s, then close().
      code: `const live = liveDisplay();
const t0 = Date.now(); let n = 0;
while (Date.now() - t0 < 1500) { live.update("step " + n++); await new Promise((r) => setTimeout(r, 10)); }
live.update("last " + n); live.close();`,
    },
    {
      // 2,000 unthrottled updates without the event loop turning: the zeromq "busy writing" trap.
      code: `const burst = liveDisplay({ minIntervalMs: 0 });
for (let i = 0; i < 2000; i++) burst.update("n=" + i);
burst.close(); console.log("burst done", burst.sent);`,
    },
    { code: 'console.log("still alive");' },
  ]);

  it("runs the import cell in the kernel", () => {
    expect(cells[0].status).toBe("ok");
    expect(streamText(cells[0], "stdout")).toBe("true\n");
  });

  it.each([1, 2, 3])("cell %i sends ONE display_data with Vega-Lite, a valid PNG and text", (i) => {
    const c = cells[i];
    expect(c.status).toBe("ok");
    expect(streamText(c, "stderr")).toBe("");
    const displays = c.messages.filter((m) => m.type === "display_data");
    expect(displays).toHaveLength(1);
    const { data, metadata } = displays[0].content;
    expect(Object.keys(data).sort()).toEqual(["application/vnd.vegalite.v5+json", "image/png", "text/plain"]);
    expect(typeof data["application/vnd.vegalite.v5+json"]).toBe("object");
    expect(data["application/vnd.vegalite.v5+json"].title).toBe("k");
    expect(data["text/plain"]).toBe('Chart "k": line, 3 rows');
    // drawn at 2x; the metadata gives the display size
    const size = pngSize(data["image/png"]);
    expect(size.width).toBe(2 * metadata["image/png"].width);
    expect(size.height).toBe(2 * metadata["image/png"].height);
    expect(size.width).toBeGreaterThan(200);
  });

  it("a chart as the last expression leaves no stray stdout", () => {
    expect(cells[3].messages.filter((m) => m.type === "stream")).toEqual([]);
    expect(streamText(cells[2], "stdout")).toBe("after\n");
  });

  it("a live display sends throttled updates while the cell runs", () => {
    const c = cells[4];
    expect(c.status).toBe("ok");
    const shown = c.messages.filter((m) => m.type === "display_data" || m.type === "update_display_data");
    expect(shown[0].type).toBe("display_data");
    const id = shown[0].content.transient.display_id;
    expect(shown.every((m) => m.content.transient.display_id === id)).toBe(true);
    // 150 update() calls over 1.5 s -> about 15 sent (<= 10/s), spread over the run, not bunched at the end.
    expect(shown.length).toBeGreaterThanOrEqual(8);
    expect(shown.length).toBeLessThanOrEqual(18);
    expect(shown[shown.length - 1].t - shown[0].t).toBeGreaterThan(1000);
    // The throttle acts where the kernel sends: gaps between the kernel's send times (the messages' header dates),
    // not between arrivals, which a loaded machine can bunch together (0.1 ms apart, measured at load 12).
    expect(shown.every((m) => typeof m.sentAt === "number")).toBe(true);
    const sentAt = shown.map((m) => m.sentAt!);
    const gaps = sentAt.slice(1, -1).map((t, k) => t - sentAt[k]);
    expect(Math.min(...gaps)).toBeGreaterThan(90); // the throttle (100 ms, minus the header date's ms rounding)
    expect(shown[shown.length - 1].content.data["text/plain"]).toMatch(/^last \d+$/);
  });

  it("2,000 rapid updates all arrive, stdout after them too, and the cell ends idle", () => {
    const c = cells[5];
    expect(c.idle).toBe(true);
    expect(c.status).toBe("ok");
    const shown = c.messages.filter((m) => m.type === "display_data" || m.type === "update_display_data");
    expect(shown).toHaveLength(2000);
    expect(shown[shown.length - 1].content.data["text/plain"]).toBe("n=1999");
    expect(streamText(c, "stdout")).toBe("burst done 2000\n");
    expect(streamText(cells[6], "stdout")).toBe("still alive\n");
  });
});
