import * as path from "path";
import type { IJupyterLabPageFixture } from "@jupyterlab/galata";

/** The repository root, the folder of screenshots (build/ui/*.png), fixtures, and the project's kernel. */
export const ROOT = path.resolve(__dirname, "..", "..");
export const SHOTS = path.join(ROOT, "build", "ui");
export const FIXTURES = path.join(ROOT, "tests", "fixtures");
export const NOTEBOOKS = path.join(ROOT, "notebooks");
export const KERNEL_NAME = "nn-knobs-tslab";

type Page = IJupyterLabPageFixture;

/** Saves what the browser shows now as build/ui/<name>.png, for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/**
 * Copies a notebook (a course notebook or a fixture) into the test's folder on the server, opens it in JupyterLab
 * and waits until its kernel is idle; returns the kernel's name. The original file is never touched.
 */
export async function openNotebook(page: Page, tmpPath: string, file: string): Promise<string> {
  const name = path.basename(file);
  await page.contents.uploadFile(file, `${tmpPath}/${name}`);
  if (!(await page.notebook.openByPath(`${tmpPath}/${name}`))) throw new Error(`JupyterLab did not open ${name}`);
  await page.notebook.activate(name);
  await page.waitForFunction(
    () => (window as any).jupyterapp.shell.currentWidget?.sessionContext?.session?.kernel?.status === "idle",
    undefined,
    { timeout: 60_000 },
  );
  return page.evaluate(() => (window as any).jupyterapp.shell.currentWidget.sessionContext.session.kernel.name);
}

/** Defines, in the page, the canonical JSON (sorted keys) used to compare Vega-Lite specs of messages and outputs. */
async function installCanonical(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as any).__nnKnobsCanonical = (x: unknown): string =>
      JSON.stringify(x, (_k, v) =>
        v && typeof v === "object" && !Array.isArray(v)
          ? Object.fromEntries(
              Object.keys(v)
                .sort()
                .map((k) => [k, v[k]]),
            )
          : v,
      );
  });
}

/** One message from the open notebook's kernel, as recorded in the page by `recordKernel`. */
export interface RecordedMessage {
  /** Date.now() in the page when it arrived. */
  t: number;
  type: string;
  /** The msg_id of the execute request it answers (identifies the cell run). */
  parent: string | undefined;
  executionCount?: number;
  displayId?: string;
  executionState?: string;
  streamName?: string;
  text?: string;
  /** The Vega-Lite spec it carries, as canonical JSON (sorted keys), or undefined. */
  vegaLite?: string;
}

/** Each time a Vega view drew (a new canvas/svg of marks) in a cell's output, in the page. */
export interface Render {
  t: number;
  cell: number;
}

/**
 * Starts recording, in the page, every message from the open notebook's kernel, every redraw of a Vega view in its
 * outputs, and when kernel requests (e.g. "interrupt") were sent to the server. Read them back with `recorded`.
 */
