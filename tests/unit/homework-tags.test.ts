import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, describe, expect, it } from "vitest";

/** nbgrader metadata in notebooks/ is complete and current (homework/tag-notebooks.js), and the tagger is right. */
const ROOT = path.resolve(__dirname, "..", "..");
const TAGGER = path.join(ROOT, "homework", "tag-notebooks.js");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nn-knobs-tags-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function tag(files: string[], check: boolean) {
  const r = spawnSync(process.execPath, [TAGGER, ...(check ? ["--check"] : []), ...files], { encoding: "utf8" });
  return { status: r.status, out: r.stdout + r.stderr };
}

const md = (source: string, id: string) => ({ cell_type: "markdown", id, metadata: {}, source });
const code = (source: string, id: string) => ({
  cell_type: "code",
  execution_count: null,
  id,
  metadata: {},
  outputs: [],
  source,
});

function writeNotebook(name: string, cells: object[]): string {
  const file = path.join(tmp, name + ".ipynb");
  const nb = { cells, metadata: { kernelspec: { name: "nn-knobs-tslab" } }, nbformat: 4, nbformat_minor: 5 };
  fs.writeFileSync(file, JSON.stringify(nb, null, 1) + "\n");
  return file;
}

const nbgrader = (file: string) =>
  JSON.parse(fs.readFileSync(file, "utf8")).cells.map((c: any) => ({ ...c.metadata.nbgrader, tags: c.metadata.tags }));

describe("notebooks/ carry current nbgrader metadata", () => {
  it("npm run homework:tag has been run (metadata present, up to date, grade ids unique)", () => {
    const r = tag([], true);
    expect(r.status, `${r.out}\nRun \`npm run homework:tag\` and commit the notebooks.`).toBe(0);
  });
});

