#!/usr/bin/env node
/*
 * kernel-setup: makes the project's Jupyter ready, idempotently.
 *   1. checks Node >= 22 and that `npm install` has run (node_modules/tslab);
 *   2. builds lib/dist if it is missing (notebooks import the compiled package);
 *   3. creates ./.venv with python3 -m venv and pip-installs kernel-setup/requirements.txt
 *      (skipped when .venv/.nn-knobs-stamp holds the hash of requirements.txt and the python version);
 *   4. writes the kernelspec .venv/share/jupyter/kernels/nn-knobs-tslab/kernel.json for the project's
 *      own tslab (never touches ~/.local/share/jupyter or any other environment).
 * Usage: node kernel-setup/setup.js [--quiet] [--force] [--verbose]   (also: npm run kernel-setup)
 * Environment: NN_KNOBS_PYTHON=/path/to/python3 picks the interpreter that creates the venv.
 * Plain CommonJS with no dependencies, written for old Node too so that the version check can run.
 */
"use strict";
var fs = require("fs");
var path = require("path");
var crypto = require("crypto");
var childProcess = require("child_process");

var ROOT = path.resolve(__dirname, "..");
var VENV = path.join(ROOT, ".venv");
var BIN = path.join(VENV, process.platform === "win32" ? "Scripts" : "bin");
var VENV_PYTHON = path.join(BIN, process.platform === "win32" ? "python.exe" : "python");
var REQUIREMENTS = path.join(__dirname, "requirements.txt");
var STAMP = path.join(VENV, ".nn-knobs-stamp");
var KERNEL_NAME = "nn-knobs-tslab";
var KERNEL_DIR = path.join(VENV, "share", "jupyter", "kernels", KERNEL_NAME);
var TSLAB_BIN = path.join(ROOT, "node_modules", "tslab", "bin", "tslab");

/** Thrown for a set-up problem the user must fix; the message says how. */
function SetupError(message) {
  this.name = "SetupError";
  this.message = message;
}
SetupError.prototype = Object.create(Error.prototype);

/** The oldest Node major nn-knobs supports, and the LTS it is tested on (.ci/run runs the suite on it). */
var NODE_MIN = 22;
var NODE_RECOMMENDED = 24;

function checkNode() {
  var major = Number(process.versions.node.split(".")[0]);
  if (major < NODE_MIN) {
    throw new SetupError(
      "nn-knobs needs Node.js " +
        NODE_MIN +
        " or newer (" +
        NODE_RECOMMENDED +
        " LTS recommended); found Node " +
        process.versions.node +
        " at " +
        process.execPath +
        ".\n" +
        "Install Node " +
        NODE_RECOMMENDED +
        " (https://nodejs.org, or `nvm install " +
        NODE_RECOMMENDED +
        "`), then run `npm install` again with it.",
    );
  }
}

function checkNpmInstall() {
  if (!fs.existsSync(TSLAB_BIN)) {
    throw new SetupError("node_modules/tslab is missing: run `npm install` (or `npm ci`) in " + ROOT + " first.");
  }
}

function run(cmd, args, opts) {
  return childProcess.spawnSync(cmd, args, Object.assign({ encoding: "utf8" }, opts || {}));
}

/** Builds lib/dist when it is missing; warns when lib/src is newer than the build. */
function ensureLibBuilt(log) {
  var entry = path.join(ROOT, "lib", "dist", "index.js");
  if (!fs.existsSync(entry)) {
    log("lib/dist is missing: building the library (npm run build) ...");
    var tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
    var r = run(process.execPath, [tsc, "-p", path.join(ROOT, "lib", "tsconfig.build.json")], { stdio: "inherit" });
    if (r.status !== 0) throw new SetupError("Building lib/ failed (see the tsc errors above).");
    return "built lib/dist";
  }
  var built = fs.statSync(entry).mtimeMs;
  var newer = newestSource(path.join(ROOT, "lib", "src"));
  if (newer && newer.mtime > built) {
    log(
      "note: " +
        path.relative(ROOT, newer.file) +
        " is newer than lib/dist: run `npm run build` and restart the kernel.",
    );
  }
  return null;
}

function newestSource(dir) {
  var best = null;
  var entries = fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : [];
  entries.forEach(function (e) {
    var p = path.join(dir, e.name);
    var cand = e.isDirectory()
      ? newestSource(p)
      : /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name)
        ? { file: p, mtime: fs.statSync(p).mtimeMs }
        : null;
    if (cand && (!best || cand.mtime > best.mtime)) best = cand;
  });
  return best;
}

/** Finds a Python 3.9+ to create the venv with; returns its path. */
function findPython() {
  var candidates = process.env.NN_KNOBS_PYTHON ? [process.env.NN_KNOBS_PYTHON] : ["python3", "python"];
  for (var i = 0; i < candidates.length; i++) {
    var r = run(candidates[i], ["-c", "import sys; print(sys.executable); print('%d.%d' % sys.version_info[:2])"]);
    if (r.status === 0) {
      var lines = r.stdout.trim().split(/\r?\n/);
      var v = lines[1].split(".").map(Number);
      if (v[0] === 3 && v[1] >= 9) return lines[0];
    }
  }
  throw new SetupError(
    "No Python 3.9+ found (tried " +
      candidates.join(", ") +
      "). JupyterLab needs it.\n" +
      "Install it, e.g. on Debian/Ubuntu: sudo apt-get install python3 python3-venv python3-pip\n" +
      "(or set NN_KNOBS_PYTHON=/path/to/python3), then run `npm run kernel-setup`.",
  );
}

function stampText() {
  var req = fs.readFileSync(REQUIREMENTS);
  var py = run(VENV_PYTHON, ["-c", "import sys; print(sys.version)"]).stdout || "";
  return crypto.createHash("sha256").update(req).update(py).digest("hex");
}

