#!/usr/bin/env node
/*
 * npm run homework:tag — writes nbgrader's cell metadata into notebooks/*.ipynb, derived from the exercise patterns
 * every notebook follows (so authors never edit metadata by hand; re-run this after changing a notebook):
 *   - a code cell containing `// BEGIN SOLUTION`            → solution cell            grade_id <nb>-ex<k>
 *   - the next code cell after it (the check)               → autograded test cell, locked, with points
 *                                                              grade_id <nb>-ex<k>-check
 *   - a markdown cell starting `**Exercise k (question...).**` followed by a markdown answer cell
 *                                                            → the answer cell is graded by hand, with points
 *                                                              grade_id <nb>-ex<k>-answer
 *   - every other cell                                      → read-only (locked), grade_id <nb>-cell-<cell id>
 * k is the number of the exercise's `**Exercise k` heading (a letter counts by its place: `**Exercise d` is 4), or its
 * position among the notebook's exercises when the heading has no number ("**(a) ...**"). Points: 1 per exercise, `(question, 2 points)` in a heading sets
 * another number, and an exercise whose heading says "optional" is worth 0 (its check still runs and reports).
 * Check cells also get the tag `raises-exception`: JupyterLab then keeps running the cells after a failed check.
 *
 * Usage: node homework/tag-notebooks.js [--check] [FILE.ipynb | DIR ...]      (default: notebooks/)
 *   --check  write nothing; exit 1 when a notebook's metadata is missing or stale, grade ids collide, or an answer
 *            cell holds no model answer (empty, or only a placeholder such as "*Your answer here.*").
 * Warnings (a question without an answer cell, a solution without a check cell) are printed in both modes; a
 * placeholder answer is a warning when tagging (so authors can tag a notebook before writing its answers).
 * Files are written the way nbformat writes them (sorted keys, one-space indent), so the tool is idempotent.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const SOLUTION_MARK = "// BEGIN SOLUTION";
const QUESTION = /^\*\*Exercise\s+(\d+|[a-z])\s*\(([^)]*question[^)]*)\)/i;
const HEADING = /^\*\*Exercise\s+(\d+|[a-z])\b\s*(?:\(([^)]*)\))?/i;
/** An answer cell that is empty or only says "Your answer here" (any case, with or without emphasis) is no answer. */
const PLACEHOLDER = /^[\s*_]*(?:your\s+answer\s+here[\s.!]*)?[\s*_]*$/i;
const CHECK_TAG = "raises-exception";

const text = (cell) => (Array.isArray(cell.source) ? cell.source.join("") : cell.source || "");
const isSolution = (cell) => cell.cell_type === "code" && text(cell).includes(SOLUTION_MARK);
/** An exercise's number from its heading label: "3" → 3, a letter by its place in the alphabet ("d" → 4). */
const labelNumber = (label) => (/^\d+$/.test(label) ? Number(label) : label.toLowerCase().charCodeAt(0) - 96);

/** Points from a heading's parenthetical: "2 points" → 2, "optional" → 0, otherwise 1. */
function pointsOf(paren) {
  const m = /(\d+(?:\.\d+)?)\s*points?/i.exec(paren || "");
  if (m) return Number(m[1]);
  return /optional/i.test(paren || "") ? 0 : 1;
}

function meta(gradeId, { solution = false, grade = false, locked = false, points } = {}) {
  const m = { grade, grade_id: gradeId, locked, schema_version: 3, solution, task: false };
  if (grade) m.points = points;
  return m;
}

/** The `**Exercise k (...)` heading of a code exercise: the nearest one before `index` and after `since`. */
function headingBefore(cells, index, since) {
  for (let i = index - 1; i > since; i--) {
    const m = cells[i].cell_type === "markdown" ? HEADING.exec(text(cells[i]).trim()) : null;
    if (m) return { k: labelNumber(m[1]), paren: m[2] || "" };
  }
  return { k: null, paren: "" };
}

/**
 * Derives the nbgrader metadata of one notebook (in place) from its cells.
 * Returns { exercises: [{k, kind, gradeIds, points}], warnings: [string], errors: [string], placeholders: [string] };
 * placeholders name the answer cells that hold no model answer yet (the caller decides whether that is an error).
 */
