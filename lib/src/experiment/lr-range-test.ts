import { buildRun } from "./build";
import type { RunConfig } from "./config";
import { loopEnvironment } from "./environment";

/** Options of `lrRangeTest` (fastai's `lr_find` defaults). */
export interface LrRangeTestOptions {
  /** The first learning rate (default 1e-7, as fastai's `start_lr`). */
  minLr?: number;
  /** The last learning rate, if the test does not stop before (default 10). */
  maxLr?: number;
  /** Number of optimizer steps, one minibatch each (default 100). */
  steps?: number;
  /** Seed for the data order and initial weights, as in `run` (default 0). */
  seed?: number;
  /** Smoothing of the loss: an exponential moving average with this β, bias-corrected (default 0.98). */
  beta?: number;
  /** Stop when the smoothed loss exceeds this multiple of the best one (default 4). */
  stopFactor?: number;
}

/** One step of the range test: the learning rate used, the minibatch loss and its smoothed value. */
export interface LrRangeRow {
  step: number;
  lr: number;
  loss: number;
  smoothed: number;
}

export interface LrRangeTestResult {
  rows: LrRangeRow[];
  /** The suggested learning rate: the lr of the lowest smoothed loss divided by 10 (fastai's `lr_min`). */
  suggestion: number;
  /** The lr at the lowest smoothed loss (too large to train with: the loss is about to blow up). */
  minimumLr: number;
  /** The lr where the smoothed loss falls fastest against log lr, before its minimum (fastai's `lr_steep`). */
  steepestLr: number;
  /** Why the test ended: the loss exceeded stopFactor × best, became NaN/Inf, or all steps ran. */
  stopped: "exceeded" | "diverged" | "completed";
}

/**
 * The LR range test (Smith 2017, fastai's `lr_find`): train from the config's initial weights for `steps`
 * minibatches while the learning rate grows exponentially, η_i = minLr · (maxLr/minLr)^(i/(steps−1)), recording the
 * smoothed loss, and stop once it exceeds 4× the best (or becomes NaN). The loss first stays flat (η too small),
 * then falls fast (good η), then blows up (too large): a good η lies on the falling part, about 10× below the minimum.
 * The suggestions skip the first tenth of the planned steps and the last 5, as fastai does. The config's schedule,
 * clipping and epochs are not used. No torch equivalent (fastai: `learn.lr_find()`).
 *
 * @example
 *   const rt = await lrRangeTest(config, { minLr: 1e-5, maxLr: 10, steps: 150, seed: 0 });
 *   rt.suggestion;   // e.g. 0.1
 */
export async function lrRangeTest(config: RunConfig, options: LrRangeTestOptions = {}): Promise<LrRangeTestResult> {
  const { minLr = 1e-7, maxLr = 10, steps = 100, seed = 0, beta = 0.98, stopFactor = 4 } = options;
  if (!(minLr > 0) || !(maxLr > minLr)) throw new Error(`lrRangeTest: need 0 < minLr < maxLr, got ${minLr}, ${maxLr}`);
  if (!Number.isInteger(steps) || steps < 2) throw new Error(`lrRangeTest: steps must be an integer ≥ 2, got ${steps}`);
  const { model, loss, optimizer, train } = buildRun(config, seed);
  model.train();
  const rows: LrRangeRow[] = [];
  let avg = 0;
  let best = Infinity;
  let stopped: LrRangeTestResult["stopped"] = "completed";
  while (rows.length < steps && stopped === "completed") {
    for (const batch of train.epochBatches()) {
      const i = rows.length;
      const lr = minLr * (maxLr / minLr) ** (i / (steps - 1));
      for (const g of optimizer.paramGroups) g.lr = lr;
      optimizer.zeroGrad();
      const value = loss.forward(model.forward(batch.x), batch.y);
      if (!Number.isFinite(value)) {
        stopped = "diverged";
        break;
      }
      model.backward(loss.backward(), false); // the input is data: the first layer may skip its dx (as in fit)
      optimizer.step();
      avg = beta * avg + (1 - beta) * value;
      const smoothed = avg / (1 - beta ** (i + 1)); // bias correction: the average starts at 0
      rows.push({ step: i, lr, loss: value, smoothed });
      best = Math.min(best, smoothed);
      if (smoothed > stopFactor * best) stopped = "exceeded";
      await loopEnvironment().pause();
      if (rows.length >= steps || stopped !== "completed") break;
    }
  }
  if (rows.length < 2) throw new Error(`lrRangeTest: the loss was not finite after ${rows.length} step(s)`);
  return { rows, ...suggest(rows, steps), stopped };
}

/**
 * The minimum/10 and steepest-descent suggestions from the smoothed curve. As fastai's `lr_find`, they leave out the
 * first tenth of the planned steps (the moving average of a few losses is noise) and the last 5 steps (the blow-up).
 */
function suggest(
  rows: LrRangeRow[],
  steps: number,
): Pick<LrRangeTestResult, "suggestion" | "minimumLr" | "steepestLr"> {
  const from = Math.floor(steps / 10);
  const kept = rows.length - 5 - from >= 2 ? rows.slice(from, -5) : rows;
  let iMin = 0;
  kept.forEach((r, i) => {
    if (r.smoothed < kept[iMin].smoothed) iMin = i;
  });
  // Slope d(smoothed)/d(log lr) between neighbours (fastai's `steep`), only up to the minimum: after it the loss rises.
  let iSteep = 0;
  let steepest = Infinity;
  for (let i = 0; i < Math.max(1, iMin); i++) {
    const slope = (kept[i + 1].smoothed - kept[i].smoothed) / (Math.log(kept[i + 1].lr) - Math.log(kept[i].lr));
    if (slope < steepest) [steepest, iSteep] = [slope, i];
  }
  return { suggestion: kept[iMin].lr / 10, minimumLr: kept[iMin].lr, steepestLr: kept[iSteep].lr };
}
