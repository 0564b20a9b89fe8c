// One system × one workload in its own process (so peak RSS is its own): a warm-up of 20 steps, then `runs`
// full epochs from the same initial weights. Prints one JSON line. Usage: node bench/train.js nn-knobs|tfjs-wasm W1|W2 [runs]
"use strict";
const os = require("os");
const { now, median, nnKnobs, loadTf, peakRssMb } = require("./common");
const { WORKLOADS, loadData, trainNnKnobs, trainTf } = require("./workloads");

async function main() {
  const [system, name, runsArg] = process.argv.slice(2);
  const w = WORKLOADS[name];
  if (!w || !["nn-knobs", "tfjs-wasm"].includes(system)) {
    throw new Error("usage: node bench/train.js nn-knobs|tfjs-wasm W1|W2 [runs]");
  }
  const runs = Number(runsArg ?? 3);
  const nk = nnKnobs();
  const t0 = now();
  const data = loadData(nk);
  const loadSeconds = now() - t0;
  let train;
  let backend;
  if (system === "nn-knobs") {
    train = (steps) => trainNnKnobs(nk, data, w, steps);
    backend = nk.tensor.gemmBackend();
  } else {
    const { tf, info } = await loadTf();
    train = (steps) => trainTf(tf, nk, data, w, steps);
    backend = `wasm simd=${info.simd} threads=${info.threads}`;
  }
  train(20); // warm-up: JIT and wasm tier-up, buffers allocated
  const results = [];
  for (let r = 0; r < runs; r++) {
    const t = now();
    const { samples, testAccuracy } = train(Infinity);
    const seconds = now() - t;
    // The 1-minute load average after the epoch: on a shared machine, numbers at different loads do not compare.
    results.push({ seconds, samplesPerSecond: samples / seconds, testAccuracy, load: os.loadavg()[0] });
  }
  const out = {
    system,
    workload: name,
    backend,
    runs: results,
    samplesPerSecond: median(results.map((r) => r.samplesPerSecond)),
    epochSeconds: median(results.map((r) => r.seconds)),
    testAccuracy: median(results.map((r) => r.testAccuracy)),
    load: median(results.map((r) => r.load)),
    mnistLoadSeconds: loadSeconds,
    peakRssMb: peakRssMb(),
  };
  process.stdout.write(JSON.stringify(out) + "\n");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
