// matmul GFLOP/s for the three forms backprop needs, nn-knobs (wasm SIMD, tiled TS, reference TS) vs tfjs-wasm.
"use strict";
const os = require("os");
const { PEAK_GFLOPS, now, median, nnKnobs, gemmKernels, loadTf } = require("./common");

const SIZES = [
  { name: "128³", M: 128, N: 128, K: 128 },
  { name: "256³", M: 256, N: 256, K: 256 },
  { name: "512³", M: 512, N: 512, K: 512 },
  { name: "128×784·784×256", M: 128, N: 256, K: 784 },
];
const FORMS = [
  { name: "A·B", transA: false, transB: false },
  { name: "Aᵀ·B", transA: true, transB: false },
  { name: "A·Bᵀ", transA: false, transB: true },
];

/** GFLOP/s of `call` (2·M·N·K flops a call): median over `samples` samples of ≥ `minSeconds` each, after a warm-up. */
function rate(call, flops, samples, minSeconds) {
  call();
  call();
  const rates = [];
  for (let s = 0; s < samples; s++) {
    let calls = 0;
    const t0 = now();
    let t = t0;
    do {
      call();
      calls++;
      t = now();
    } while (t - t0 < minSeconds);
    rates.push((flops * calls) / (t - t0) / 1e9);
  }
  return median(rates);
}

function nnKnobsCases(nk, kernels) {
  const { Tensor, Rng } = nk;
  const { matmul, matmulTransA, matmulTransB, setGemm } = nk.tensor;
  const { gemmThreads, setGemmThreads } = gemmKernels();
  const fns = { "A·B": matmul, "Aᵀ·B": matmulTransA, "A·Bᵀ": matmulTransB };
  const rng = new Rng(0);
  const rand = (r, c) =>
    Tensor.fromArray(
      Float32Array.from({ length: r * c }, () => rng.normal()),
      r,
      c,
    );
  return kernels.map(({ label, kernel, name, samples, minSeconds, threads }) => (size, form) => {
    const a = form.transA ? rand(size.K, size.M) : rand(size.M, size.K);
    const b = form.transB ? rand(size.N, size.K) : rand(size.K, size.N);
    const out = Tensor.zeros(size.M, size.N);
    const prev = setGemm(kernel, name);
    const prevThreads = gemmThreads();
    if (threads) setGemmThreads(threads);
    try {
      return {
        system: label,
        gflops: rate(() => fns[form.name](a, b, out), 2 * size.M * size.N * size.K, samples, minSeconds),
      };
    } finally {
      setGemm(prev.kernel, prev.name);
      setGemmThreads(prevThreads);
    }
  });
}

function tfCase(tf) {
  return (size, form) => {
    const a = tf.randomNormal(form.transA ? [size.K, size.M] : [size.M, size.K], 0, 1, "float32", 1);
    const b = tf.randomNormal(form.transB ? [size.N, size.K] : [size.K, size.N], 0, 1, "float32", 2);
    const call = () => {
      const c = tf.matMul(a, b, form.transA, form.transB);
      c.dataSync(); // the product copied out, as nn-knobs copies it into its Tensor
      c.dispose();
    };
    const gflops = rate(call, 2 * size.M * size.N * size.K, 5, 0.2);
    a.dispose();
    b.dispose();
    return { system: "tfjs-wasm", gflops };
  };
}

/** Runs every size × form × system; returns rows {size, form, system, gflops, peakFraction, load}. */
async function benchMatmul({ log = () => {} } = {}) {
  const nk = nnKnobs();
  const { tf } = await loadTf();
  const kernels = gemmKernels();
  const wasm = kernels.loadWasmGemm();
  if (!wasm) throw new Error(`nn-knobs wasm kernel unavailable: ${kernels.wasmGemmUnavailable()}`);
  const name = kernels.wasmGemmName();
  const simd128 = kernels.loadWasmGemm({ ...process.env, NN_KNOBS_NO_RELAXED_SIMD: "1" });
  const cases = [
    ...nnKnobsCases(nk, [
      { label: "nn-knobs wasm", kernel: wasm, name, samples: 5, minSeconds: 0.2 },
      // The same kernel on one thread: shows what the helper thread adds (little when the other core is busy).
      { label: "nn-knobs wasm 1 thread", kernel: wasm, name, samples: 5, minSeconds: 0.2, threads: 1 },
      // The SIMD128 build (no FMA), what engines without relaxed SIMD run, on 2 threads.
      ...(name === "wasm-relaxed-simd"
        ? [{ label: "nn-knobs wasm-simd128", kernel: simd128, name: "wasm-simd", samples: 5, minSeconds: 0.2 }]
        : []),
      { label: "nn-knobs ts-tiled", kernel: kernels.tiledGemm, name: "ts-tiled", samples: 3, minSeconds: 0.2 },
      { label: "nn-knobs reference", kernel: nk.tensor.referenceGemm, name: "reference", samples: 3, minSeconds: 0.2 },
    ]),
    tfCase(tf),
  ];
  const rows = [];
  for (const size of SIZES) {
    for (const form of FORMS) {
      for (const run of cases) {
        const r = run(size, form);
        const load = os.loadavg()[0]; // the 1-minute load average right after the measurement
        rows.push({ size: size.name, form: form.name, ...r, peakFraction: r.gflops / PEAK_GFLOPS, load });
        log(`  matmul ${size.name} ${form.name} ${r.system}: ${r.gflops.toFixed(1)} GFLOP/s (load ${load.toFixed(2)})`);
      }
    }
  }
  return rows;
}

module.exports = { benchMatmul, SIZES, FORMS };
