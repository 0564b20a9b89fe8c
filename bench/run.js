// `npm run bench`: nn-knobs beside TensorFlow.js (wasm backend) and PyTorch CPU (when python3 has torch) on this
// machine. Prints tables and writes bench/results/bench-<time>.json (and latest.json). Options: --runs N (rounds of
// one epoch per system, default 3), --torch-threads N (default 1), --skip-matmul, --skip-train, --profile (adds a
// per-phase profile of one W1 step), --only-profile, --workload W1|W2 (train only that one).
"use strict";
const fs = require("fs");
const path = require("path");
const os = require("os");
const { PEAK_GFLOPS, nnKnobs, loadTf } = require("./common");
const { benchMatmul } = require("./matmul");
const { WORKLOADS, FLOPS_PER_SAMPLE, FLOPS_DONE_PER_SAMPLE, loadData } = require("./workloads");
const { trainRounds, findTorchPython } = require("./rounds");
const { profileStep, printProfile } = require("./profile");

const args = process.argv.slice(2);
const option = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const runs = option("--runs", 3);
const torchThreads = option("--torch-threads", 1);
const log = (s) => process.stderr.write(s + "\n");

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

function printTrain(result) {
  console.log(
    `\ntraining, one MNIST epoch per system per round, ${runs} interleaved rounds (medians; GFLOP/s counts issue 7's ` +
      `${(FLOPS_PER_SAMPLE / 1e6).toFixed(2)} MFLOP/sample; no system computes the first layer's dX, so the work done ` +
      `is ${(FLOPS_DONE_PER_SAMPLE / 1e6).toFixed(2)})`,
  );
  console.log(
    "workload | system | samples/s | epoch s | CPU s/epoch | effective GFLOP/s | test acc | peak RSS MB | load avg",
  );
  for (const { rows } of result) {
    for (const r of rows) {
      const gf = (r.samplesPerSecond * FLOPS_PER_SAMPLE) / 1e9;
      console.log(
        [
          r.workload,
          `${r.system} (${r.backend})`,
          fmt(r.samplesPerSecond, 0),
          fmt(r.epochSeconds, 2),
          fmt(r.cpuSeconds, 2),
          fmt(gf),
          pct(r.testAccuracy),
          fmt(r.peakRssMb, 0),
          fmt(r.load, 2),
        ].join(" | "),
      );
    }
  }
  for (const { rows, ratios } of result) {
    for (const [other, q] of Object.entries(ratios)) {
      const loads = rows.map((r) => fmt(r.load, 2)).join("/");
      console.log(
        `${rows[0].workload}: nn-knobs / ${other} = ${fmt(q.median, 2)}× (median of the rounds' ratios: ` +
          `${q.perRound.map((x) => fmt(x, 2)).join(", ")}; load ${loads})`,
      );
    }
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
  const only = args.includes("--only-profile");
  if (args.includes("--profile") || only) result.profile = await profileStep({ log });
  if (!args.includes("--skip-matmul") && !only) result.matmul = await benchMatmul({ log });
  if (!args.includes("--skip-train") && !only) {
    const python = findTorchPython();
    if (!python) log("  no python3 with torch: the PyTorch row is skipped (apt-get install python3-torch)");
    const data = loadData(nk);
    result.training = [];
    const picked = args.includes("--workload") ? [args[args.indexOf("--workload") + 1]] : null;
    for (const w of picked ?? ["W1", "W2"]) {
      result.training.push(await trainRounds(nk, data, w, WORKLOADS[w], { runs, python, torchThreads, log }));
    }
  }
  const dir = path.join(__dirname, "results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-${result.date.replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify(result, null, 2));
  fs.writeFileSync(path.join(dir, "latest.json"), JSON.stringify(result, null, 2));
  if (result.matmul) printMatmul(result.matmul);
  if (result.training) printTrain(result.training);
  if (result.profile) printProfile(result.profile);
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
