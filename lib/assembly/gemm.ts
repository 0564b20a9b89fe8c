// A float32 GEMM for WebAssembly SIMD: C[M×N] (+)= op(A)·op(B), row-major.
// The classic GotoBLAS/BLIS structure: blocks of B (KC×NC) and A (MC×KC) are packed into panels that fit the
// caches, and a register-tiled micro-kernel does all the arithmetic: per step k it loads 8 values of B (two f32x4),
// broadcasts MR values of A, and does 2·MR vector multiply-adds into 2·MR accumulators that live in registers for
// the whole K block.
// Built twice from this one source (lib/package.json):
// - gemm.wasm, SIMD128: no fused multiply-add, so a multiply and an add each, in a 4×8 tile. Measured in node 20 on
//   the 2-core Zen 4 box: ~28 GFLOP/s on one core; a 6×8 tile (12 accumulators spill) and unrolling k were slower.
// - gemm-relaxed.wasm, `--enable relaxed-simd`: f32x4.relaxed_madd, which V8 compiles to one FMA instruction on x86
//   (FMA3) and arm64, in a 6×8 tile (12 accumulators + 2 B vectors + 1 broadcast = 15 of the 16 vector registers).
//   An FMA rounds once instead of twice, so its products differ from the SIMD128 build's in the last bits; each
//   entry is still summed in one fixed order, so results are deterministic run to run and across thread splits.
import { packA, packB } from "./pack";

const FMA: bool = ASC_FEATURE_RELAXED_SIMD;
const MR: i32 = FMA ? 6 : 4; // rows of the micro-tile
const NR: i32 = 8; // columns of the micro-tile (two f32x4)
const KC: i32 = 256; // depth of a block: a 4×KC panel of A (4 KB) and a KC×8 panel of B (8 KB) stay in L1
const MC: i32 = FMA ? 132 : 128; // rows of A packed at once (~130 KB, in L2; a multiple of MR)
const NC: i32 = 1024; // columns of B packed at once (1 MB at most)

const TILE_BYTES: usize = (<usize>(MR * NR)) << 2;
const AP_BYTES: usize = (<usize>(MC * KC)) << 2;

/** Bytes of scratch memory `gemm` needs at `work` (an edge tile, the packed A block, the packed B block). */
export function workBytes(): usize {
  return TILE_BYTES + AP_BYTES + ((<usize>(KC * NC)) << 2);
}

/** Rows of the micro-tile: a two-thread split of C's rows should fall on a multiple of it. */
export function tileRows(): i32 {
  return MR;
}

/** The first byte of linear memory free for the caller's buffers. */
export function heapBase(): usize {
  return __heap_base;
}

/**
 * C[M×N] = op(A)·op(B) with op(A) M×K (A stored K×M when transA) and op(B) K×N (B stored N×K when transB),
 * computing only rows [i0, i1) × columns [j0, j1) of C, so that two threads can share one product. C is overwritten,
 * or added to when `accumulate` (the weight gradient dW += dYᵀ·X without a separate pass).
 * a, b, c, work are byte addresses of 16-byte-aligned buffers in linear memory; each thread has its own `work`.
 */