function tagNotebook(nb, name) {
  const cells = nb.cells;
  const roles = new Array(cells.length).fill(null);
  const exercises = [];
  const warnings = [];
  const errors = [];
  const placeholders = [];
  let lastEnd = -1;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (isSolution(cell)) {
      const h = headingBefore(cells, i, lastEnd);
      const k = h.k ?? exercises.length + 1;
      let check = i + 1;
      while (check < cells.length && cells[check].cell_type !== "code") check++;
      const points = pointsOf(h.paren);
      roles[i] = meta(`${name}-ex${k}`, { solution: true });
      if (check >= cells.length || isSolution(cells[check])) {
        warnings.push(`${name}: exercise ${k} (cell ${i}) has no check cell after its solution: it is not autograded`);
        exercises.push({ k, kind: "code", gradeIds: [roles[i].grade_id], points: 0 });
        lastEnd = i;
        continue;
      }
      roles[check] = meta(`${name}-ex${k}-check`, { grade: true, locked: true, points });
      exercises.push({ k, kind: "code", gradeIds: [roles[i].grade_id, roles[check].grade_id], points });
      lastEnd = check;
      i = check;
    } else if (cell.cell_type === "markdown" && QUESTION.test(text(cell).trim())) {
      const m = QUESTION.exec(text(cell).trim());
      const k = labelNumber(m[1]);
      const answer = cells[i + 1];
      if (!answer || answer.cell_type !== "markdown" || HEADING.test(text(answer).trim())) {
        warnings.push(
          `${name}: question exercise ${m[1]} (cell ${i}) has no answer cell: add a markdown cell right after it ` +
            `(the instructor's model answer; students see "YOUR ANSWER HERE") — not graded until then`,
        );
        lastEnd = i;
        continue;
      }
      if (PLACEHOLDER.test(text(answer))) {
        const shown = text(answer).trim() ? JSON.stringify(text(answer).trim()) : "nothing";
        placeholders.push(
          `${name}: question exercise ${m[1]} (cell ${i}): its answer cell (cell ${i + 1}${answer.id ? `, id ${answer.id}` : ""}) ` +
            `holds ${shown}, not a model answer: write the instructor's model answer there ` +
            `(students see "YOUR ANSWER HERE" in the release)`,
        );
      }
      const points = pointsOf(m[2]);
      roles[i + 1] = meta(`${name}-ex${k}-answer`, { solution: true, grade: true, points });
      exercises.push({ k, kind: "question", gradeIds: [roles[i + 1].grade_id], points });
      lastEnd = i + 1;
      i++;
    }
  }
  const seen = new Map();
  for (const e of exercises) {
    if (seen.has(e.k)) errors.push(`${name}: two exercises are numbered ${e.k} (${seen.get(e.k)} and ${e.kind})`);
    seen.set(e.k, e.kind);
  }
  cells.forEach((cell, i) => {
    const m = roles[i] || meta(cell.id ? `${name}-${cell.id}` : `${name}-cell-${i}`, { locked: true });
    cell.metadata = cell.metadata || {};
    cell.metadata.nbgrader = m;
    const tags = (cell.metadata.tags || []).filter((t) => t !== CHECK_TAG);
    if (m.grade && !m.solution) tags.push(CHECK_TAG);
    if (tags.length) cell.metadata.tags = tags;
    else delete cell.metadata.tags;
  });
  const ids = cells.map((c) => c.metadata.nbgrader.grade_id);
  const dup = ids.filter((id, j) => ids.indexOf(id) !== j);
  if (dup.length) errors.push(`${name}: grade ids collide: ${[...new Set(dup)].join(", ")}`);
  return { exercises, warnings, errors, placeholders };
}

/** JSON the way nbformat writes it (sorted keys, indent 1, trailing newline), so re-saving is a no-op. */
function serialize(nb) {
  const sortKeys = (v) =>
    Array.isArray(v)
      ? v.map(sortKeys)
      : v && typeof v === "object"
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sortKeys(v[k])]),
          )
        : v;
  return JSON.stringify(sortKeys(nb), null, 1) + "\n";
}

function notebookFiles(args) {
  const targets = args.length ? args : [path.join(ROOT, "notebooks")];
  return targets.flatMap((t) =>
    fs.statSync(t).isDirectory()
      ? fs
          .readdirSync(t)
          .filter((f) => f.endsWith(".ipynb"))
          .sort()
          .map((f) => path.join(t, f))
      : [t],
  );
}

/** Tags (or with check: true only checks) the files; returns { stale: [file], errors, warnings, results }. */
function run(files, { check = false } = {}) {
  const out = { stale: [], errors: [], warnings: [], results: [] };
  for (const file of files) {
    const raw = fs.readFileSync(file, "utf8");
    const nb = JSON.parse(raw);
    const name = path.basename(file, ".ipynb");
    const r = tagNotebook(nb, name);
    out.errors.push(...r.errors, ...(check ? r.placeholders : []));
    out.warnings.push(...r.warnings, ...(check ? [] : r.placeholders));
    out.results.push({ file, name, exercises: r.exercises });
    const next = serialize(nb);
    if (next !== raw) {
      out.stale.push(file);
      if (!check) fs.writeFileSync(file, next);
    }
  }
  return out;
}

module.exports = { tagNotebook, serialize, run, notebookFiles };

if (require.main === module) {
  const args = process.argv.slice(2);
  const check = args.includes("--check");
  const files = notebookFiles(args.filter((a) => a !== "--check"));
  const r = run(files, { check });
  for (const w of r.warnings) console.log("warning: " + w);
  for (const e of r.errors) console.error("error: " + e);
  for (const res of r.results) {
    const graded = res.exercises.filter((e) => e.points > 0);
    const total = graded.reduce((s, e) => s + e.points, 0);
    if (res.exercises.length) console.log(`${res.name}: ${res.exercises.length} exercises, ${total} points`);
  }
  const rel = (f) => path.relative(process.cwd(), f);
  if (check && r.stale.length) {
    console.error(
      "nbgrader metadata is missing or stale in:\n  " + r.stale.map(rel).join("\n  ") + "\nrun: npm run homework:tag",
    );
  } else if (!check) {
    console.log(r.stale.length ? "tagged: " + r.stale.map(rel).join(", ") : "all notebooks already tagged");
  }
  process.exit(r.errors.length || (check && r.stale.length) ? 1 : 0);
}
