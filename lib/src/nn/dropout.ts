import { Scratch, dropoutMask, mul, type Tensor } from "../tensor";
import type { Rng } from "../rng";
import { Module } from "./module";
import { checkGrad, layerRng, needForward } from "./buffers";

/**
 * Inverted dropout, same as `torch.nn.Dropout(p)`: in training each entry is kept with probability 1 − p and scaled
 * by 1/(1 − p), so E[y] = x and nothing changes at test time; in eval mode y = x (the same tensor, as torch).
 *
 * The lecture: "randomly (temporarily) remove p fraction of the units … for prediction use all units and weights".
 * The lecture's original form scales the weights by (1 − p) at prediction instead; inverted dropout scales during
 * training, which gives the same expected activations. p = 1 drops everything (zeros), p = 0 is the identity.
 * The mask comes from the layer's own seeded `rng`, so runs repeat exactly; backward reuses the forward's mask.
 *
 * @example
 *   const drop = new Dropout(0.5, { seed: 1 });
 *   drop.forward(x);          // about half the entries 0, the rest doubled
 *   drop.eval().forward(x);   // x itself
 */
export class Dropout extends Module {
  readonly p: number;
  /** The generator the masks are drawn from (gradCheckModule replays its state to get the same mask). */
  readonly rng: Rng;
  private mask?: Tensor; // the kept units' scale 1/(1 − p) (0 where dropped), for the backward pass
  private readonly scratch = new Scratch();
  private dropped = false;

  constructor(p = 0.5, opts: { rng?: Rng; seed?: number } = {}) {
    super();
    if (!(p >= 0 && p <= 1)) throw new Error(`dropout probability has to be between 0 and 1, but got ${p}`);
    this.p = p;
    this.rng = layerRng(this.describe(), opts);
  }

  /** Training: y = x ⊙ m with m = 1/(1 − p) where kept (probability 1 − p), 0 where dropped. */
  forward(x: Tensor): Tensor {
    this.dropped = this.training && this.p > 0;
    if (!this.dropped) return x;
    this.mask = dropoutMask(this.rng, 1 - this.p, this.scratch.get("mask", x.rows, x.cols, x.dtype));
    return mul(x, this.mask, this.scratch.get("y", x.rows, x.cols, x.dtype));
  }

  /** dx = dy ⊙ m, with the forward's mask. */
  backward(dy: Tensor): Tensor {
    if (!this.dropped) return dy;
    const mask = needForward(this.describe(), this.mask);
    checkGrad(this.describe(), dy, mask.rows, mask.cols);
    return mul(dy, mask, this.scratch.get("dx", dy.rows, dy.cols, dy.dtype));
  }

  override describe(): string {
    return `Dropout(p=${this.p})`;
  }
}
