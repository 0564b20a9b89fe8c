// `npm run bench`: nn-knobs beside TensorFlow.js (wasm backend) on this machine. Prints a table and writes
// bench/results/bench-<time>.json (and latest.json). Options: --runs N (epochs per workload, default 3),
// --skip-matmul, --skip-train.
"use strict";
const fs = require("fs");
const path = require("path");
const os = require("os");
const { execFileSync } = require("child_process");
const { PEAK_GFLOPS, nnKnobs, loadTf } = require("./common");
const { benchMatmul } = require("./matmul");
const { FLOPS_PER_SAMPLE, FLOPS_DONE_PER_SAMPLE } = require("./workloads");

const args = process.argv.slice(2);
const runs = args.includes("--runs") ? Number(args[args.indexOf("--runs") + 1]) : 3;
const log = (s) => process.stderr.write(s + "\n");

function trainInChild(system, workload) {
  log(`  training ${workload} with ${system} (warm-up + ${runs} epochs)…`);
  try {
    return JSON.parse(runChild(system, workload).trim().split("\n").pop());
  } catch (e) {
    log(`  ${workload} with ${system} failed: ${e.message}`);
    return { system, workload, error: e.message };
  }
}

function runChild(system, workload) {
  return execFileSync(process.execPath, [path.join(__dirname, "train.js"), system, workload, String(runs)], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 1 << 20,
  });
}

const fmt = (x, d = 1) => x.toFixed(d);
const pct = (x) => `${(100 * x).toFixed(1)}%`;

function printMatmul(rows) {
  const systems = [...new Set(rows.map((r) => r.system))];
  console.log(`\nmatmul GFLOP/s (median; % of the ${PEAK_GFLOPS} GFLOP/s fp32 peak)`);
  console.log(["size", "form", ...systems, "wasm / tfjs", "load"].join(" | "));
  for (const key of [...new Set(rows.map((r) => `${r.size}|${r.form}`))]) {
    const [size, form] = key.split("|");
    const get = (s) => rows.find((r) => r.size === size && r.form === form && r.system === s);
    const cells = systems.map((s) => `${fmt(get(s).gflops)} (${pct(get(s).peakFraction)})`);
    const ratio = `${fmt(get("nn-knobs wasm").gflops / get("tfjs-wasm").gflops)}×`;
    console.log([size, form, ...cells, ratio, fmt(get("nn-knobs wasm").load, 2)].join(" | "));
  }
}

function printTrain(rows) {
  console.log(
    `\ntraining, one MNIST epoch (median of ${runs} after a warm-up; GFLOP/s counts issue 7's ` +
      `${(FLOPS_PER_SAMPLE / 1e6).toFixed(2)} MFLOP/sample; both systems skip the first layer's dX, so the work done ` +
      `is ${(FLOPS_DONE_PER_SAMPLE / 1e6).toFixed(2)})`,
  );
  console.log(
    "workload | system | samples/s | epoch s | effective GFLOP/s | test acc | peak RSS MB | MNIST load s | load avg",
  );
  for (const r of rows) {
    if (r.error) {
      console.log(`${r.workload} | ${r.system} | failed: ${r.error.split("\n")[0]}`);
      continue;
    }
    const gf = (r.samplesPerSecond * FLOPS_PER_SAMPLE) / 1e9;
    console.log(
      [
        r.workload,
        r.system,
        fmt(r.samplesPerSecond, 0),
        fmt(r.epochSeconds, 2),
        fmt(gf),
        pct(r.testAccuracy),
        fmt(r.peakRssMb, 0),
        fmt(r.mnistLoadSeconds, 2),
        fmt(r.load, 2),
      ].join(" | "),
    );
  }
  for (const w of [...new Set(rows.map((r) => r.workload))]) {
    const nk = rows.find((r) => r.workload === w && r.system === "nn-knobs");
    const tf = rows.find((r) => r.workload === w && r.system === "tfjs-wasm");
    if (nk?.samplesPerSecond && tf?.samplesPerSecond)
      console.log(
        `${w}: nn-knobs / tfjs-wasm = ${fmt(nk.samplesPerSecond / tf.samplesPerSecond)}× ` +
          `(load ${fmt(nk.load, 2)} and ${fmt(tf.load, 2)})`,
      );
  }
}

async function main() {
  const nk = nnKnobs();
  const { info } = await loadTf();
  const result = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, loadavg: os.loadavg() },
    peakGflops: PEAK_GFLOPS,
    nnKnobsBackend: nk.tensor.gemmBackend(),
    tfjs: info,
    runs,
  };
  log(`nn-knobs gemm: ${result.nnKnobsBackend}; tfjs-wasm: simd=${info.simd} threads=${info.threads}`);
  if (!args.includes("--skip-matmul")) result.matmul = await benchMatmul({ log });
  if (!args.includes("--skip-train")) {
    result.training = [];
    for (const w of ["W1", "W2"]) for (const s of ["nn-knobs", "tfjs-wasm"]) result.training.push(trainInChild(s, w));
  }
  const dir = path.join(__dirname, "results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-${result.date.replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify(result, null, 2));
  fs.writeFileSync(path.join(dir, "latest.json"), JSON.stringify(result, null, 2));
  if (result.matmul) printMatmul(result.matmul);
  if (result.training) printTrain(result.training);
  console.log(
    `\nload average during the run: ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(", ")}; results: ${path.relative(process.cwd(), file)}`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
