/**
 * Checks for notebook 09 (warm start): saving a run's whole state to text and resuming it in fresh parts, bit for
 * bit. The small run (a 2-16-2 tanh MLP on two moons, Adam, batches of 16: 13 per epoch) is built here so that the
 * student writes only the save and the load.
 */
import { checkTrue } from "../exercise";
import { moons } from "../data/synthetic";
import { DataLoader } from "../data/loader";
import { mlp, CrossEntropyLoss, type Sequential } from "../nn";
import { Adam } from "../optim/adam";

/** The parts of the exercise's run. */
export interface ResumeParts {
  model: Sequential;
  optimizer: Adam;
  loader: DataLoader;
  loss: CrossEntropyLoss;
}

/** Fresh parts of the exercise's run for a seed: the same seed gives the same weights and batch order. */
export function resumeParts(seed: number): ResumeParts {
  const model = mlp({ sizes: [2, 16, 2], activation: "tanh" }, seed);
  const optimizer = new Adam(model.parameters(), { lr: 0.01 });
  const loader = new DataLoader(moons({ n: 200, noise: 0.2, seed }), { batchSize: 16, seed });
  return { model, optimizer, loader, loss: new CrossEntropyLoss() };
}

/** Trains the parts for `n` steps (the loader's next batches) and returns the n training losses. */
export function trainSteps(p: ResumeParts, n: number): number[] {
  const losses: number[] = [];
  for (let i = 0; i < n; i++) {
    const { x, y } = p.loader.next();
    p.optimizer.zeroGrad();
    losses.push(p.loss.forward(p.model.forward(x), y));
    p.model.backward(p.loss.backward(), false);
    p.optimizer.step();
  }
  return losses;
}

/** Writes everything needed to continue the run as text (as a checkpoint file would hold it). */
export type SaveState = (p: ResumeParts) => string;
/** Builds fresh parts for the seed and loads the saved text into them. */
export type LoadState = (text: string, seed: number) => ResumeParts;

/**
 * Trains seed 7 for 37 steps (mid-epoch 3), saves with `save`, loads into fresh parts with `load`, trains 23 more
 * steps, and requires the 60 losses to equal an uninterrupted run's bit for bit.
 */
export function checkSaveAndLoad(save: SaveState, load: LoadState): void {
  const whole = trainSteps(resumeParts(7), 60);
  const first = resumeParts(7);
  const before = trainSteps(first, 37);
  const text = save(first);
  checkTrue("save returns text", typeof text === "string", typeof text === "string" ? "" : `got ${typeof text}`);
  const resumed = load(text, 7);
  const after = trainSteps(resumed, 23);
  const mine = [...before, ...after];
  const step = mine.findIndex((l, i) => l !== whole[i]);
  checkTrue(
    "the resumed run's 23 losses equal the uninterrupted run's, bit for bit",
    step < 0,
    step < 0 ? "" : `the first difference is at step ${step + 1} of 60`,
  );
}
