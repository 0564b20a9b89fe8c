/** Every figure the deck can use ({{figure <id>}} in deck.md), one file per group of related experiments. */
import type { Figure } from "../src/figure";
import { gradcheckLayers } from "./gradcheck";
import { initDepth } from "./init";
import { batchNorm, batchSize, deadRelu, mnistLr, sampleOrder } from "./mnist-optimization";
import { augmentations, dropout, weightDecay } from "./regularization";
import { schedules } from "./schedules";
import { adaptivePaths, bowlEta, momentumGamma, momentumRateMap } from "./surfaces";

export const FIGURES: Figure<any>[] = [
  gradcheckLayers,
  sampleOrder,
  deadRelu,
  initDepth,
  bowlEta,
  mnistLr,
  schedules,
  momentumGamma,
  momentumRateMap,
  adaptivePaths,
  batchSize,
  batchNorm,
  weightDecay,
  dropout,
  augmentations,
];
