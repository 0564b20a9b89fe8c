#!/usr/bin/env node
/*
 * npm run notebooks: executes every notebooks/*.ipynb in the project kernel and writes the executed copies
 * (with outputs) and an HTML rendering to build/notebooks/, for reading results without Jupyter.
 * Exits 1 if any notebook fails (the others still run). Usage: npm run notebooks [-- name-filter]
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const PYTHON = path.join(ROOT, ".venv", "bin", "python");
const OUT = path.join(ROOT, "build", "notebooks");
const filter = process.argv[2] || "";
const dir = path.join(ROOT, "notebooks");
const names = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".ipynb") && f.includes(filter))
  .sort();
if (names.length === 0) {
  console.log("npm run notebooks: no notebooks in notebooks/" + (filter ? ` matching "${filter}"` : ""));
  process.exit(0);
}
let failed = 0;
for (const name of names) {
  const base = path.join(OUT, name.replace(/\.ipynb$/, ""));
  const args = [
    path.join(ROOT, "tests", "run_notebook.py"),
    path.join(dir, name),
    "--out",
    base + ".ipynb",
    "--html",
    base + ".html",
  ];
  const r = spawnSync(PYTHON, args, { encoding: "utf8" });
  const line = r.stdout.trim().split("\n").pop() || "";
  const res = line.startsWith("{")
    ? JSON.parse(line)
    : { ok: false, seconds: 0, failure: { cell: "?", stderr: r.stderr } };
  if (res.ok) console.log(`ok    ${name}  ${res.seconds.toFixed(1)} s  -> ${path.relative(ROOT, base)}.html`);
  else {
    failed++;
    console.log(`FAIL  ${name}  at cell ${res.failure.cell}: ${res.failure.error || ""}\n${res.failure.stderr}`);
  }
}
console.log(`${names.length - failed}/${names.length} notebooks ran; outputs in ${path.relative(ROOT, OUT)}/`);
process.exit(failed ? 1 : 0);