describe("homework/tag-notebooks.js", () => {
  const exercises = () =>
    writeNotebook("07-demo", [
      md("# Demo", "a"),
      code('import { checkClose } from "nn-knobs";', "b"),
      md("**Exercise 1 (code).** Write f.", "c"),
      code("function f(x: number) {\n  // BEGIN SOLUTION\n  return 2 * x;\n  // END SOLUTION\n}", "d"),
      code('checkClose("f(3)", f(3), 6);', "e"),
      md("**Exercise 2 (question, 3 points).** Why?", "f"),
      md("Because.", "g"),
      md("**Exercise 3 (optional, code).** Write g.", "h"),
      code("function g() {\n  // BEGIN SOLUTION\n  return 1;\n  // END SOLUTION\n}", "i"),
      md("Some text between the solution and its check.", "j"),
      code('checkClose("g()", g(), 1);', "k"),
    ]);

  it("marks solution, check, answer and read-only cells with stable ids and points", () => {
    const file = exercises();
    expect(tag([file], false).status).toBe(0);
    const m = nbgrader(file);
    expect(m.map((x: any) => x.grade_id)).toEqual([
      "07-demo-a",
      "07-demo-b",
      "07-demo-c",
      "07-demo-ex1",
      "07-demo-ex1-check",
      "07-demo-f",
      "07-demo-ex2-answer",
      "07-demo-h",
      "07-demo-ex3",
      "07-demo-j",
      "07-demo-ex3-check",
    ]);
    expect(m[3]).toMatchObject({ solution: true, grade: false, locked: false });
    expect(m[4]).toMatchObject({ solution: false, grade: true, locked: true, points: 1, tags: ["raises-exception"] });
    expect(m[6]).toMatchObject({ solution: true, grade: true, locked: false, points: 3 });
    expect(m[10]).toMatchObject({ grade: true, points: 0 });
    for (const i of [0, 1, 2, 5, 7, 9]) expect(m[i]).toMatchObject({ locked: true, grade: false, solution: false });
  });

  it("is idempotent, and --check fails on stale metadata", () => {
    const file = exercises();
    expect(tag([file], true).status).toBe(1);
    tag([file], false);
    const once = fs.readFileSync(file, "utf8");
    expect(tag([file], true).status).toBe(0);
    tag([file], false);
    expect(fs.readFileSync(file, "utf8")).toBe(once);
    const nb = JSON.parse(once);
    nb.cells[4].metadata.nbgrader.points = 5;
    fs.writeFileSync(file, JSON.stringify(nb, null, 1) + "\n");
    const r = tag([file], true);
    expect(r.status).toBe(1);
    expect(r.out).toContain("npm run homework:tag");
  });

  it("numbers exercises without a numbered heading by position", () => {
    const file = writeNotebook("00-ab", [
      md("## Exercises\n\n**(a) Write f.**", "a"),
      code("function f() {\n  // BEGIN SOLUTION\n  return 1;\n  // END SOLUTION\n}", "b"),
      code("check(f);", "c"),
      code("function g() {\n  // BEGIN SOLUTION\n  return 2;\n  // END SOLUTION\n}", "d"),
      code("check(g);", "e"),
    ]);
    tag([file], false);
    expect(nbgrader(file).map((x: any) => x.grade_id)).toEqual([
      "00-ab-a",
      "00-ab-ex1",
      "00-ab-ex1-check",
      "00-ab-ex2",
      "00-ab-ex2-check",
    ]);
  });

  it("says so when a question has no answer cell", () => {
    const file = writeNotebook("01-q", [
      md("**Exercise 1 (question).** Why?", "a"),
      md("**Exercise 2 (question).** And why?", "b"),
    ]);
    const r = tag([file], false);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/01-q: question exercise 1 \(cell 0\) has no answer cell/);
    expect(r.out).toMatch(/question exercise 2 \(cell 1\) has no answer cell/);
    expect(nbgrader(file).every((x: any) => !x.grade)).toBe(true);
  });

  it("treats a placeholder answer cell as a missing model answer: an error in --check, a warning when tagging", () => {
    const placeholders = ["*Your answer here.*", "YOUR ANSWER HERE", "**your answer here**", "", "  \n"];
    for (const [j, placeholder] of placeholders.entries()) {
      const file = writeNotebook(`03-ph${j}`, [
        md("**Exercise 1 (question).** Why?", "a"),
        md("**Answer (instructor's model answer).** Because.", "b"),
        md("**Exercise d (question).** And why?", "c"),
        md(placeholder, "q"),
      ]);
      const tagged = tag([file], false);
      expect(tagged.status, tagged.out).toBe(0);
      expect(tagged.out).toMatch(/warning: .*question exercise d \(cell 2\): its answer cell \(cell 3, id q\)/);
      expect(nbgrader(file)[3]).toMatchObject({ grade_id: `03-ph${j}-ex4-answer`, solution: true, grade: true });
      const checked = tag([file], true); // metadata is current now: the placeholder alone fails the check
      expect(checked.status, `${JSON.stringify(placeholder)}: ${checked.out}`).toBe(1);
      expect(checked.out).toMatch(
        new RegExp(`error: 03-ph${j}: question exercise d \\(cell 2\\): its answer cell \\(cell 3, id q\\)`),
      );
      expect(checked.out).not.toMatch(/exercise 1 \(cell 0\)/);
    }
  });

  it("accepts a real answer that mentions the placeholder words", () => {
    const file = writeNotebook("04-real", [
      md("**Exercise 1 (question).** Why?", "a"),
      md('Students see "YOUR ANSWER HERE"; the model answer: because.', "b"),
    ]);
    tag([file], false);
    const r = tag([file], true);
    expect(r.status, r.out).toBe(0);
  });

  it("fails when two exercises share a number", () => {
    const file = writeNotebook("02-dup", [
      md("**Exercise 1 (code).** f", "a"),
      code("function f() {\n  // BEGIN SOLUTION\n  return 1;\n  // END SOLUTION\n}", "b"),
      code("check(f);", "c"),
      md("**Exercise 1 (question).** Why?", "d"),
      md("Because.", "e"),
    ]);
    const r = tag([file], false);
    expect(r.status).toBe(1);
    expect(r.out).toContain("two exercises are numbered 1");
  });
});
