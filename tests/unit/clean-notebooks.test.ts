import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";

/** Committed notebooks are clean: valid nbformat 4, the project kernel, no outputs, no execution counts. */
const ROOT = path.resolve(__dirname, "..", "..");
const files = ["notebooks", path.join("tests", "fixtures")].flatMap((d) =>
  fs.existsSync(path.join(ROOT, d))
    ? fs
        .readdirSync(path.join(ROOT, d))
        .filter((f) => f.endsWith(".ipynb"))
        .map((f) => path.join(d, f))
    : [],
);

describe("committed notebooks are clean", () => {
  it("finds the fixture notebooks at least", () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it.each(files)("%s", (file) => {
    const nb = JSON.parse(fs.readFileSync(path.join(ROOT, file), "utf8"));
    expect(nb.nbformat, "nbformat").toBe(4);
    expect(nb.metadata?.kernelspec?.name, "kernelspec.name").toBe("nn-knobs-tslab");
    expect(nb.metadata?.kernelspec?.language, "kernelspec.language").toBe("typescript");
    expect(Array.isArray(nb.cells), "cells").toBe(true);
    nb.cells.forEach((cell: any, i: number) => {
      expect(["code", "markdown", "raw"], `cell ${i} type`).toContain(cell.cell_type);
      expect(typeof cell.source === "string" || Array.isArray(cell.source), `cell ${i} source`).toBe(true);
      if (cell.cell_type === "code") {
        expect(cell.outputs, `cell ${i} has outputs: clear them before committing`).toEqual([]);
        expect(cell.execution_count, `cell ${i} has an execution count`).toBeNull();
      }
    });
  });
});
