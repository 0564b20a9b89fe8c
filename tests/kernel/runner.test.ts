import * as path from "path";
import { describe, expect, it } from "vitest";
import { FIXTURES, describeFailure, runNotebook } from "./helpers";

const fixture = (name: string) => path.join(FIXTURES, name);

describe("tests/run_notebook.py reports what failed, with the cell's stderr", () => {
  it("passes a good notebook", () => {
    const r = runNotebook(fixture("ok-display.ipynb"));
    expect(describeFailure(r)).toMatch(/: ok$/);
    expect(r.cells).toBe(2);
  });

  it("names the cell and the message of a type error", () => {
    const r = runNotebook(fixture("type-error.ipynb"));
    expect(r.ok).toBe(false);
    expect(r.failure?.cell).toBe(1);
    expect(r.failure?.stderr).toContain("Type 'string' is not assignable to type 'number'.");
    expect(describeFailure(r)).toMatch(/^type-error\.ipynb failed at cell 1: /);
  });

  it("names the cell and the message of a runtime error", () => {
    const r = runNotebook(fixture("runtime-error.ipynb"));
    expect(r.ok).toBe(false);
    expect(r.failure?.cell).toBe(1);
    expect(r.failure?.stderr).toContain("Error: boom at runtime");
  });

  it("fails a notebook whose cell writes to stderr", () => {
    const r = runNotebook(fixture("stderr-write.ipynb"));
    expect(r.ok).toBe(false);
    expect(r.failure?.cell).toBe(1);
    expect(r.failure?.error).toBe("the cell wrote to stderr");
    expect(r.failure?.stderr).toBe("warning: something odd\n");
  });
});
