#!/usr/bin/env node
/*
 * Runs the slides' TypeScript (slides/src/cli.ts): esbuild bundles it for Node into build/slides/cli.cjs (the
 * library and npm packages stay external), then Node runs it.  node slides/run.js build | pdf
 */
"use strict";
const path = require("path");
const { spawnSync } = require("child_process");
const esbuild = require("esbuild");

const ROOT = path.resolve(__dirname, "..");
const out = path.join(ROOT, "build", "slides", "cli.cjs");
esbuild.buildSync({
  entryPoints: [path.join(__dirname, "src", "cli.ts")],
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node22",
  packages: "external",
  outfile: out,
  logLevel: "warning",
});
const r = spawnSync(process.execPath, [out, ...process.argv.slice(2)], { cwd: ROOT, stdio: "inherit" });
process.exit(r.status === null ? 1 : r.status);
