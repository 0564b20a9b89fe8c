import * as fs from "fs";
import * as path from "path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, describeFailure, runNotebook } from "./helpers";

/** Executes EVERY notebooks/*.ipynb top to bottom in the project kernel; records wall times in build/. */
const dir = path.join(ROOT, "notebooks");
const notebooks = fs.existsSync(dir)
  ? fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".ipynb"))
      .sort()
  : [];
const times: Record<string, number> = {};

describe("every notebook runs without errors or stderr", () => {
  it.skipIf(notebooks.length > 0)("no notebooks in notebooks/ yet", () => {});

  it.each(notebooks)("%s", (name) => {
    const r = runNotebook(path.join(dir, name));
    times[name] = r.seconds;
    console.log(`${name}: ${r.seconds.toFixed(1)} s (${r.cells} code cells)`);
    if (!r.ok) expect.fail(describeFailure(r));
  });

  afterAll(() => {
    if (notebooks.length === 0) return;
    const out = path.join(ROOT, "build", "notebook-times.json");
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), seconds: times }, null, 2) + "\n");
  });
});
