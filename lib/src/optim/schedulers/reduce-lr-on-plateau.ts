import { checkSchedulerOptions } from "./scheduler-options";
import type { SchedulableOptimizer } from "./lr-scheduler";

/** ReduceLROnPlateau's options (torch's names in camelCase and defaults). */
export interface ReduceLROnPlateauOptions {
  mode?: "min" | "max";
  factor?: number;
  patience?: number;
  threshold?: number;
  thresholdMode?: "rel" | "abs";
  cooldown?: number;
  minLr?: number | number[];
  eps?: number;
}

/** ReduceLROnPlateau's counters as plain JSON (`best` may be ±Infinity before the first step: JSON writes null). */
export interface PlateauStateDict {
  best: number;
  numBadEpochs: number;
  cooldownCounter: number;
  lastEpoch: number;
  lastReduced: boolean;
  reductions: PlateauReduction[];
  lastLr: number[];
}

/** One reduction: the `step(metric)` call (1-based, torch's `last_epoch`) and the new lr of each group. */
export interface PlateauReduction {
  epoch: number;
  lrs: number[];
}

/**
 * The lecture's babysitting rule "drop η_t (typically 1/10) when learning appears stuck; wait a bit before
 * dropping", automated: same as `torch.optim.lr_scheduler.ReduceLROnPlateau`. Call `step(metric)` after each
 * evaluation (e.g. the validation loss).
 *
 * A metric is "better" if below best·(1 − threshold) (mode "min", thresholdMode "rel"; "abs": best − threshold;
 * mode "max" mirrors it). After more than `patience` steps in a row without improvement the lr of each group becomes
 * max(lr·factor, minLr) — skipped if that changes it by no more than `eps` — and then `cooldown` steps are ignored.
 * `lastReduced` says whether the last `step` reduced; `reductions` lists every reduction (to mark on a plot).
 *
 * @example
 *   const plateau = new ReduceLROnPlateau(opt, { factor: 0.1, patience: 5 });
 *   for (const epoch of epochs) { train(); plateau.step(validationLoss()); if (plateau.lastReduced) log("lr ↓"); }
 */
export class ReduceLROnPlateau {
  /** Lets a training loop tell it apart from step-based schedules: it needs `step(metric)`. */
  readonly isPlateau = true;
  readonly optimizer: SchedulableOptimizer;
  readonly mode: "min" | "max";
  readonly factor: number;
  readonly patience: number;
  readonly threshold: number;
  readonly thresholdMode: "rel" | "abs";
  readonly cooldown: number;
  readonly minLrs: number[];
  readonly eps: number;
  best: number;
  numBadEpochs = 0;
  cooldownCounter = 0;
  lastEpoch = 0;
  lastReduced = false;
  reductions: PlateauReduction[] = [];
  private lastLr: number[];

  constructor(optimizer: SchedulableOptimizer, options: ReduceLROnPlateauOptions = {}) {
    checkSchedulerOptions("ReduceLROnPlateau", options);
    const { mode = "min", factor = 0.1, patience = 10, threshold = 1e-4, thresholdMode = "rel" } = options;
    if (factor >= 1) throw new Error("Factor should be < 1.0.");
    if (mode !== "min" && mode !== "max") throw new Error(`mode ${String(mode)} is unknown!`);
    if (thresholdMode !== "rel" && thresholdMode !== "abs") {
      throw new Error(`threshold mode ${String(thresholdMode)} is unknown!`);
    }
    const n = optimizer.paramGroups.length;
    const minLr = options.minLr ?? 0;
    if (Array.isArray(minLr) && minLr.length !== n) throw new Error(`expected ${n} min_lrs, got ${minLr.length}`);
    this.optimizer = optimizer;
    this.mode = mode;
    this.factor = factor;
    this.patience = patience;
    this.threshold = threshold;
    this.thresholdMode = thresholdMode;
    this.cooldown = options.cooldown ?? 0;
    this.eps = options.eps ?? 1e-8;
    this.minLrs = Array.isArray(minLr) ? [...minLr] : Array.from({ length: n }, () => minLr);
    this.best = mode === "min" ? Infinity : -Infinity;
    this.lastLr = optimizer.paramGroups.map((g) => g.lr);
  }

  /** torch's `is_better(a, best)`. */
  isBetter(a: number, best: number): boolean {
    const { threshold: th } = this;
    if (this.mode === "min") return this.thresholdMode === "rel" ? a < best * (1 - th) : a < best - th;
    return this.thresholdMode === "rel" ? a > best * (th + 1) : a > best + th;
  }

  get inCooldown(): boolean {
    return this.cooldownCounter > 0;
  }

  /** Records one evaluation's metric and reduces the lr if it has not improved for more than `patience` steps. */
  step(metric: number): void {
    this.lastEpoch += 1;
    this.lastReduced = false;
    if (this.isBetter(metric, this.best)) {
      this.best = metric;
      this.numBadEpochs = 0;
    } else {
      this.numBadEpochs += 1;
    }
    if (this.inCooldown) {
      this.cooldownCounter -= 1;
      this.numBadEpochs = 0; // bad epochs in cooldown are ignored
    }
    if (this.numBadEpochs > this.patience) {
      this.reduceLr();
      this.cooldownCounter = this.cooldown;
      this.numBadEpochs = 0;
    }
    this.lastLr = this.optimizer.paramGroups.map((g) => g.lr);
  }

  private reduceLr(): void {
    this.optimizer.paramGroups.forEach((g, i) => {
      const newLr = Math.max(g.lr * this.factor, this.minLrs[i]);
      if (g.lr - newLr > this.eps) {
        g.lr = newLr;
        this.lastReduced = true;
      }
    });
    if (this.lastReduced)
      this.reductions.push({ epoch: this.lastEpoch, lrs: this.optimizer.paramGroups.map((g) => g.lr) });
  }

  getLastLr(): number[] {
    return [...this.lastLr];
  }

  stateDict(): PlateauStateDict {
    const { best, numBadEpochs, cooldownCounter, lastEpoch, lastReduced } = this;
    const reductions = structuredClone(this.reductions);
    return { best, numBadEpochs, cooldownCounter, lastEpoch, lastReduced, reductions, lastLr: this.getLastLr() };
  }

  loadStateDict(sd: PlateauStateDict): void {
    this.best = sd.best ?? (this.mode === "min" ? Infinity : -Infinity); // JSON turns ±Infinity into null
    this.numBadEpochs = sd.numBadEpochs;
    this.cooldownCounter = sd.cooldownCounter;
    this.lastEpoch = sd.lastEpoch;
    this.lastReduced = sd.lastReduced;
    this.reductions = structuredClone(sd.reductions);
    this.lastLr = [...sd.lastLr];
  }
}

/**
 * The lr after each `step(metric)` of a ReduceLROnPlateau on a single group starting at `baseLr`, and the
 * (1-based) steps where it was reduced: the plateau schedule as a plain function of a metric history.
 *
 * @example
 *   plateauValues(0.1, valLosses, { patience: 2 });   // { lr: [0.1, 0.1, …, 0.01, …], reducedAt: [7] }
 */
export function plateauValues(
  baseLr: number,
  metrics: number[],
  options: ReduceLROnPlateauOptions = {},
): { lr: number[]; reducedAt: number[] } {
  const sched = new ReduceLROnPlateau({ paramGroups: [{ lr: baseLr }] }, options);
  const lr = metrics.map((m) => {
    sched.step(m);
    return sched.getLastLr()[0];
  });
  return { lr, reducedAt: sched.reductions.map((r) => r.epoch) };
}
