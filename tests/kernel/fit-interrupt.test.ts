import { describe, expect, it } from "vitest";
import { runCells, streamText } from "./helpers";

// The library's own long-running calls (fit via run, and sweep with worker threads) under Kernel -> Interrupt:
// a live display while they run, a clean stop with the partial History kept, and a kernel that carries on.
describe("Kernel -> Interrupt of fit and sweep", () => {
  const cells = runCells([
    {
      code: `import { run, sweep, experiment } from "nn-knobs";
const { lastHistory } = experiment;
const cfg: experiment.RunConfig = {
  data: { dataset: "moons", trainSize: 400, valSize: 100, batchSize: 20 },
  model: { sizes: [2, 32, 32, 2] },
  optim: { name: "sgd", lr: 0.05, momentum: 0.9 },
  epochs: 100000,
};`,
    },
    { code: "await run(cfg, { seed: 0 });", interrupt_after: 4 },
    {
      code: `const h = lastHistory()!;
console.log(JSON.stringify({ steps: h.series("loss", "train").length, evals: h.series("accuracy", "val").length }));`,
      pause_before: 0.5,
    },
    {
      code: `await new Promise((r) => setTimeout(r, 1000));
console.log(JSON.stringify({ steps: h.series("loss", "train").length, evals: h.series("accuracy", "val").length }));
await sweep(cfg, "optim.lr", [0.05, 0.1], { seeds: 2, workers: 2 });`,
      interrupt_after: 5,
    },
    {
      code: `await new Promise((r) => setTimeout(r, 1500));
console.log("after", lastHistory()!.rows.length >= 0);`,
      pause_before: 0.5,
    },
  ]);

  it("shows a live display while fit runs, then stops it with a clear message", () => {
    const c = cells[1];
    expect(c.status).toBe("error");
    expect(c.idle).toBe(true);
    const kinds = c.messages.map((m) => m.type);
    expect(kinds).toContain("display_data");
    expect(kinds.filter((k) => k === "update_display_data").length).toBeGreaterThan(2);
    // tslab's own SIGINT handler ends the cell first ("Interrupted asynchronously"); fit then stops at its next step
    // and says so in its live display, which stays in the interrupted cell's output.
    expect(streamText(c, "stderr")).toMatch(/Interrupted/);
    const updates = c.messages.filter((m) => m.type === "update_display_data"); // incl. late ones (after idle)
    expect(updates[updates.length - 1].content.data["text/plain"]).toMatch(/STOPPED by user/);
  });

  it("keeps the partial History for the next cell, and training has really stopped", () => {
    expect(streamText(cells[2], "stderr")).toBe("");
    const s = JSON.parse(streamText(cells[2], "stdout"));
    const later = JSON.parse(streamText(cells[3], "stdout").split("\n")[0]);
    expect(later).toEqual(s);
    expect(s.steps).toBeGreaterThan(20);
    expect(s.evals).toBeGreaterThan(0);
  });

  it("stops a sweep in worker threads, and nothing leaks into later cells", () => {
    expect(cells[3].status).toBe("error");
    expect(streamText(cells[3], "stderr")).toMatch(/Interrupted/);
    expect(cells[4].status).toBe("ok");
    expect(streamText(cells[4], "stdout")).toBe("after true\n");
    expect(streamText(cells[4], "stderr")).toBe("");
    expect(cells[4].messages.filter((m) => m.type === "update_display_data")).toHaveLength(0);
  });
});
