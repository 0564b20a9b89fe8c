import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";

/**
 * The countable limits every notebook keeps (issues 12 and 13): a student reads one knob per notebook in one sitting.
 * - at most MAX_CELLS cells and MAX_WORDS words of Markdown prose; the instructor's model answers (markdown cells that
 *   homework/tag-notebooks.js marks as nbgrader solutions) do not count: students get "YOUR ANSWER HERE" instead;
 * - code lines of at most MAX_LINE characters (they must read without horizontal scrolling in JupyterLab);
 * - no helper functions in cells: a `function` declaration may only appear in an exercise cell (one holding
 *   `// BEGIN SOLUTION`, where the student writes the knob); reusable code belongs in the library.
 * EXEMPT lists notebooks still being rewritten; remove a notebook from it when its rewrite lands.
 */
const MAX_CELLS = 32;
const MAX_WORDS = 1300;
const MAX_LINE = 100;
const EXEMPT = new Set<string>([]);

const DIR = path.resolve(__dirname, "..", "..", "notebooks");
const notebooks = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith(".ipynb"))
  .map((f) => f.replace(/\.ipynb$/, ""));

interface Cell {
  cell_type: string;
  source: string | string[];
  metadata?: { nbgrader?: { solution?: boolean } };
}
const text = (c: Cell) => (Array.isArray(c.source) ? c.source.join("") : c.source);

/** What the test measures, also printed so a failing author sees every number at once. */
export function measure(cells: Cell[]) {
  const isModelAnswer = (c: Cell) => c.metadata?.nbgrader?.solution === true;
  const prose = cells.filter((c) => c.cell_type === "markdown" && !isModelAnswer(c)).map(text);
  const code = cells.filter((c) => c.cell_type === "code").map(text);
  return {
    cells: cells.length,
    words: prose.reduce((n, s) => n + (s.match(/\S+/g)?.length ?? 0), 0),
    longLines: code.flatMap((s) => s.split("\n")).filter((l) => l.length > MAX_LINE),
    helpers: code
      .filter((s) => !s.includes("// BEGIN SOLUTION"))
      .flatMap((s) => s.match(/^\s*(?:export\s+)?(?:async\s+)?function\s*\*?\s*\w+/gm) ?? []),
  };
}

describe("notebook limits", () => {
  it("the measure counts what it says", () => {
    const m = measure([
      { cell_type: "markdown", source: ["# Title\n", "two words"] },
      { cell_type: "markdown", source: "a model answer, not read", metadata: { nbgrader: { solution: true } } },
      { cell_type: "code", source: "function helper() {}\nconst x = 1;\n" + "y".repeat(101) },
      {
        cell_type: "code",
        source: "function mine(x: number) {\n  // BEGIN SOLUTION\n  return x;\n  // END SOLUTION\n}",
      },
    ]);
    expect(m).toMatchObject({ cells: 4, words: 4, helpers: ["function helper"] });
    expect(m.longLines).toHaveLength(1);
  });

  for (const name of notebooks) {
    it.skipIf(EXEMPT.has(name))(name, () => {
      const m = measure(JSON.parse(fs.readFileSync(path.join(DIR, name + ".ipynb"), "utf8")).cells);
      expect(m.cells, "cells").toBeLessThanOrEqual(MAX_CELLS);
      expect(m.words, "words of Markdown").toBeLessThanOrEqual(MAX_WORDS);
      expect(m.longLines, `code lines over ${MAX_LINE} characters`).toEqual([]);
      expect(m.helpers, "helper functions outside exercise cells (move them into lib/)").toEqual([]);
    });
  }

  it("EXEMPT names only existing notebooks", () => {
    for (const name of EXEMPT) expect(notebooks).toContain(name);
  });
});