export function gemm(
  transA: bool,
  transB: bool,
  M: i32,
  N: i32,
  K: i32,
  a: usize,
  b: usize,
  c: usize,
  work: usize,
  i0: i32,
  i1: i32,
  j0: i32,
  j1: i32,
  accumulate: bool,
): void {
  if (i1 <= i0 || j1 <= j0) return;
  const ldc = (<usize>N) << 2;
  if (K <= 0) {
    if (accumulate) return;
    for (let i = i0; i < i1; i++) memory.fill(c + <usize>i * ldc + ((<usize>j0) << 2), 0, (<usize>(j1 - j0)) << 2);
    return;
  }
  const tile = work;
  const ap = work + TILE_BYTES;
  const bp = ap + AP_BYTES;
  for (let jb = j0; jb < j1; jb += NC) {
    const nc = min(NC, j1 - jb);
    for (let k0 = 0; k0 < K; k0 += KC) {
      const kc = min(KC, K - k0);
      const first = k0 == 0 && !accumulate; // the first K block overwrites C, later ones add to it
      packB(transB, N, K, b, k0, kc, jb, nc, bp);
      for (let ib = i0; ib < i1; ib += MC) {
        const mc = min(MC, i1 - ib);
        packA(transA, M, K, a, ib, mc, k0, kc, MR, ap);
        for (let jr = 0; jr < nc; jr += NR) {
          const bPanel = bp + ((<usize>(jr * kc)) << 2);
          const cols = min(NR, nc - jr);
          for (let ir = 0; ir < mc; ir += MR) {
            const aPanel = ap + ((<usize>(ir * kc)) << 2);
            const rows = min(MR, mc - ir);
            const cTile = c + (<usize>(ib + ir) * N + jb + jr) * 4;
            if (rows == MR && cols == NR) {
              microKernel(kc, aPanel, bPanel, cTile, ldc, first);
            } else {
              // Ragged edge: compute the full tile into scratch, then copy the valid part.
              microKernel(kc, aPanel, bPanel, tile, (<usize>NR) << 2, true);
              for (let r = 0; r < rows; r++) {
                for (let j = 0; j < cols; j++) {
                  const dst = cTile + <usize>r * ldc + ((<usize>j) << 2);
                  const v = load<f32>(tile + ((<usize>(r * NR + j)) << 2));
                  store<f32>(dst, first ? v : load<f32>(dst) + v);
                }
              }
            }
          }
        }
      }
    }
  }
}

/**
 * The MR×8 micro-kernel: C[MR×8] (+)= Apanel[kc×MR]ᵀ·Bpanel[kc×8]; `ldc` is the byte stride between C rows.
 * Rows 4 and 5 exist only in the FMA build (MR = 6): the SIMD128 build compiles them away.
 */
function microKernel(kc: i32, a: usize, b: usize, c: usize, ldc: usize, overwrite: bool): void {
  let c00 = f32x4.splat(0),
    c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0),
    c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0),
    c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0),
    c31 = f32x4.splat(0);
  let c40 = f32x4.splat(0),
    c41 = f32x4.splat(0);
  let c50 = f32x4.splat(0),
    c51 = f32x4.splat(0);
  for (let k = 0; k < kc; k++) {
    const b0 = v128.load(b);
    const b1 = v128.load(b, 16);
    let x = v128.load32_splat(a);
    c00 = madd(x, b0, c00);
    c01 = madd(x, b1, c01);
    x = v128.load32_splat(a, 4);
    c10 = madd(x, b0, c10);
    c11 = madd(x, b1, c11);
    x = v128.load32_splat(a, 8);
    c20 = madd(x, b0, c20);
    c21 = madd(x, b1, c21);
    x = v128.load32_splat(a, 12);
    c30 = madd(x, b0, c30);
    c31 = madd(x, b1, c31);
    if (MR == 6) {
      x = v128.load32_splat(a, 16);
      c40 = madd(x, b0, c40);
      c41 = madd(x, b1, c41);
      x = v128.load32_splat(a, 20);
      c50 = madd(x, b0, c50);
      c51 = madd(x, b1, c51);
    }
    a += MR * 4;
    b += 32;
  }
  storeRow(c, c00, c01, overwrite);
  storeRow(c + ldc, c10, c11, overwrite);
  storeRow(c + 2 * ldc, c20, c21, overwrite);
  storeRow(c + 3 * ldc, c30, c31, overwrite);
  if (MR == 6) {
    storeRow(c + 4 * ldc, c40, c41, overwrite);
    storeRow(c + 5 * ldc, c50, c51, overwrite);
  }
}

/** acc + x·b: one fused multiply-add (rounded once) in the FMA build, a multiply and an add in the SIMD128 build. */
function madd(x: v128, b: v128, acc: v128): v128 {
  return FMA ? f32x4.relaxed_madd(x, b, acc) : f32x4.add(acc, f32x4.mul(x, b));
}

/** Stores one 8-wide row of a tile at c, adding the values already there unless `overwrite`. */
function storeRow(c: usize, lo: v128, hi: v128, overwrite: bool): void {
  v128.store(c, overwrite ? lo : f32x4.add(lo, v128.load(c)));
  v128.store(c, overwrite ? hi : f32x4.add(hi, v128.load(c, 16)), 16);
}
