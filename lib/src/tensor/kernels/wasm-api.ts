import { join } from "path";

/** The few WebAssembly JS-API pieces the wasm kernels use, and where their built modules are. */

/** lib/dist/wasm/<file> (the same relative path from lib/src/tensor/kernels and lib/dist/tensor/kernels). */
export function wasmPath(file: string): string {
  return join(__dirname, "..", "..", "..", "dist", "wasm", file);
}

// (module (func (result v128) i32.const 0 i8x16.splat i8x16.popcnt)): valid only where SIMD128 is supported.
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11,
]);

// The few WebAssembly JS-API calls used here (the project's TS lib is ES2022 without DOM, which declares them).
export interface WasmMemory {
  buffer: SharedArrayBuffer;
  grow(pages: number): number;
}
export interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
  Memory: new (desc: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
}
export const WA = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

/** True when this JavaScript engine can run WebAssembly SIMD128 (feature-detected on a tiny module). */
export function wasmSimdSupported(): boolean {
  return WA !== undefined && WA.validate(SIMD_PROBE);
}

// (module (func (result v128) f32x4.splat(0) ×3, f32x4.relaxed_madd)): valid only where relaxed SIMD is supported
// (V8 ≥ 11.4: node 22 and later, Chrome 114 and later).
const RELAXED_SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 28, 1, 26, 0, 67, 0, 0, 0, 0, 253, 19, 67, 0, 0,
  0, 0, 253, 19, 67, 0, 0, 0, 0, 253, 19, 253, 133, 2, 11,
]);

/** True when this engine runs WebAssembly relaxed SIMD (f32x4.relaxed_madd: a fused multiply-add). */
export function wasmRelaxedSimdSupported(): boolean {
  return WA !== undefined && WA.validate(RELAXED_SIMD_PROBE);
}
