import * as path from "path";
import { expect, test } from "@jupyterlab/galata";
import {
  FIXTURES,
  KERNEL_NAME,
  notebookState,
  openNotebook,
  recordKernel,
  recorded,
  screenshot,
  scrollToCell,
  startCell,
} from "./helpers";

// Galata's default `kernels` fixture fails on the empty reply tslab sends to an interrupt request: don't use it.
test.use({ kernels: null });

// Kernel → Interrupt during a long training run. Fixtures: cell 0 defines `kept` (with the kernel's pid), cell 1
// trains for 100,000 epochs, cell 2 prints `kept` and whether it runs in the same kernel process.
const cases = [
  {
    file: "ui-interrupt.ipynb",
    title: "a training cell with a live display",
    // What the cell must show once stopped: the live chart's title gets fit's note "STOPPED by user".
    stopped: /stopped by user/i,
    // Load-dependent (measured 2026-12, JupyterLab 4.6.6, tslab 1.0.22): on a quiet machine (a clean CI run) this
    // stops within 1 s; with 9 agents on 2 cores (load 11-30) the live display's updates (a Vega-Lite spec of
    // ~750-950 rows, ~3-4 per second) reached the browser seconds late and the stop with them (8.9 s once; once the
    // kernel died). Through jupyter_client (tests/kernel/fit-interrupt.test.ts) the same cell always stops at once.
  },
  {
    file: "ui-interrupt-quiet.ipynb",
    title: "a training cell without a live display",
    // tslab ends the cell with this error when its SIGINT handler runs.
    stopped: /interrupted/i,
  },
];

for (const { file, title, stopped } of cases) {
  const stem = path.basename(file, ".ipynb");
  test(`Kernel → Interrupt stops ${title} within 1 s, keeps the variables, and the next cell runs`, async ({
    page,
    tmpPath,
  }) => {
    test.setTimeout(180_000);
    expect(await openNotebook(page, tmpPath, path.join(FIXTURES, file))).toBe(KERNEL_NAME);
    await recordKernel(page);
    await page.notebook.runCell(0);
    expect((await notebookState(page)).cells[0].errors).toEqual([]);

    // Start the training cell and wait until it has sent output for a while (the live display's updates).
    await startCell(page, 1);
    await page.waitForTimeout(3000);
    await page.waitForFunction(
      () => (window as any).__nnKnobs.messages.some((m: any) => m.type === "status" && m.executionState === "busy"),
      undefined,
      { timeout: 30_000 },
    );
    await scrollToCell(page, 1);
    await screenshot(page, `${stem}-1-training`);

    await page.menu.clickMenuItem("Kernel>Interrupt Kernel");
    // Within 1 s of the interrupt request that the click sent: the kernel is idle and the cell says it stopped.
    const found = await page
      .waitForFunction(
        (pattern) => {
          const rec = (window as any).__nnKnobs;
          const sent = rec.requests.interrupt;
          if (sent === undefined) return null;
          const after = rec.messages.filter((m: any) => m.t >= sent);
          const idle = after.find((m: any) => m.type === "status" && m.executionState === "idle");
          const said = after.find((m: any) => new RegExp(pattern, "i").test(`${m.text ?? ""} ${m.vegaLite ?? ""}`));
          return idle && said ? { sent, idle: idle.t, said: said.t } : null;
        },
        stopped.source,
        { timeout: 10_000 },
      )
      .catch(async (e) => {
        const rec = await recorded(page);
        const sent = rec.requests.interrupt ?? NaN;
        const after = rec.messages
          .filter((m) => m.t >= sent - 200)
          .map(
            (m) => `  ${Math.round(m.t - sent)} ms ${m.type} ${m.executionState ?? ""} ${(m.text ?? "").slice(0, 100)}`,
          );
        throw new Error(
          `no idle kernel and ${stopped} within 10 s of the interrupt request (sent: ${sent}); messages since:\n` +
            `${after.slice(0, 30).join("\n")}\n${e}`,
        );
      });
    const t = (await found.jsonValue())!;
    console.log(
      `${stem}: idle ${Math.round(t.idle - t.sent)} ms, ${stopped} ${Math.round(t.said - t.sent)} ms after the interrupt request`,
    );
    await screenshot(page, `${stem}-2-stopped`);
    expect(
      Math.max(t.idle, t.said) - t.sent,
      "ms from Kernel → Interrupt to an idle kernel saying it stopped",
    ).toBeLessThan(1000);

    // Training has really stopped: nothing more arrives from 0.5 s after the stop, for 1.5 s.
    await page.waitForTimeout(2000);
    const late = (await recorded(page)).messages.filter(
      (m) => m.t > t.said + 500 && ["update_display_data", "display_data", "stream"].includes(m.type),
    );
    expect(
      late.map((m) => `${m.type}: ${(m.text ?? "").slice(0, 120)}`),
      "output after the stop",
    ).toEqual([]);
    expect((await notebookState(page)).cells[1].text, "the training cell shows that it stopped").toMatch(stopped);

    // The kernel kept its variables (same process), and the next cell runs.
    await startCell(page, 2);
    await page.waitForFunction(
      () => {
        const cell = (window as any).jupyterapp.shell.currentWidget.content.widgets[2];
        return cell.model.executionCount !== null && cell.model.outputs.length > 0;
      },
      undefined,
      { timeout: 30_000 },
    );
    const next = (await notebookState(page)).cells[2];
    await scrollToCell(page, 2);
    await screenshot(page, `${stem}-3-next-cell`);
    expect(next.errors).toEqual([]);
    expect(next.text).toContain("kept 42, same kernel process: true");
  });
}
