import { Tensor, type DType } from "./tensor";

/**
 * Buffer reuse, in one place. A layer's outputs and gradients are written into buffers it keeps while the batch
 * shape and dtype stay the same, so a training step allocates nothing; a tensor a layer returns is therefore
 * valid until that layer's next forward/backward (clone it to keep it). torch has no equivalent (its allocator
 * caches memory instead).
 */

/** Returns `buf` if it already has this shape and dtype, else a fresh zero tensor. */
export function reuse(buf: Tensor | undefined, rows: number, cols: number, dtype: DType): Tensor {
  if (buf && buf.rows === rows && buf.cols === cols && buf.dtype === dtype) return buf;
  return Tensor.zeros(rows, cols, dtype);
}

/**
 * A layer's named scratch buffers: `scratch.get("dx", N, C, dtype)` returns the same tensor call after call while
 * the shape and dtype stay, so a layer needs one field instead of one per output.
 * @example const y = matmulTransB(x, W, this.scratch.get("y", x.rows, this.outFeatures, x.dtype));
 */
export class Scratch {
  private readonly buffers = new Map<string, Tensor>();

  get(name: string, rows: number, cols: number, dtype: DType): Tensor {
    const buf = reuse(this.buffers.get(name), rows, cols, dtype);
    this.buffers.set(name, buf);
    return buf;
  }
}
