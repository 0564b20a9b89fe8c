// A float32 GEMM for WebAssembly SIMD128: C[M×N] = op(A)·op(B), row-major, C overwritten.
// The classic GotoBLAS/BLIS structure: blocks of B (KC×NC) and A (MC×KC) are packed into panels that fit the
// caches, and a 4×8 register-tiled micro-kernel does all the arithmetic: per step k it loads 8 values of B
// (two f32x4), broadcasts 4 values of A, and does 8 vector multiply-adds into 8 accumulators that live in
// registers for the whole K block (SIMD128 has no FMA, so a multiply and an add each).
// Measured in node 20 (V8 TurboFan) on the 2-core Zen 4 box: ~28 GFLOP/s on one core for 512³ and the MLP's shapes.
// Tried and slower there: a 6×8 tile (12 accumulators spill) and unrolling k by 2 or 4 (~20 GFLOP/s); KC 128/384 and
// MC 64 made no difference.
import { packA, packB } from "./pack";

const MR: i32 = 4; // rows of the micro-tile
const NR: i32 = 8; // columns of the micro-tile (two f32x4)
const KC: i32 = 256; // depth of a block: a 4×KC panel of A (4 KB) and a KC×8 panel of B (8 KB) stay in L1
const MC: i32 = 128; // rows of A packed at once (128 KB, in L2)
const NC: i32 = 1024; // columns of B packed at once (1 MB at most)

const TILE_BYTES: usize = (<usize>(MR * NR)) << 2;
const AP_BYTES: usize = (<usize>(MC * KC)) << 2;

/** Bytes of scratch memory `gemm` needs at `work` (an edge tile, the packed A block, the packed B block). */
export function workBytes(): usize {
  return TILE_BYTES + AP_BYTES + ((<usize>(KC * NC)) << 2);
}

/** The first byte of linear memory free for the caller's buffers. */
export function heapBase(): usize {
  return __heap_base;
}

/**
 * C[M×N] = op(A)·op(B) with op(A) M×K (A stored K×M when transA) and op(B) K×N (B stored N×K when transB),
 * computing only rows [i0, i1) × columns [j0, j1) of C, so that two threads can share one product.
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
): void {
  if (i1 <= i0 || j1 <= j0) return;
  const ldc = (<usize>N) << 2;
  if (K <= 0) {
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
      const first = k0 == 0; // the first K block overwrites C, later ones add to it
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

/** The 4×8 micro-kernel: C[4×8] (+)= Apanel[kc×4]ᵀ·Bpanel[kc×8]; `ldc` is the byte stride between C rows. */
function microKernel(kc: i32, a: usize, b: usize, c: usize, ldc: usize, overwrite: bool): void {
  let c00 = f32x4.splat(0),
    c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0),
    c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0),
    c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0),
    c31 = f32x4.splat(0);
  for (let k = 0; k < kc; k++) {
    const b0 = v128.load(b);
    const b1 = v128.load(b, 16);
    let x = v128.load32_splat(a);
    c00 = f32x4.add(c00, f32x4.mul(x, b0));
    c01 = f32x4.add(c01, f32x4.mul(x, b1));
    x = v128.load32_splat(a, 4);
    c10 = f32x4.add(c10, f32x4.mul(x, b0));
    c11 = f32x4.add(c11, f32x4.mul(x, b1));
    x = v128.load32_splat(a, 8);
    c20 = f32x4.add(c20, f32x4.mul(x, b0));
    c21 = f32x4.add(c21, f32x4.mul(x, b1));
    x = v128.load32_splat(a, 12);
    c30 = f32x4.add(c30, f32x4.mul(x, b0));
    c31 = f32x4.add(c31, f32x4.mul(x, b1));
    a += 16;
    b += 32;
  }
  if (!overwrite) {
    c00 = f32x4.add(c00, v128.load(c));
    c01 = f32x4.add(c01, v128.load(c, 16));
    c10 = f32x4.add(c10, v128.load(c + ldc));
    c11 = f32x4.add(c11, v128.load(c + ldc, 16));
    c20 = f32x4.add(c20, v128.load(c + 2 * ldc));
    c21 = f32x4.add(c21, v128.load(c + 2 * ldc, 16));
    c30 = f32x4.add(c30, v128.load(c + 3 * ldc));
    c31 = f32x4.add(c31, v128.load(c + 3 * ldc, 16));
  }
  v128.store(c, c00);
  v128.store(c, c01, 16);
  v128.store(c + ldc, c10);
  v128.store(c + ldc, c11, 16);
  v128.store(c + 2 * ldc, c20);
  v128.store(c + 2 * ldc, c21, 16);
  v128.store(c + 3 * ldc, c30);
  v128.store(c + 3 * ldc, c31, 16);
}
