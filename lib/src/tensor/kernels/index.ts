export {
  loadWasmGemm,
  wasmGemmUnavailable,
  wasmSimdSupported,
  setGemmThreads,
  gemmThreads,
  gemmHelperJobs,
  WASM_GEMM_PATH,
} from "./wasm-gemm";
export { tiledGemm } from "./tiled-gemm";