export async function recordKernel(page: Page): Promise<void> {
  await installCanonical(page);
  await page.evaluate(() => {
    const w = window as any;
    const panel = w.jupyterapp.shell.currentWidget;
    const canonical: (x: unknown) => string = (window as any).__nnKnobsCanonical;
    const rec: { messages: unknown[]; renders: unknown[]; requests: Record<string, number> } = {
      messages: [],
      renders: [],
      requests: {},
    };
    w.__nnKnobs = rec;
    // Every message received (iopub, and shell replies such as execute_reply with the execution count).
    panel.sessionContext.session.kernel.anyMessage.connect((_sender: unknown, args: any) => {
      if (args.direction !== "recv") return;
      const msg = args.msg;
      const c = msg.content ?? {};
      const vl = c.data?.["application/vnd.vegalite.v5+json"];
      rec.messages.push({
        t: Date.now(),
        type: msg.header.msg_type,
        parent: msg.parent_header?.msg_id,
        executionCount: c.execution_count,
        displayId: c.transient?.display_id,
        executionState: c.execution_state,
        streamName: c.name,
        text: c.text ?? c.data?.["text/plain"],
        vegaLite: vl === undefined ? undefined : canonical(vl),
      });
    });
    const notebook: HTMLElement = panel.content.node;
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of Array.from(r.addedNodes)) {
          if (!(n instanceof Element)) continue;
          const marks = n.matches(".marks") ? n : n.querySelector(".marks");
          const cell = marks?.closest(".jp-RenderedVegaCommon5") && marks.closest(".jp-Cell");
          if (cell)
            rec.renders.push({ t: Date.now(), cell: Array.from(notebook.querySelectorAll(".jp-Cell")).indexOf(cell) });
        }
    }).observe(notebook, { childList: true, subtree: true });
    // When JupyterLab sent each kernel request (interrupt, restart) to the server: the time a click took effect.
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const m = /\/api\/kernels\/[^/?]+\/(\w+)/.exec(e.name);
        if (m) rec.requests[m[1]] = performance.timeOrigin + e.startTime;
        if (m) (rec as any).statuses = { ...(rec as any).statuses, [m[1]]: (e as any).responseStatus };
      }
    }).observe({ type: "resource" });
  });
}

/** What `recordKernel` has recorded so far, and the page's clock now. */
export async function recorded(
  page: Page,
): Promise<{ messages: RecordedMessage[]; renders: Render[]; requests: Record<string, number>; now: number }> {
  return page.evaluate(() => ({ ...(window as any).__nnKnobs, now: Date.now() }));
}

/** A drawn Vega view: the number of mark items in its scenegraph and what the browser shows. */
export interface VegaOutput {
  /** "svg", "canvas" or "none" (vega-embed failed: no view was drawn). */
  renderer: string;
  /** Items of data marks (not axes, legends or titles) in the view's scenegraph; -1 if the view was not found. */
  markItems: number;
  /** Pixels of the canvas that differ from its background colour (svg: drawn mark elements). */
  inkedPixels: number;
  /** The output's text when nothing was drawn (e.g. the error vega-embed showed). */
  text: string;
}

/** A cell of the open notebook, as JupyterLab shows it. */
export interface CellState {
  index: number;
  type: string;
  executionCount: number | null;
  /** The prompt shows [*]: queued or running. */
  busy: boolean;
  /** Error outputs and stderr text (tslab reports errors on stderr). */
  errors: string[];
  /** All text the outputs show (streams and text/plain). */
  text: string;
  /** Outputs of type display_data in the cell's model (an update replaces one, it never adds one). */
  displayOutputs: number;
  /** Canonical JSON of each Vega-Lite output in the cell's model. */
  vegaLiteOutputs: string[];
  /** Each Vega-Lite output area in the cell's DOM. */
  vega: VegaOutput[];
}

