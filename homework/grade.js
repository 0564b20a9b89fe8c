#!/usr/bin/env node
/*
 * npm run homework:grade — grades every submission in homework/submitted/<student>/<nb>/<nb>.ipynb:
 *   1. `nbgrader autograde <nb> --force` per assignment (students are created as needed). Each submission runs
 *      in a fresh kernel with the fixes of nbgrader_tslab.py (time limit per cell, memory limit, no false
 *      passes after errors); one submission that hangs or kills its kernel loses points, the rest is graded;
 *   2. `nbgrader generate_feedback <nb> --force` → homework/feedback/<student>/<nb>/<nb>.html;
 *   3. `nbgrader export` → homework/grades.csv (student_id, assignment, score, max_score, ...), printed as a table.
 * Run `npm run homework:release` first (it records the assignments in homework/gradebook.db).
 * Usage: node homework/grade.js [--course DIR] [--export-only]       Environment: NN_KNOBS_HOMEWORK_TIMEOUT (s per cell),
 *        NN_KNOBS_HOMEWORK_MEMORY_MB (kernel memory limit); see homework/README.md.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { options, nbgrader, folders } = require("./course");

function main() {
  const argv = process.argv.slice(2);
  const opts = options(argv);
  if (argv.includes("--export-only")) return exportGrades(opts.course, []);
  const submitted = path.join(opts.course, "submitted");
  const students = folders(submitted);
  const assignments = [...new Set(students.flatMap((s) => folders(path.join(submitted, s))))].sort();
  if (assignments.length === 0) throw new Error(`no submissions in ${submitted}/<student>/<notebook>/`);
  const released = new Set(folders(path.join(opts.course, "source")));
  const problems = [];
  for (const a of assignments) {
    if (!released.has(a)) {
      problems.push(`${a}: not released (run npm run homework:release first); its submissions are not graded`);
      continue;
    }
    console.log(`homework:grade ${a}`);
    const r = nbgrader(opts.course, ["autograde", a, "--force"], { quiet: true });
    if (r.status !== 0) problems.push(`${a}: nbgrader autograde reported errors:\n${lastLines(r.output, 30)}`);
    const f = nbgrader(opts.course, ["generate_feedback", a, "--force"], { quiet: true });
    if (f.status !== 0) problems.push(`${a}: nbgrader generate_feedback reported errors:\n${lastLines(f.output, 30)}`);
  }
  exportGrades(opts.course, problems);
}

/** nbgrader export → <course>/grades.csv (after manual grading too: `--export-only`), printed as a table. */
function exportGrades(course, problems) {
  const csv = path.join(course, "grades.csv");
  const e = nbgrader(course, ["export", `--CsvExportPlugin.to=${csv}`], { quiet: true });
  if (e.status !== 0 || !fs.existsSync(csv)) throw new Error(`nbgrader export failed:\n${e.output}`);
  printTable(csv);
  problems.forEach((p) => console.error("problem: " + p));
  const rel = (p) => path.relative(process.cwd(), p);
  console.log(`grades: ${rel(csv)}; feedback: ${rel(path.join(course, "feedback"))}/`);
  if (problems.length) process.exit(1);
}

function lastLines(text, n) {
  return text.trim().split("\n").slice(-n).join("\n");
}

/** student, assignment, score / max_score, one line each (the CSV has no quoted commas in these columns). */
function printTable(csv) {
  const [head, ...rows] = fs.readFileSync(csv, "utf8").trim().split("\n");
  const col = head.split(",");
  const at = (row, name) => row.split(",")[col.indexOf(name)];
  for (const row of rows) {
    console.log(
      `  ${at(row, "student_id").padEnd(16)} ${at(row, "assignment").padEnd(32)} ${at(row, "score")} / ${at(row, "max_score")}`,
    );
  }
}

try {
  main();
} catch (err) {
  console.error("homework:grade: " + (err instanceof Error ? err.message : err));
  process.exit(1);
}
