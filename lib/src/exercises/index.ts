/**
 * Exercise checks: `checkClose`/`checkTrue` and the `ExerciseFailed` error they throw (lib/src/exercise.ts), plus
 * one file per notebook with that notebook's checks (`exercises/<NN>-<topic>.ts`). Add one line here per file.
 *
 * @example
 *   import { exercises } from "nn-knobs";
 *   exercises.checkClose("Kaiming std for fan_in = 256", kaimingStd(256), Math.sqrt(2 / 256));
 */
export * from "../exercise";
export * from "./00-backprop-and-gradcheck";
export * from "./01-sgd-sample-order";
export * from "./02-activations-and-clipping";
export * from "./03-initialization";
export * from "./04-step-size";
export * from "./05-momentum";
export * from "./06-adaptive-methods";
export * from "./07-minibatch";
export * from "./10-weight-decay";
export * from "./08-batchnorm";
export * from "./09-warm-start";
export * from "./13-summary-recipe";
export * from "./11-dropout";
export * from "./12-augmentation";