/** Creates .venv and installs the pinned requirements unless the stamp says they are there. */
function ensureVenv(opts, log) {
  var did = [];
  if (!fs.existsSync(VENV_PYTHON)) {
    var python = findPython();
    log("creating .venv with " + python + " ...");
    // --system-site-packages: a JupyterLab already installed for this Python is found (and used if PyPI is
    // unreachable); the pinned versions installed below take precedence inside the venv.
    var r = run(python, ["-m", "venv", "--system-site-packages", VENV], { stdio: ["ignore", "inherit", "pipe"] });
    if (r.status !== 0) {
      fs.rmSync(VENV, { recursive: true, force: true });
      throw new SetupError(
        "`" +
          python +
          " -m venv .venv` failed:\n" +
          (r.stderr || "").trim() +
          "\n" +
          "On Debian/Ubuntu install the venv module: sudo apt-get install python3-venv (or python3.X-venv).",
      );
    }
    did.push("created .venv");
  }
  if (!opts.force && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8").trim() === stampText()) return did;
  log("installing the pinned Jupyter packages into .venv (" + path.relative(ROOT, REQUIREMENTS) + ") ...");
  var args = ["-m", "pip", "install", "--disable-pip-version-check", "-r", REQUIREMENTS];
  if (!opts.verbose) args.push("-q");
  var p = run(VENV_PYTHON, args, { stdio: "inherit" });
  if (p.status !== 0 && hasJupyter()) {
    log("warning: pip could not install the pinned versions; using the JupyterLab this Python already has.");
    did.push("using the existing JupyterLab (" + jupyterVersions() + ")");
    return did;
  }
  if (p.status !== 0) {
    var pins = fs
      .readFileSync(REQUIREMENTS, "utf8")
      .split(/\r?\n/)
      .filter(function (l) {
        return /^[A-Za-z]/.test(l);
      });
    throw new SetupError(
      "pip could not install the Jupyter packages (is PyPI reachable? a proxy needs HTTPS_PROXY).\n" +
        "Install them by hand into the project venv, from a wheel folder or a mirror, then re-run `npm run kernel-setup`:\n" +
        "  .venv/bin/python -m pip install " +
        pins.join(" ") +
        "\n" +
        "  (offline: add --no-index --find-links /path/to/wheels; a mirror: --index-url https://...)",
    );
  }
  fs.writeFileSync(STAMP, stampText() + "\n");
  did.push("installed " + path.basename(REQUIREMENTS) + " into .venv");
  return did;
}

/** True when the venv's Python can import what nn-knobs needs (its own packages or the system's). */
function hasJupyter() {
  return run(VENV_PYTHON, ["-c", "import jupyterlab, nbclient, nbconvert, jupyter_client"]).status === 0;
}

function jupyterVersions() {
  var r = run(VENV_PYTHON, [
    "-c",
    "import jupyterlab, nbclient; print('jupyterlab', jupyterlab.__version__, 'nbclient', nbclient.__version__)",
  ]);
  return (r.stdout || "").trim();
}

/**
 * The kernelspec, with tslab's own argv (see node_modules/tslab/python/install.py) run by the absolute path of the
 * Node running kernel-setup: tslab's launcher (`#!/usr/bin/env node`) would otherwise start the kernel under whatever
 * `node` comes first on the PATH of the Jupyter server, which may be another version than the project was set up with.
 */
function kernelSpec() {
  var version = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", "tslab", "package.json"), "utf8")).version;
  return {
    argv: [process.execPath, TSLAB_BIN, "kernel", "--config-path", "{connection_file}"],
    display_name: "TypeScript (nn-knobs, tslab " + version + ")",
    language: "typescript",
    interrupt_mode: "signal",
    metadata: { nn_knobs: { root: ROOT } },
  };
}

function ensureKernelSpec() {
  var file = path.join(KERNEL_DIR, "kernel.json");
  var text = JSON.stringify(kernelSpec(), null, 2) + "\n";
  if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === text) return null;
  fs.mkdirSync(KERNEL_DIR, { recursive: true });
  fs.writeFileSync(file, text);
  return "registered kernel " + KERNEL_NAME + " in " + path.relative(ROOT, KERNEL_DIR);
}

/** Runs every step; returns the paths the other scripts need. Throws SetupError with a fix-it message. */
function setup(opts) {
  opts = opts || {};
  var log = opts.quiet
    ? function () {}
    : function (m) {
        console.log("kernel-setup: " + m);
      };
  checkNode();
  checkNpmInstall();
  var did = [];
  var built = ensureLibBuilt(log);
  if (built) did.push(built);
  did = did.concat(ensureVenv(opts, log));
  var spec = ensureKernelSpec();
  if (spec) did.push(spec);
  log(did.length ? "done: " + did.join("; ") + "." : "already set up (.venv, kernel " + KERNEL_NAME + ", lib/dist).");
  return { root: ROOT, venv: VENV, bin: BIN, python: VENV_PYTHON, kernelName: KERNEL_NAME };
}

module.exports = {
  setup: setup,
  newestSource: newestSource,
  SetupError: SetupError,
  KERNEL_NAME: KERNEL_NAME,
  ROOT: ROOT,
  VENV: VENV,
  BIN: BIN,
};

if (require.main === module) {
  try {
    var flag = function (f) {
      return process.argv.indexOf(f) >= 0;
    };
    setup({ quiet: flag("--quiet"), force: flag("--force"), verbose: flag("--verbose") });
  } catch (e) {
    console.error(e instanceof SetupError ? "kernel-setup: " + e.message : e);
    process.exit(1);
  }
}
