/**
 * @internal The fast float32 GEMM kernels (WebAssembly SIMD with an optional helper thread; tiled TypeScript). Not part
 * of the public API: `tensor.setGemm`/`tensor.gemmBackend` are the documented switch. Benchmarks and tests import
 * this folder directly.
 */
export {
  loadWasmGemm,
  wasmGemmName,
  wasmRelaxedSimdSupported,
  wasmGemmUnavailable,
  wasmSimdSupported,
  setGemmThreads,
  gemmThreads,
  gemmHelperJobs,
  WASM_GEMM_PATH,
} from "./wasm-gemm";
export { tiledGemm } from "./tiled-gemm";
export { setWasmUpdates, wasmUpdatesUnavailable } from "./wasm-updates";
export { setWasmElementwise } from "./wasm-elementwise";
