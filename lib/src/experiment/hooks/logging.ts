import type { FitHook } from "./hook";

/** Records the training rows every `every` steps: the minibatch's loss and accuracy, the lr and the gradient norm. */
export function logging(every = 1): FitHook {
  return {
    onStep: (s, r) => {
      if (s.step % every !== 0) return;
      s.record("train", "loss", r.loss);
      s.record("train", "accuracy", r.accuracy);
      s.record("train", "lr", s.optimizer.paramGroups[0].lr);
      s.record("train", "gradNorm", r.gradNorm);
    },
  };
}
