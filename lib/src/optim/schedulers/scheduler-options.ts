/**
 * The option schemas of the learning-rate schedulers, checked by each constructor: an unknown option is an error
 * naming the nearest valid one (`gama` → "did you mean gamma?"; torch: "got an unexpected keyword argument"), a
 * required option is required (ExponentialLR's `gamma`, OneCycleLR's `maxLr`, MultiStepLR's `milestones` — without
 * them the lr would silently be NaN), and numbers are checked for type and range. Each schema lists exactly the
 * keys of its options type (`satisfies`), so the two cannot drift.
 */
import { checkObject, positiveInteger, type Field, type Schema } from "../../config/fields";
import type { OneCycleLROptions } from "./one-cycle-lr";
import type { ReduceLROnPlateauOptions } from "./reduce-lr-on-plateau";
import type { StepLROptions } from "./step-lr";
import type { MultiStepLROptions } from "./multi-step-lr";
import type { ExponentialLROptions } from "./exponential-lr";
import type { CosineAnnealingLROptions } from "./cosine-annealing-lr";
import type { LinearLROptions } from "./linear-lr";
import type { InverseTimeLROptions } from "./inverse-time-lr";

const gamma: Field = { kind: "number", above: 0 };

const schemas = {
  StepLR: { stepSize: { ...positiveInteger, required: true }, gamma } satisfies Record<keyof StepLROptions, Field>,
  MultiStepLR: {
    milestones: { kind: "integers", min: 0, required: true },
    gamma,
  } satisfies Record<keyof MultiStepLROptions, Field>,
  ExponentialLR: { gamma: { ...gamma, required: true } } satisfies Record<keyof ExponentialLROptions, Field>,
  CosineAnnealingLR: {
    tMax: { kind: "number", above: 0, required: true },
    etaMin: { kind: "number", min: 0 },
  } satisfies Record<keyof CosineAnnealingLROptions, Field>,
  LinearLR: {
    startFactor: { kind: "number" },
    endFactor: { kind: "number" },
    totalIters: positiveInteger,
  } satisfies Record<keyof LinearLROptions, Field>,
  InverseTimeLR: { c: { kind: "number", above: 0, required: true } } satisfies Record<
    keyof InverseTimeLROptions,
    Field
  >,
  LambdaLR: { lrLambda: { kind: "any", required: true } },
  OneCycleLR: {
    maxLr: { kind: "any", required: true }, // a number or one per group
    totalSteps: { kind: "any" }, // these three: torch's own messages in oneCycleTotalSteps
    epochs: { kind: "any" },
    stepsPerEpoch: { kind: "any" },
    pctStart: { kind: "number" },
    annealStrategy: { kind: "any" },
    cycleMomentum: { kind: "boolean" },
    baseMomentum: { kind: "any" },
    maxMomentum: { kind: "any" },
    divFactor: { kind: "number", above: 0 },
    finalDivFactor: { kind: "number", above: 0 },
    threePhase: { kind: "boolean" },
  } satisfies Record<keyof OneCycleLROptions, Field>,
  ReduceLROnPlateau: {
    mode: { kind: "any" }, // mode, thresholdMode, factor: torch's messages in the constructor
    factor: { kind: "number", above: 0 },
    patience: { kind: "number", integer: true, min: 0 },
    threshold: { kind: "number", min: 0 },
    thresholdMode: { kind: "any" },
    cooldown: { kind: "number", integer: true, min: 0 },
    minLr: { kind: "any" },
    eps: { kind: "number", min: 0 },
  } satisfies Record<keyof ReduceLROnPlateauOptions, Field>,
};

/** Checks a scheduler's options object against its schema; throws a TypeError naming the option. */
export function checkSchedulerOptions(scheduler: keyof typeof schemas, options: object): void {
  checkObject(options, schemas[scheduler] as Schema, `${scheduler}()`);
}
