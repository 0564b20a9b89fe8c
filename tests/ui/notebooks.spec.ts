import * as path from "path";
import { expect, test } from "@jupyterlab/galata";
import {
  FIXTURES,
  KERNEL_NAME,
  NOTEBOOKS,
  isDrawn,
  openNotebook,
  recordKernel,
  recorded,
  screenshot,
  scrollToCell,
  waitForRunAll,
  type CellState,
} from "./helpers";

// Run → Run All Cells through JupyterLab, as a student does: every cell runs without an error, every Vega-Lite
// output is drawn (its view has data marks and the browser painted them), and a live training display is one output
// redrawn in place several times that ends with its final chart.
const cases = [
  // The fastest course notebook (no training): many static charts.
  { file: path.join(NOTEBOOKS, "00-backprop-and-gradcheck.ipynb"), live: false, timeoutS: 240 },
  // A small training run with a live loss curve, and a static chart.
  { file: path.join(FIXTURES, "ui-live-training.ipynb"), live: true, timeoutS: 120 },
];

/** Every Vega-Lite output of the model has an output area in the DOM, and each one is drawn. */
function undrawn(cells: CellState[]): string[] {
  return cells.flatMap((c) => [
    ...(c.vega.length === c.vegaLiteOutputs.length
      ? []
      : [`cell ${c.index}: ${c.vegaLiteOutputs.length} Vega-Lite outputs but ${c.vega.length} output areas`]),
    ...c.vega
      .map((v, i) => ({ v, i }))
      .filter(({ v }) => !isDrawn(v))
      .map(({ v, i }) => `cell ${c.index} chart ${i}: ${JSON.stringify(v)}`),
  ]);
}

for (const { file, live, timeoutS } of cases) {
  const stem = path.basename(file, ".ipynb");
  test(`${stem}: Run All runs every cell without an error and draws every chart${live ? "; the live display updates in place" : ""}`, async ({
    page,
    tmpPath,
  }) => {
    test.setTimeout((timeoutS + 60) * 1000);
    expect(await openNotebook(page, tmpPath, file)).toBe(KERNEL_NAME);
    await screenshot(page, `${stem}-1-opened`);
    await recordKernel(page);
    const started = Date.now();
    await page.menu.clickMenuItem("Run>Run All Cells");

    if (live) {
      // A screenshot of the running cell as soon as its live display has been updated.
      await page.waitForFunction(
        () => (window as any).__nnKnobs.messages.some((m: any) => m.type === "update_display_data" && m.vegaLite),
        undefined,
        { timeout: timeoutS * 1000 },
      );
      const running = await page.evaluate(() =>
        Array.from(document.querySelectorAll(".jp-Notebook .jp-Cell")).findIndex((c) =>
          (c.querySelector(".jp-InputPrompt")?.textContent ?? "").includes("*"),
        ),
      );
      if (running >= 0) await scrollToCell(page, running);
      await screenshot(page, `${stem}-2-live-display-running`);
    }
    const state = await waitForRunAll(page, timeoutS * 1000);
    console.log(`${stem}: Run All took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await screenshot(page, `${stem}-3-finished`);

    const code = state.cells.filter((c) => c.type === "code");
    expect(
      code.filter((c) => c.errors.length > 0).map((c) => `cell ${c.index}: ${c.errors.join(" | ")}`),
      "cells that show an error",
    ).toEqual([]);
    expect(
      code.filter((c) => c.executionCount === null).map((c) => c.index),
      "cells that did not run",
    ).toEqual([]);
    const charts = code.reduce((n, c) => n + c.vega.length, 0);
    expect(charts, "Vega-Lite outputs").toBeGreaterThan(0);
    expect(undrawn(state.cells), "Vega-Lite outputs not drawn").toEqual([]);
    // One screenshot per chart cell, scrolled into view.
    for (const c of code.filter((c) => c.vega.length > 0)) {
      await scrollToCell(page, c.index);
      await screenshot(page, `${stem}-4-chart-cell-${String(c.index).padStart(2, "0")}`);
    }

    if (!live) return;
    const { messages, renders } = await recorded(page);
    const updates = messages.filter((m) => m.type === "update_display_data" && m.vegaLite && m.displayId);
    const liveIds = [...new Set(updates.map((m) => m.displayId!))];
    expect(liveIds.length, "live displays (a display_id with Vega-Lite updates)").toBeGreaterThan(0);
    for (const id of liveIds) {
      const ofId = messages.filter((m) => m.displayId === id);
      const first = ofId.find((m) => m.type === "display_data")!;
      const last = ofId.filter((m) => m.type === "update_display_data").pop()!;
      expect(first, `the display_data that opened display ${id}`).toBeDefined();
      const count = messages.find((m) => m.type === "execute_reply" && m.parent === first.parent)!.executionCount;
      const cell = state.cells.find((c) => c.executionCount === count)!;
      // In place: the cell holds one output per display_data (its updates replaced it, none was appended) ...
      const opened = messages.filter((m) => m.parent === first.parent && m.type === "display_data").length;
      expect(cell.displayOutputs, `cell ${cell.index}: display outputs`).toBe(opened);
      // ... which the browser redrew several times while the cell ran ...
      expect(ofId.filter((m) => m.type === "update_display_data").length).toBeGreaterThanOrEqual(3);
      expect(
        renders.filter((r) => r.cell === cell.index).length,
        `redraws in cell ${cell.index}`,
      ).toBeGreaterThanOrEqual(3);
      // ... and that ends showing the last update: the final chart, drawn.
      expect(cell.vegaLiteOutputs, `cell ${cell.index} shows the final chart`).toContain(last.vegaLite);
      const shown = cell.vega[cell.vegaLiteOutputs.indexOf(last.vegaLite!)];
      expect(isDrawn(shown), `the final chart is drawn: ${JSON.stringify(shown)}`).toBe(true);
      await scrollToCell(page, cell.index);
      await screenshot(page, `${stem}-5-live-display-final`);
    }
  });
}
