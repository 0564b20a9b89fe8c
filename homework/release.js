#!/usr/bin/env node
/*
 * npm run homework:release — the student versions of every notebook with exercises:
 *   1. copies notebooks/<nb>.ipynb to homework/source/<nb>/<nb>.ipynb with fresh nbgrader metadata (tag-notebooks.js);
 *   2. `nbgrader generate_assignment <nb> --force` writes homework/release/<nb>/<nb>.ipynb (solutions replaced by
 *      a stub that throws "not implemented yet: exercise <nb>-ex<k>", answers by "YOUR ANSWER HERE") and records
 *      the assignment and its graded cells in homework/gradebook.db;
 *   3. checks that no released notebook still contains a solution.
 * Usage: node homework/release.js [--course DIR] [--notebooks DIR] [name-filter]
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { options, nbgrader } = require("./course");
const { tagNotebook, serialize, notebookFiles } = require("./tag-notebooks");

function main() {
  const argv = process.argv.slice(2);
  const opts = options(argv);
  const filter = argv.filter((a, i) => !a.startsWith("--") && !argv[i - 1]?.startsWith("--"))[0] || "";
  const released = [];
  for (const file of notebookFiles([opts.notebooks])) {
    const name = path.basename(file, ".ipynb");
    if (!name.includes(filter)) continue;
    const nb = JSON.parse(fs.readFileSync(file, "utf8"));
    const { exercises, warnings, errors, placeholders } = tagNotebook(nb, name);
    [...warnings, ...placeholders].forEach((w) => console.log("warning: " + w));
    if (errors.length) throw new Error(errors.join("\n"));
    if (exercises.length === 0) continue;
    const src = path.join(opts.course, "source", name);
    fs.mkdirSync(src, { recursive: true });
    fs.writeFileSync(path.join(src, name + ".ipynb"), serialize(nb));
    console.log(`homework:release ${name} (${exercises.length} exercises)`);
    const r = nbgrader(opts.course, ["generate_assignment", name, "--force"], { quiet: true });
    if (r.status !== 0) throw new Error(`nbgrader generate_assignment ${name} failed:\n${r.output}`);
    const out = path.join(opts.course, "release", name, name + ".ipynb");
    if (/BEGIN SOLUTION|END SOLUTION/.test(fs.readFileSync(out, "utf8"))) {
      throw new Error(`${out} still contains a solution region: check its // BEGIN SOLUTION / // END SOLUTION lines`);
    }
    released.push(path.relative(process.cwd(), out));
  }
  console.log(released.length ? "released:\n  " + released.join("\n  ") : "no notebook with exercises found");
}

try {
  main();
} catch (e) {
  console.error("homework:release: " + (e instanceof Error ? e.message : e));
  process.exit(1);
}
