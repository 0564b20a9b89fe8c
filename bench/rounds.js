// Training in interleaved rounds: for each workload, one long-lived process per system (nn-knobs, tfjs-wasm and,
// when python3 has torch, PyTorch CPU), each warmed up once; then every round runs one epoch of each system in turn
// (the order rotating from round to round), so that the systems share the machine's load and ratios taken within a
// round compare like with like.
"use strict";
const fs = require("fs");
const path = require("path");
const readline = require("readline");
const { spawn } = require("child_process");
const { median } = require("./common");
const { findTorchPython, writeTorchData } = require("./torch-data");

/** A child speaking the line protocol of bench/train.js: `ask("epoch")` resolves with its next JSON line. */
class Child {
  constructor(command, args, env = process.env) {
    this.proc = spawn(command, args, { stdio: ["pipe", "pipe", "inherit"], env });
    this.waiting = [];
    this.lines = []; // lines that came before anyone asked (a child may be ready before its turn to be asked)
    this.exited = new Promise((resolve) => this.proc.on("exit", (code) => resolve(code)));
    readline.createInterface({ input: this.proc.stdout }).on("line", (line) => {
      const next = this.waiting.shift();
      if (next) next.resolve(JSON.parse(line));
      else this.lines.push(JSON.parse(line));
    });
    this.exited.then((code) => {
      this.gone = new Error(`${command} exited with code ${code}`);
      for (const w of this.waiting.splice(0)) w.reject(this.gone);
    });
  }

  /** Sends `command` (or nothing, for the first "ready" line) and waits for one JSON line. */
  ask(command) {
    if (command) this.proc.stdin.write(command + "\n");
    if (this.lines.length > 0) return Promise.resolve(this.lines.shift());
    if (this.gone) return Promise.reject(this.gone);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }
}

function startChildren(nk, data, workload, w, opts) {
  const train = path.join(__dirname, "train.js");
  // "nn-knobs SIMD128+TS": the same library with the kernels it had before issue 18 (the SIMD128 GEMM, the
  // optimizers' TypeScript loops), for a before/after comparison under the same load.
  const before = {
    ...process.env,
    NN_KNOBS_NO_RELAXED_SIMD: "1",
    NN_KNOBS_NO_WASM_UPDATES: "1",
    NN_KNOBS_NO_WASM_ELEMENTWISE: "1",
  };
  const children = {
    "nn-knobs": new Child(process.execPath, [train, "nn-knobs", workload]),
    "nn-knobs SIMD128+TS": new Child(process.execPath, [train, "nn-knobs", workload], before),
    "tfjs-wasm": new Child(process.execPath, [train, "tfjs-wasm", workload]),
  };
  let torchDir = null;
  if (opts.python) {
    torchDir = writeTorchData(nk, data, w.batchSize);
    const script = path.join(__dirname, "torch_train.py");
    children.pytorch = new Child(opts.python, [script, torchDir, workload, String(opts.torchThreads)]);
  }
  return { children, torchDir };
}

/**
 * Runs `runs` interleaved rounds of one epoch per system for `workload`; returns one row per system with the
 * medians over rounds and the per-round results, and the per-round ratios nn-knobs / other.
 */
async function trainRounds(nk, data, workload, w, { runs, python, torchThreads, log }) {
  const { children, torchDir } = startChildren(nk, data, workload, w, { python, torchThreads });
  const systems = Object.keys(children);
  const ready = {};
  for (const s of systems) ready[s] = await children[s].ask(); // sequential: each warms up on its own
  const epochs = Object.fromEntries(systems.map((s) => [s, []]));
  for (let r = 0; r < runs; r++) {
    const order = systems.map((_, i) => systems[(i + r) % systems.length]);
    for (const s of order) {
      const e = await children[s].ask("epoch");
      epochs[s].push(e);
      log(
        `  ${workload} round ${r + 1}/${runs} ${s}: ${e.samplesPerSecond.toFixed(0)} samples/s (load ${e.load.toFixed(2)})`,
      );
    }
  }
  const rows = [];
  for (const s of systems) {
    const { peakRssMb } = await children[s].ask("done");
    await children[s].exited;
    const es = epochs[s];
    rows.push({
      system: s,
      workload,
      backend: ready[s].backend,
      runs: es,
      samplesPerSecond: median(es.map((e) => e.samplesPerSecond)),
      epochSeconds: median(es.map((e) => e.seconds)),
      cpuSeconds: median(es.map((e) => e.cpuSeconds)),
      testAccuracy: median(es.map((e) => e.testAccuracy)),
      load: median(es.map((e) => e.load)),
      mnistLoadSeconds: ready[s].mnistLoadSeconds,
      peakRssMb,
    });
  }
  if (torchDir) fs.rmSync(torchDir, { recursive: true, force: true });
  const ratios = {};
  for (const other of systems.filter((s) => s !== "nn-knobs")) {
    const perRound = epochs["nn-knobs"].map((e, i) => e.samplesPerSecond / epochs[other][i].samplesPerSecond);
    ratios[other] = { median: median(perRound), perRound };
  }
  return { rows, ratios };
}

module.exports = { trainRounds, findTorchPython, Child };