/** The open notebook's cells and kernel status, read from JupyterLab's model and DOM. */
export async function notebookState(page: Page): Promise<{ kernelStatus: string; cells: CellState[] }> {
  await installCanonical(page);
  return page.evaluate(() => {
    const panel = (window as any).jupyterapp.shell.currentWidget;
    const canonical: (x: unknown) => string = (window as any).__nnKnobsCanonical;
    // Data-mark items in a Vega scenegraph: marks of role "mark" inside groups, not axes/legends/titles.
    const markItems = (mark: any): number => {
      if (!mark) return 0;
      if (mark.marktype === "group")
        return (mark.items ?? []).reduce(
          (n: number, g: any) => n + (g.items ?? []).reduce((m: number, child: any) => m + markItems(child), 0),
          0,
        );
      return mark.role === "mark" ? (mark.items ?? []).length : 0;
    };
    const inked = (canvas: HTMLCanvasElement): number => {
      if (!canvas.width || !canvas.height) return 0;
      const px = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
      const bg = [px[0], px[1], px[2], px[3]];
      let n = 0;
      for (let i = 0; i < px.length; i += 4)
        if (px[i] !== bg[0] || px[i + 1] !== bg[1] || px[i + 2] !== bg[2] || px[i + 3] !== bg[3]) n++;
      return n;
    };
    // JupyterLab's Vega renderer widgets of a cell, in output order; each keeps vega-embed's result (its view).
    const renderers = (cell: any): any[] =>
      (cell.outputArea?.widgets ?? [])
        .flatMap((p: any) => p.widgets ?? [p])
        .filter((w: any) => w.node.classList.contains("jp-RenderedVegaCommon5"));
    const cells = panel.content.widgets.map((cell: any, index: number) => {
      const model = cell.model;
      const outputs: any[] = model.type === "code" ? model.outputs.toJSON() : [];
      const vega = renderers(cell).map((w: any) => {
        const marks: Element | null = w.node.querySelector(".marks");
        const view = w._result?.view;
        const renderer = !marks ? "none" : marks.tagName.toLowerCase() === "canvas" ? "canvas" : "svg";
        return {
          renderer,
          markItems: view ? markItems(view.scenegraph().root) : -1,
          inkedPixels:
            renderer === "canvas"
              ? inked(marks as HTMLCanvasElement)
              : renderer === "svg"
                ? marks!.querySelectorAll(".role-mark path, .role-mark line, .role-mark rect, .role-mark text").length
                : 0,
          text: marks ? "" : (w.node.textContent ?? "").slice(0, 300),
        };
      });
      return {
        index,
        type: model.type,
        executionCount: model.type === "code" ? (model.executionCount ?? null) : null,
        busy: (cell.node.querySelector(".jp-InputPrompt")?.textContent ?? "").includes("*"),
        errors: outputs
          .filter((o) => o.output_type === "error" || (o.output_type === "stream" && o.name === "stderr"))
          .map((o) => (o.output_type === "error" ? `${o.ename}: ${o.evalue}` : String(o.text))),
        text: outputs.map((o) => String(o.text ?? o.data?.["text/plain"] ?? "")).join(""),
        displayOutputs: outputs.filter((o) => o.output_type === "display_data").length,
        vegaLiteOutputs: outputs
          .filter((o) => o.data?.["application/vnd.vegalite.v5+json"] !== undefined)
          .map((o) => canonical(o.data["application/vnd.vegalite.v5+json"])),
        vega,
      };
    });
    return { kernelStatus: panel.sessionContext.session?.kernel?.status ?? "none", cells };
  });
}

/** A Vega-Lite output is drawn when its view has data-mark items and the browser painted them. */
export function isDrawn(v: VegaOutput): boolean {
  return v.renderer !== "none" && v.markItems > 0 && v.inkedPixels > 0;
}

/**
 * Waits until the kernel is idle and no cell is queued or running, and then either every code cell has run or a
 * cell shows an error (Run All stops there). Polls every 250 ms.
 */
export async function waitForRunAll(
  page: Page,
  timeoutMs: number,
): Promise<{ kernelStatus: string; cells: CellState[] }> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const state = await notebookState(page);
    const code = state.cells.filter((c) => c.type === "code");
    const settled = state.kernelStatus === "idle" && !code.some((c) => c.busy);
    if (settled && (code.every((c) => c.executionCount !== null) || code.some((c) => c.errors.length > 0))) {
      return state;
    }
    if (Date.now() > end) throw new Error(`Run All did not finish within ${timeoutMs / 1000} s`);
    await page.waitForTimeout(250);
  }
}

/** Runs one cell through the UI (select it, Ctrl+Enter in command mode) without waiting for it to finish. */
export async function startCell(page: Page, index: number): Promise<void> {
  await page.notebook.selectCells(index);
  await page.keyboard.press("Escape");
  await page.keyboard.press("Control+Enter");
}

/** Scrolls cell `index` of the open notebook into view (for a screenshot). */
export async function scrollToCell(page: Page, index: number): Promise<void> {
  await page.evaluate((i) => {
    const cell = (window as any).jupyterapp.shell.currentWidget.content.widgets[i];
    cell.node.scrollIntoView({ block: "center" });
  }, index);
  await page.waitForTimeout(300);
}
