import { CrossEntropyLoss, Linear, constant_, mlp, type InitScheme, type Sequential } from "../nn";
import { SGD } from "../optim";
import { DataLoader, type Dataset } from "../data";
import { norm, sub } from "../tensor";
import { evaluate } from "./evaluate";

/** How many units of a Linear layer are still different: the lecture's "can we initialize all weights to 0?". */
export interface UnitSymmetry {
  /** Units with a distinct (weight row, bias) pair: 1 = every unit is a copy of one unit. */
  distinct: number;
  /** max over i, j of |W[i,j] − W[0,j]|: 0 when all incoming weight rows are equal. */
  rowSpread: number;
}

/** The units of one Linear layer: how many are distinct, and how far their weight rows spread. */
export function unitSymmetry(layer: Linear): UnitSymmetry {
  const w = layer.weight.value,
    b = layer.bias?.value;
  const keys = new Set<string>();
  let rowSpread = 0;
  for (let i = 0; i < w.rows; i++) {
    keys.add(`${w.row(i).join(",")}|${b ? b.data[i] : 0}`);
    for (let j = 0; j < w.cols; j++) rowSpread = Math.max(rowSpread, Math.abs(w.get(i, j) - w.get(0, j)));
  }
  return { distinct: keys.size, rowSpread };
}

/** An init for `symmetryRun`: a library scheme, or every weight equal to a constant (biases zero). */
export type SymmetryInit = InitScheme | { constant: number };

/**
 * Trains an MLP from one init with plain SGD (the lecture's loop: forward, loss, backward, W ← W − η∂ℓ/∂W) and
 * reports what happened to the first layer: its units (`unitSymmetry`), how far its weights moved ‖W₁ − W₁(0)‖,
 * and the validation accuracy. Zero or constant weights keep every unit of a layer identical forever.
 * @example symmetryRun({ sizes: [784, 32, 32, 10], activation: "relu", init: "zeros", steps: 150, lr: 0.1,
 *   batchSize: 64 }, train, val, 0)
 */
export function symmetryRun(
  o: { sizes: number[]; activation: "relu" | "tanh"; init: SymmetryInit; steps: number; lr: number; batchSize: number },
  train: Dataset,
  val: Dataset,
  seed: number,
): UnitSymmetry & { moved: number; valAccuracy: number } {
  const constant = typeof o.init === "object" && "constant" in o.init ? o.init.constant : undefined;
  const model: Sequential = mlp(
    { sizes: o.sizes, activation: o.activation, init: constant === undefined ? (o.init as InitScheme) : "zeros" },
    seed,
  );
  const linears = model.layers.filter((l): l is Linear => l instanceof Linear);
  if (constant !== undefined) linears.forEach((l) => constant_(l.weight.value, constant));
  const w0 = linears[0].weight.value.clone();
  plainSgd(model, train, o, seed);
  const moved = norm(sub(linears[0].weight.value, w0));
  return { ...unitSymmetry(linears[0]), moved, valAccuracy: evaluate(model, val, new CrossEntropyLoss()).accuracy };
}

/**
 * `steps` minibatches of plain SGD with a cross-entropy loss (no momentum), batches drawn by a DataLoader seeded
 * with `seed`: the lecture's loop in five lines, for experiments that need the model afterwards.
 */
export function plainSgd(
  model: Sequential,
  train: Dataset,
  o: { steps: number; lr: number; batchSize: number },
  seed: number,
): void {
  const ce = new CrossEntropyLoss(),
    opt = new SGD(model.parameters(), { lr: o.lr });
  const loader = new DataLoader(train, { batchSize: o.batchSize, seed });
  for (let t = 0; t < o.steps; t++) {
    const { x, y } = loader.next();
    opt.zeroGrad();
    ce.forward(model.forward(x), y); // forward: a[v], o[v] and the loss
    model.backward(ce.backward()); // backward: z[v], and z[v]·o[u] into every weight's grad
    opt.step(); // W ← W − η ∂ℓ/∂W
  }
}
