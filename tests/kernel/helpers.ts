import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** The repository root, the project venv's python, and the fixtures folder. */
export const ROOT = path.resolve(__dirname, "..", "..");
export const PYTHON = path.join(ROOT, ".venv", "bin", "python");
export const FIXTURES = path.join(ROOT, "tests", "fixtures");

export interface KernelMessage {
  type: string;
  /** When the test received it (ms). */
  t: number;
  /** When the kernel sent it (ms, from the message header's date), if the header has one. */
  sentAt?: number | null;
  content: any;
  /** Arrived after the cell went idle (collected while a later cell ran). */
  late?: boolean;
}
export interface CellResult {
  status: "ok" | "error" | "abort" | "timeout";
  sent: number;
  interrupted_at: number | null;
  idle: boolean;
  messages: KernelMessage[];
}
export interface CellInput {
  code: string;
  interrupt_after?: number;
  pause_before?: number;
}

/** Runs cells in one fresh project kernel (tests/kernel_driver.py) and returns every iopub message per cell. */
export function runCells(cells: CellInput[], timeout = 120): CellResult[] {
  const input = JSON.stringify({ cwd: FIXTURES, kernel: "nn-knobs-tslab", timeout, cells });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nn-knobs-kernel-"));
  const out = path.join(dir, "result.json");
  try {
    const r = spawnSync(PYTHON, [path.join(ROOT, "tests", "kernel_driver.py"), out], {
      input,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0) throw new Error(`kernel_driver.py failed (${r.status}):\n${r.stderr}`);
    return JSON.parse(fs.readFileSync(out, "utf8")) as CellResult[];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The text a cell wrote to one stream. */
export function streamText(cell: CellResult, name: "stdout" | "stderr"): string {
  return cell.messages
    .filter((m) => m.type === "stream" && m.content.name === name)
    .map((m) => m.content.text as string)
    .join("");
}

export interface NotebookResult {
  notebook: string;
  ok: boolean;
  seconds: number;
  cells: number;
  failure: null | { cell: number; source: string; stderr: string; error: string };
}

/** Executes a notebook with tests/run_notebook.py (nbclient); extra args go to the runner. */
export function runNotebook(file: string, extra: string[] = []): NotebookResult {
  const r = spawnSync(PYTHON, [path.join(ROOT, "tests", "run_notebook.py"), file, ...extra], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = r.stdout.trim().split("\n").pop() ?? "";
  if (!last.startsWith("{")) throw new Error(`run_notebook.py gave no result (${r.status}):\n${r.stderr}`);
  return JSON.parse(last) as NotebookResult;
}

/** A one-paragraph failure message: notebook, cell index, stderr text and the runner's error. */
export function describeFailure(r: NotebookResult): string {
  const f = r.failure;
  if (!f) return `${r.notebook}: ok`;
  return (
    `${path.basename(r.notebook)} failed at cell ${f.cell}: ${f.error}\n` +
    `--- cell source ---\n${f.source}\n--- stderr ---\n${f.stderr || "(none)"}`
  );
}
