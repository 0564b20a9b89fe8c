// One system × one workload in its own process (so peak RSS is its own), driven by bench/rounds.js over stdin:
// it loads MNIST, warms up (20 steps), prints {"ready": …}, then runs one epoch from the same initial weights for
// each line "epoch" it reads and prints one JSON line per epoch; "done" prints the peak RSS and exits.
// Usage: node bench/train.js nn-knobs|tfjs-wasm W1|W2
"use strict";
const os = require("os");
const readline = require("readline");
const { now, nnKnobs, gemmKernels, loadTf, peakRssMb } = require("./common");
const { WORKLOADS, loadData, trainNnKnobs, trainTf } = require("./workloads");

async function main() {
  const [system, name] = process.argv.slice(2);
  const w = WORKLOADS[name];
  if (!w || !["nn-knobs", "tfjs-wasm"].includes(system)) {
    throw new Error("usage: node bench/train.js nn-knobs|tfjs-wasm W1|W2");
  }
  const nk = nnKnobs();
  const t0 = now();
  const data = loadData(nk);
  const mnistLoadSeconds = now() - t0;
  let train;
  let backend;
  if (system === "nn-knobs") {
    train = (steps) => trainNnKnobs(nk, data, w, steps);
    const updates = gemmKernels().wasmUpdatesUnavailable() ? "TS" : "wasm";
    backend = `${nk.tensor.gemmBackend()}, ${updates} optimizer loop`;
  } else {
    const { tf, info } = await loadTf();
    train = async (steps) => trainTf(tf, nk, data, w, steps);
    backend = `wasm simd=${info.simd} threads=${info.threads}`;
  }
  await train(20); // warm-up: JIT and wasm tier-up, buffers allocated
  const say = (o) => process.stdout.write(JSON.stringify(o) + "\n");
  say({ ready: true, system, workload: name, backend, mnistLoadSeconds });
  for await (const line of readline.createInterface({ input: process.stdin })) {
    if (line.trim() === "done") break;
    const cpu0 = process.cpuUsage();
    const t = now();
    const { samples, testAccuracy } = await train(Infinity);
    const seconds = now() - t;
    const cpu = process.cpuUsage(cpu0);
    // The 1-minute load average after the epoch: on a shared machine, numbers at different loads do not compare.
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    say({ seconds, samplesPerSecond: samples / seconds, testAccuracy, cpuSeconds, load: os.loadavg()[0] });
  }
  // Exit explicitly once the line is out: stdin and the GEMM's helper thread would keep the process alive.
  process.stdout.write(JSON.stringify({ peakRssMb: peakRssMb() }) + "\n", () => process.exit(0));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
