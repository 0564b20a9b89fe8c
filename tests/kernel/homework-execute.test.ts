import { spawnSync } from "child_process";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { PYTHON, ROOT } from "./helpers";

/** The grader's executor (homework/nbgrader_tslab.py) on tslab's two traps: bare error replies and aborted cells. */
function execute(cells: string[], options: Record<string, number> = {}): any[][] {
  const r = spawnSync(PYTHON, [path.join(ROOT, "tests", "homework_execute.py")], {
    input: JSON.stringify({ cells, options }),
    encoding: "utf8",
  });
  const last = r.stdout.trim().split("\n").pop() ?? "";
  if (r.status !== 0 || !last.startsWith("["))
    throw new Error(`homework_execute.py failed (${r.status}):\n${r.stderr}`);
  return JSON.parse(last);
}

const errors = (outputs: any[]) => outputs.filter((o) => o.output_type === "error");
const stdout = (outputs: any[]) =>
  outputs
    .filter((o) => o.name === "stdout")
    .map((o) => o.text)
    .join("");

describe("homework grading executor", () => {
  it("fills ename/evalue/traceback from tslab's stderr", () => {
    const [runtime, compile] = execute(['throw new TypeError("bad input");', "const s: number = 'text';"]);
    expect(errors(runtime)[0]).toMatchObject({ ename: "TypeError", evalue: "bad input" });
    expect(errors(compile)[0].ename).toBe("TypeScriptError");
    expect(errors(compile)[0].evalue).toMatch(/not assignable to type 'number'/);
  });

  it("never lets a cell right after an error pass silently (it runs, or it is counted failed)", () => {
    // abort_window 0: the check is sent inside tslab's ~200 ms abort window, as an unpatched grader does
    const [, check] = execute(['throw new Error("wrong answer");', 'console.log("check ran");'], { abort_window: 0 });
    const ran = stdout(check).includes("check ran");
    const failed = errors(check).some((e) => e.ename === "CellAborted");
    expect(ran || failed, JSON.stringify(check)).toBe(true);
    // with the default wait the cell really runs
    const [, after] = execute(['throw new Error("wrong answer");', 'console.log("check ran");']);
    expect(stdout(after)).toContain("check ran");
    expect(errors(after)).toEqual([]);
  });
});
