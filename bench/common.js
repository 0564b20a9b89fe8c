// Shared helpers of the benchmark: timing, medians, the tfjs wasm backend loader, the nn-knobs library.
"use strict";
const path = require("path");
const { registerMlpGradients } = require("./tfjs-grads");

/** fp32 peak of the 2-core benchmark machine (an FMA loop, issue 7); every GFLOP/s is also shown as a fraction. */
const PEAK_GFLOPS = 230;

const now = () => performance.now() / 1000;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The library as built by `npm run build` (lib/dist), through the workspace link. */
function nnKnobs() {
  return require("nn-knobs");
}

/** The library's internal GEMM kernels (not in the public API): wasm loader, thread switch, tiled kernel. */
function gemmKernels() {
  return require("nn-knobs/dist/tensor/kernels");
}

let tfPromise = null;
/**
 * @tensorflow/tfjs-core with the wasm backend, its .wasm files loaded offline from node_modules. In node the
 * backend reports no multithread support (its threaded build needs browser workers), so it runs on 1 thread.
 */
function loadTf() {
  if (!tfPromise) {
    tfPromise = (async () => {
      const tf = require("@tensorflow/tfjs-core");
      registerMlpGradients(tf);
      const wasm = require("@tensorflow/tfjs-backend-wasm");
      wasm.setWasmPaths(
        path.join(path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm/package.json")), "dist") + "/",
      );
      wasm.setThreadsCount(2); // honoured only if the threaded build loads
      if (!(await tf.setBackend("wasm"))) throw new Error("tfjs: the wasm backend failed to initialise");
      await tf.ready();
      const info = {
        simd: tf.env().getBool("WASM_HAS_SIMD_SUPPORT"),
        multithread: tf.env().getBool("WASM_HAS_MULTITHREAD_SUPPORT"),
        threads: wasm.getThreadsCount(),
      };
      return { tf, info };
    })();
  }
  return tfPromise;
}

/** Peak resident set size of this process so far, in MB. */
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

module.exports = { PEAK_GFLOPS, now, median, nnKnobs, gemmKernels, loadTf, peakRssMb };
