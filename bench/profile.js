// `npm run bench -- --profile`: where one W1 training step of nn-knobs spends its time. Runs the step as `fit`
// does (zeroGrad, forward, loss, backward without the data's dx, gradient norm, Adam step) on real MNIST batches,
// timing each phase and each layer's forward/backward separately; the time spent inside the GEMM kernel is measured
// too (by wrapping the installed kernel), so a layer's time splits into GEMM and the rest.
// Steps alternate between two configurations, so both see the same load: "now" (the library's defaults: the FMA
// GEMM where the engine has relaxed SIMD, the optimizer's and ReLU's wasm loops) and "SIMD128 + TS" (the SIMD128
// GEMM and the TypeScript loops: the kernels of the library before issue 18; the parameters stay where the first
// "now" step moved them, in the optimizer's wasm memory). Both make the same updates, so the training goes on
// either way. The GEMM runs on one thread here (two kernels' helper threads would compete for the second core):
// the profile is the work of a step; what the second thread gains shows in the training rates.
"use strict";
const os = require("os");
const { now, median, nnKnobs, gemmKernels } = require("./common");
const { WORKLOADS, makeModel, makeOptimizer } = require("./workloads");

const CONFIGS = ["now", "SIMD128 + TS"];

async function profileStep({ steps = 100, warmup = 20, workload = "W1", log = () => {} } = {}) {
  const nk = nnKnobs();
  const kernels = gemmKernels();
  const w = WORKLOADS[workload];
  const model = makeModel(nk);
  const params = model.parameters();
  const opt = makeOptimizer(nk, w, params);
  const loss = new nk.nn.CrossEntropyLoss();
  const loader = new nk.data.DataLoader(nk.data.loadMnist({ split: "train" }), { batchSize: w.batchSize, seed: 0 });
  const installed = nk.tensor.setGemm(null);
  const gemms = [installed.kernel, kernels.loadWasmGemm({ ...process.env, NN_KNOBS_NO_RELAXED_SIMD: "1" })];
  let gemmSeconds = 0;
  let config = 0;
  nk.tensor.setGemm((...a) => {
    const t = now();
    gemms[config](...a);
    gemmSeconds += now() - t;
  }, installed.name);
  const times = new Map(); // phase → per config {wall, gemm, cpu} samples
  const timed = (phase, f) => {
    const [g0, c0, t] = [gemmSeconds, process.cpuUsage(), now()];
    const out = f();
    const dt = now() - t;
    const c = process.cpuUsage(c0);
    if (!times.has(phase))
      times.set(
        phase,
        CONFIGS.map(() => ({ wall: [], gemm: [], cpu: [] })),
      );
    const m = times.get(phase)[config];
    m.wall.push(dt);
    m.gemm.push(gemmSeconds - g0);
    m.cpu.push((c.user + c.system) / 1e6);
    return out;
  };
  const layers = model.layers;
  const prevUpdates = kernels.setWasmUpdates(true);
  const prevThreads = kernels.gemmThreads();
  kernels.setGemmThreads(1);
  try {
    for (let s = 0; s < warmup + 2 * steps; s++) {
      if (s === warmup) times.clear();
      config = s % 2;
      kernels.setWasmUpdates(config === 0);
      kernels.setWasmElementwise(config === 0);
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
      timed(`optimizer step (${opt.constructor.name})`, () => opt.step());
    }
  } finally {
    nk.tensor.setGemm(installed.kernel, installed.name);
    kernels.setWasmUpdates(prevUpdates);
    kernels.setWasmElementwise(true);
    kernels.setGemmThreads(prevThreads);
  }
  const ms = (xs) => 1e3 * median(xs);
  const rows = [...times].map(([phase, byConfig]) => ({
    phase,
    configs: byConfig.map((m) => ({ ms: ms(m.wall), gemmMs: ms(m.gemm), cpuMs: ms(m.cpu) })),
  }));
  const totals = CONFIGS.map((_, k) => {
    const sum = (f) => rows.reduce((s, r) => s + f(r.configs[k]), 0);
    return { ms: sum((c) => c.ms), gemmMs: sum((c) => c.gemmMs), cpuMs: sum((c) => c.cpuMs) };
  });
  log(`  profile: ${steps} steps each of ${workload}, ${totals.map((t) => t.ms.toFixed(2)).join(" vs ")} ms/step`);
  return { workload, steps, backend: nk.tensor.gemmBackend(), configs: CONFIGS, rows, totals, load: os.loadavg()[0] };
}

function printProfile(p) {
  console.log(
    `\nprofile of one ${p.workload} step (medians of ${p.steps} steps per configuration, alternating; ` +
      `"now" = gemm ${p.backend} + wasm optimizer loop; load ${p.load.toFixed(2)})`,
  );
  // CPU ms: this process's CPU time in the phase, all threads (the GEMM's helper thread included); on a loaded
  // machine it stays closer to the quiet-machine time than the wall clock does.
  const head = p.configs.flatMap((c) => [`${c} ms`, `${c} GEMM ms`, `${c} CPU ms`]);
  console.log(["phase", ...head, "ratio"].join(" | "));
  const cells = (cs) => cs.flatMap((c) => [c.ms.toFixed(3), c.gemmMs.toFixed(3), c.cpuMs.toFixed(3)]);
  const ratio = (cs) => `${(cs[1].ms / cs[0].ms).toFixed(2)}×`;
  for (const r of p.rows) console.log([r.phase, ...cells(r.configs), ratio(r.configs)].join(" | "));
  console.log(["total", ...cells(p.totals), ratio(p.totals)].join(" | "));
}

module.exports = { profileStep, printProfile };
