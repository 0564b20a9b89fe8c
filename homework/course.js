/*
 * Shared by homework/release.js and homework/grade.js: where the course lives and how nbgrader is run.
 * nbgrader always runs from homework/ (so it reads homework/nbgrader_config.py) inside the project's .venv;
 * `--course DIR` points it at another course directory (the tests use folders under build/).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const HOMEWORK = __dirname;

/** Parses `--course DIR` and `--notebooks DIR` (relative to the current directory); defaults homework/, notebooks/. */
function options(argv) {
  const get = (flag, fallback) => {
    const i = argv.indexOf(flag);
    if (i < 0) return fallback;
    if (!argv[i + 1]) throw new Error(`${flag} needs a folder`);
    return path.resolve(argv[i + 1]);
  };
  return { course: get("--course", HOMEWORK), notebooks: get("--notebooks", path.join(ROOT, "notebooks")) };
}

/** Makes sure .venv (with nbgrader) and the kernelspec exist; returns the path of the nbgrader command. */
function nbgraderCommand() {
  const setup = require(path.join(ROOT, "kernel-setup", "setup.js"));
  const env = setup.setup({ quiet: true });
  const exe = path.join(env.bin, process.platform === "win32" ? "nbgrader.exe" : "nbgrader");
  if (!fs.existsSync(exe)) {
    throw new Error(`nbgrader is missing from .venv: run \`npm run kernel-setup -- --force\` (it installs it).`);
  }
  return { exe, env };
}

/** Runs `nbgrader <args>` for the course; returns { status, output } (output = stdout + stderr, also echoed). */
function nbgrader(course, args, { quiet = false } = {}) {
  const { exe, env } = nbgraderCommand();
  const full = args.concat(course === HOMEWORK ? [] : [`--CourseDirectory.root=${course}`]);
  const r = spawnSync(exe, full, {
    cwd: HOMEWORK,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    // the venv's commands (nbgrader calls `alembic`) and kernels first, as `npm start` does
    env: Object.assign({}, process.env, {
      PATH: env.bin + path.delimiter + process.env.PATH,
      JUPYTER_PATH:
        path.join(env.venv, "share", "jupyter") +
        (process.env.JUPYTER_PATH ? path.delimiter + process.env.JUPYTER_PATH : ""),
    }),
  });
  const output = (r.stdout || "") + (r.stderr || "");
  if (!quiet) process.stdout.write(output);
  // nbgrader only logs a broken config and goes on without it: never grade without the tslab fixes
  if (output.includes("Exception while loading config file")) {
    throw new Error(`nbgrader could not load homework/nbgrader_config.py:\n${output}`);
  }
  return { status: r.status, output };
}

/** Sub-folders of `dir` (sorted), or [] when it does not exist. */
function folders(dir) {
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory() && !e.name.startsWith("."))
        .map((e) => e.name)
        .sort()
    : [];
}

module.exports = { ROOT, HOMEWORK, options, nbgrader, folders };
