// `npm run bench -- --profile`: where one W1 training step of nn-knobs spends its time. Runs the step as `fit`
// does (zeroGrad, forward, loss, backward without the data's dx, gradient norm, Adam step) on real MNIST batches,
// timing each phase and each layer's forward/backward separately; the time spent inside the GEMM kernel is measured
// too (by wrapping the installed kernel), so a layer's time splits into GEMM and the rest. The optimizer step
// alternates between the wasm loop (the default) and the readable TypeScript loop, to compare them in the same run.
"use strict";
const os = require("os");
const { now, median, nnKnobs, gemmKernels } = require("./common");

const { WORKLOADS, makeModel, makeOptimizer } = require("./workloads");

async function profileStep({ steps = 100, warmup = 20, workload = "W1", log = () => {} } = {}) {
  const nk = nnKnobs();
  const w = WORKLOADS[workload];
  const model = makeModel(nk);
  const params = model.parameters();
  const opt = makeOptimizer(nk, w, params);
  const loss = new nk.nn.CrossEntropyLoss();
  const loader = new nk.data.DataLoader(nk.data.loadMnist({ split: "train" }), { batchSize: w.batchSize, seed: 0 });
  let gemmSeconds = 0;
  const inner = nk.tensor.setGemm(null); // the installed kernel, wrapped to time it
  nk.tensor.setGemm((...a) => {
    const t = now();
    inner.kernel(...a);
    gemmSeconds += now() - t;
  }, inner.name);
  const times = new Map();
  const timed = (phase, f) => {
    const g0 = gemmSeconds;
    const t = now();
    const out = f();
    const dt = now() - t;
    if (!times.has(phase)) times.set(phase, { total: [], gemm: [] });
    times.get(phase).total.push(dt);
    times.get(phase).gemm.push(gemmSeconds - g0);
    return out;
  };
  const layers = model.layers;
  try {
    for (let s = 0; s < warmup + steps; s++) {
      if (s === warmup) times.clear();
      const b = loader.next();
      timed("zeroGrad", () => opt.zeroGrad());
      let h = b.x;
      layers.forEach((l, i) => (h = timed(`forward ${i} ${l.describe()}`, () => l.forward(h))));
      timed("loss forward + backward", () => (loss.forward(h, b.y), loss.backward()));
      let dy = loss.backward();
      for (let i = layers.length - 1; i >= 0; i--) {
        dy = timed(`backward ${i} ${layers[i].describe()}`, () => layers[i].backward(dy, i > 0));
      }
      timed("gradient norm (fit's gradNorm)", () => nk.optim.gradNorm(params));
      // Even steps: the library's default (wasm SIMD loop where available); odd steps: the TypeScript loop, for the
      // comparison in the same run (both are the same update: the training goes on either way).
      const ts = s % 2 === 1;
      const prevUpdates = gemmKernels().setWasmUpdates(!ts);
      timed(`optimizer step (${opt.constructor.name}${ts ? ", TypeScript loop" : ""})`, () => opt.step());
      gemmKernels().setWasmUpdates(prevUpdates);
    }
  } finally {
    nk.tensor.setGemm(inner.kernel, inner.name);
  }
  const rows = [...times].map(([phase, t]) => ({ phase, ms: 1e3 * median(t.total), gemmMs: 1e3 * median(t.gemm) }));
  const total = rows.filter((r) => !r.phase.includes("TypeScript loop")).reduce((s, r) => s + r.ms, 0);
  log(`  profile: ${steps} steps of ${workload}, ${total.toFixed(2)} ms/step (sum of medians)`);
  return { workload, steps, backend: nk.tensor.gemmBackend(), rows, totalMs: total, load: os.loadavg()[0] };
}

function printProfile(p) {
  console.log(
    `\nprofile of one ${p.workload} step (median of ${p.steps} steps; gemm ${p.backend}; load ${p.load.toFixed(2)})`,
  );
  console.log("phase | ms | of which GEMM ms | share");
  for (const r of p.rows) {
    const share = r.phase.includes("TypeScript loop") ? "(not in total)" : `${((100 * r.ms) / p.totalMs).toFixed(1)}%`;
    console.log(`${r.phase} | ${r.ms.toFixed(3)} | ${r.gemmMs.toFixed(3)} | ${share}`);
  }
  console.log(`total | ${p.totalMs.toFixed(3)} | ${p.rows.reduce((s, r) => s + r.gemmMs, 0).toFixed(3)} | 100%`);
}

module.exports = { profileStep, printProfile };
