import type { Data } from "../tensor";
import { Sigmoid } from "./activations";

/**
 * A sigmoid with the classic backprop bug, for notebook 00 and the gradient-check exercises: the forward pass is
 * the right σ(a), but the backward pass multiplies by σ(a) only and forgets the factor (1 − σ(a)) of
 * σ'(a) = σ(a)(1 − σ(a)). Compare `Sigmoid`'s line `dx[i] = dy[i] * y[i] * (1 - y[i])`.
 * A network with it still trains (the gradient points roughly the right way); a gradient check catches it.
 * @example const bad = mlp({ sizes: [784, 64, 10], activation: "sigmoid" }, 0); bad.replace(1, new BuggySigmoid());
 */
export class BuggySigmoid extends Sigmoid {
  protected override grad(_x: Data, y: Data, dy: Data, dx: Data): void {
    for (let i = 0; i < y.length; i++) dx[i] = dy[i] * y[i]; // BUG: × (1 − y[i]) is missing
  }
}
