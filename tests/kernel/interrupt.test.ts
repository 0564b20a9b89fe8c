import { describe, expect, it } from "vitest";
import { runCells, streamText } from "./helpers";

describe("Kernel -> Interrupt of an async training-like loop", () => {
  const cells = runCells([
    {
      code: 'import { jupyter } from "nn-knobs";\nconst { checkInterrupt, StoppedByUser } = jupyter;\nconst kept = { answer: 42 };',
    },
    {
      // a training-like loop: ~5 ms of synchronous work per step, checkInterrupt() each step. Declared in its own
      // cell: tslab forgets the declarations of a cell that ends in an error (as the interrupted one does).
      code: `const state = { steps: 0, stoppedAt: 0, error: "" };
async function train() {
  try {
    for (;;) {
      const end = Date.now() + 5; while (Date.now() < end) {}
      state.steps++;
      await checkInterrupt("state");
    }
  } catch (e) {
    state.stoppedAt = Date.now();
    state.error = String(e);
  }
}`,
    },
    { code: "await train();", interrupt_after: 1.5 },
    {
      code: "console.log(JSON.stringify({ ...state, kept: kept })); // tslab: shorthand { kept } fails for earlier-cell variables",
      pause_before: 0.4,
    },
    { code: "await new Promise((r) => setTimeout(r, 1000));\nconsole.log(JSON.stringify(state));" },
    { code: "console.log(kept.answer + 1);" },
  ]);

  it("ends the interrupted cell with an error, at once", () => {
    const c = cells[2];
    expect(c.interrupted_at).not.toBeNull();
    expect(c.idle).toBe(true);
    expect(c.status).toBe("error");
  });

  it("stops the loop within 1 s with the StoppedByUser message, keeping variables", () => {
    const s = JSON.parse(streamText(cells[3], "stdout"));
    expect(s.error).toBe(
      "StoppedByUser: Stopped by user (kernel interrupt). Kernel state is kept; partial results are in state.",
    );
    expect(s.steps).toBeGreaterThan(10);
    const delay = s.stoppedAt - (cells[2].interrupted_at as number);
    expect(delay).toBeGreaterThanOrEqual(-50); // clocks of python and node agree to a few ms
    expect(delay).toBeLessThan(1000);
    expect(s.kept).toEqual({ answer: 42 });
  });

  it("the loop no longer runs in the background, and later cells run normally", () => {
    const before = JSON.parse(streamText(cells[3], "stdout"));
    const after = JSON.parse(streamText(cells[4], "stdout"));
    expect(after.steps).toBe(before.steps);
    expect(cells[4].status).toBe("ok");
    expect(streamText(cells[5], "stdout")).toBe("43\n");
    expect(streamText(cells[5], "stderr")).toBe("");
  });
});
