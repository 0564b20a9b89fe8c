import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as path from "path";
import { beforeAll, describe, expect, it } from "vitest";
import { PYTHON, ROOT } from "./helpers";

/**
 * The real homework commands on a small fixture course (tests/fixtures/homework/hw-fixture.ipynb: two code exercises
 * worth 1 point each, one question worth 1 point graded by hand): release, one submission per kind of student,
 * grade, grades.csv. Runs in build/homework-test/ with a 30 s cell time limit and a 1.5 GB kernel memory limit.
 */
const COURSE = path.join(ROOT, "build", "homework-test");
const NB = "hw-fixture";
const env = { ...process.env, NN_KNOBS_HOMEWORK_TIMEOUT: "30", NN_KNOBS_HOMEWORK_MEMORY_MB: "1500" };

function node(script: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, "homework", script), "--course", COURSE, ...args], {
    encoding: "utf8",
    env,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, out: r.stdout + r.stderr };
}

const readNb = (file: string) => JSON.parse(fs.readFileSync(file, "utf8"));
const src = (cell: any): string => (Array.isArray(cell.source) ? cell.source.join("") : cell.source);

/** The released notebook with the stub line of exercise k replaced by `body` (k = 1, 2). */
function answer(released: any, bodies: Record<number, string>): any {
  const nb = structuredClone(released);
  for (const [k, body] of Object.entries(bodies)) {
    const cell = nb.cells.find((c: any) => c.metadata.nbgrader?.grade_id === `${NB}-ex${k}`);
    cell.source = src(cell).replace(/^\s*throw new Error\("not implemented yet.*$/m, "  " + body);
  }
  return nb;
}

const RIGHT2 = "return x * x;";
/** Student id → their exercise bodies (undefined: the instructor's notebook) and the autograded score expected. */
const STUDENTS: Record<string, { bodies?: Record<number, string>; score: number }> = {
  // alphabetical = grading order: the kernel killers come first, so the others prove that grading went on
  "a-exits": { bodies: { 1: "process.exit(1);", 2: RIGHT2 }, score: 0 },
  "b-loops": { bodies: { 1: "while (true) {}", 2: RIGHT2 }, score: 1 },
  "c-oom": {
    bodies: {
      1: "const keep = []; for (let i = 0; i < 60; i++) keep.push(new Float64Array(1e7).fill(1)); return 2 * x;",
      2: RIGHT2,
    },
    score: 0,
  },
  // a solution that does not compile; the check right after it arrives inside tslab's abort window
  "d-broken": { bodies: { 1: "return x +;", 2: RIGHT2 }, score: 1 },
  "e-throws": { bodies: { 1: 'throw new Error("my bug");' }, score: 0 },
  "f-wrong": { bodies: { 1: "return 2 * x + 1;", 2: RIGHT2 }, score: 1 },
  instructor: { score: 2 },
  untouched: { bodies: {}, score: 0 },
};

let grade: { status: number | null; out: string };
let rows: Record<string, Record<string, string>>;
let released: any;

beforeAll(() => {
  fs.rmSync(COURSE, { recursive: true, force: true });
  const rel = node("release.js", "--notebooks", path.join(ROOT, "tests", "fixtures", "homework"));
  if (rel.status !== 0) throw new Error("homework:release failed:\n" + rel.out);
  released = readNb(path.join(COURSE, "release", NB, NB + ".ipynb"));
  const instructor = readNb(path.join(COURSE, "source", NB, NB + ".ipynb"));
  for (const [student, s] of Object.entries(STUDENTS)) {
    const dir = path.join(COURSE, "submitted", student, NB);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, NB + ".ipynb"), JSON.stringify(s.bodies ? answer(released, s.bodies) : instructor));
  }
  const t0 = Date.now();
  grade = node("grade.js");
  console.log(
    `homework:grade of ${Object.keys(STUDENTS).length} submissions: ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  const csv = path.join(COURSE, "grades.csv");
  const [head, ...lines] = fs.existsSync(csv) ? fs.readFileSync(csv, "utf8").trim().split("\n") : [""];
  const cols = head.split(",");
  rows = Object.fromEntries(
    lines.map((l) => {
      const row = Object.fromEntries(l.split(",").map((v, i) => [cols[i], v]));
      return [row.student_id, row];
    }),
  );
});

const autograded = (student: string) => readNb(path.join(COURSE, "autograded", student, NB, NB + ".ipynb"));
const errorsOf = (cell: any) => cell.outputs.filter((o: any) => o.output_type === "error");

describe("homework: release", () => {
  it("leaves no solution, names the exercise in the stub and blanks the answer", () => {
    const text = JSON.stringify(released);
    expect(text).not.toMatch(/BEGIN SOLUTION|return 2 \* x|return x \* x|h\^2\/h/);
    expect(text).toContain("not implemented yet: exercise hw-fixture-ex1");
    expect(text).toContain("not implemented yet: exercise hw-fixture-ex2");
    expect(text).toContain("YOUR ANSWER HERE");
  });
});

describe("homework: grade", () => {
  it("finishes for everyone and exports grades.csv with nbgrader's columns", () => {
    expect(grade.status, grade.out).toBe(0);
    expect(grade.out).not.toContain("Traceback");
    expect(Object.keys(rows).sort()).toEqual(Object.keys(STUDENTS).sort());
    for (const col of ["student_id", "assignment", "score", "max_score"])
      expect(Object.values(rows)[0]).toHaveProperty(col);
    for (const row of Object.values(rows)) {
      expect(row.assignment).toBe(NB);
      expect(Number(row.max_score)).toBe(3); // 2 autograded points + 1 for the question, graded by hand
    }
  });

  it.each(Object.entries(STUDENTS))("%s scores %s autograded points", (student, s) => {
    expect(Number(rows[student]?.score), grade.out).toBe(s.score);
    expect(fs.existsSync(path.join(COURSE, "feedback", student, NB, NB + ".html"))).toBe(true);
  });

  it("an untouched exercise fails with the exercise's name; the cells after it still run", () => {
    const cells = autograded("untouched").cells;
    const check = cells.find((c: any) => c.metadata.nbgrader?.grade_id === `${NB}-ex1-check`);
    expect(errorsOf(check)[0].evalue).toContain("not implemented yet: exercise hw-fixture-ex1");
    expect(JSON.stringify(cells[cells.length - 1].outputs)).toContain("the last cell ran");
  });

  it("an endless loop is interrupted at the time limit and the rest is graded", () => {
    const cells = autograded("b-loops").cells;
    const check = cells.find((c: any) => c.metadata.nbgrader?.grade_id === `${NB}-ex1-check`);
    expect(errorsOf(check)[0].evalue).toContain("ran longer than 30 s");
    expect(JSON.stringify(cells[cells.length - 1].outputs)).toContain("the last cell ran");
  });

  it("process.exit and the memory limit fail the remaining cells, saying why", () => {
    const exits = autograded("a-exits").cells.filter((c: any) => c.cell_type === "code");
    expect(JSON.stringify(exits.at(-1).outputs)).toContain("the kernel died");
    const oom = autograded("c-oom").cells.filter((c: any) => c.cell_type === "code");
    expect(JSON.stringify(oom.at(-1).outputs)).toContain("more than 1500 MB");
  });

  it("the question is graded by hand: a manual score completes the instructor's marks", () => {
    const py = [
      "import sys; from nbgrader.api import Gradebook",
      "with Gradebook('sqlite:///' + sys.argv[1]) as gb:",
      `    g = gb.find_grade('${NB}-ex3-answer', '${NB}', '${NB}', 'instructor'); g.manual_score = 1; gb.db.commit()`,
    ].join("\n");
    const r = spawnSync(PYTHON, ["-c", py, path.join(COURSE, "gradebook.db")], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const again = node("grade.js", "--export-only");
    expect(again.out).toMatch(/instructor\s+hw-fixture\s+3\.0 \/ 3\.0/);
  });
});

/** A port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

describe("homework: the student side", () => {
  it("Validate in JupyterLab (started like npm start) runs the released notebook on tslab and names the exercises", async () => {
    const dir = path.join(COURSE, "student");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, NB + ".ipynb"), JSON.stringify(released));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const headers = { Authorization: "token nn-knobs-test", "Content-Type": "application/json" };
    const lab = spawn(
      process.execPath,
      [path.join(ROOT, "kernel-setup", "start.js"), "--no-browser", "--port", String(port)].concat([
        "--ServerApp.token=nn-knobs-test",
        `--ServerApp.root_dir=${dir}`,
      ]),
      { stdio: "ignore", env },
    );
    try {
      const deadline = Date.now() + 180_000;
      for (;;) {
        const ok = await fetch(`${url}/api/status`, { headers }).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) break;
        if (Date.now() > deadline) throw new Error("JupyterLab did not start within 180 s");
        await new Promise((r) => setTimeout(r, 500));
      }
      const res = await fetch(`${url}/assignments/validate`, {
        method: "POST",
        headers,
        body: JSON.stringify({ path: NB + ".ipynb" }),
      });
      const body = (await res.json()) as any;
      expect(body.success, JSON.stringify(body).slice(0, 2000)).toBe(true);
      const failed = body.value.failed as { source: string; error: string }[];
      expect(failed.map((f) => f.error).join("\n")).toContain("not implemented yet: exercise hw-fixture-ex1");
      expect(failed.map((f) => f.error).join("\n")).toContain("not implemented yet: exercise hw-fixture-ex2");
      expect(failed.some((f) => f.error.includes("You did not provide a response"))).toBe(true);
    } finally {
      const exited = new Promise((r) => lab.once("exit", r));
      lab.kill("SIGTERM");
      await exited;
    }
  });
});
