import { describe, expect, it } from "vitest";
import { buildRun } from "../build";
import { fit } from "../fit";
import type { RunConfig } from "../config";
import type { FitHook } from "./hook";

const base: RunConfig = {
  data: { dataset: "moons", trainSize: 100, valSize: 50, batchSize: 25, noise: 0.1 },
  model: { sizes: [2, 8, 2], activation: "tanh", init: "xavier" },
  optim: { name: "sgd", lr: 0.1 },
  epochs: 2,
};

describe("fit's hooks", () => {
  it("calls a user hook at each point of the loop, in order, after the built-in ones", async () => {
    const calls: string[] = [];
    const hook: FitHook = {
      onStart: (s) => void calls.push(`start@${s.step}`),
      onStep: (s, r) => {
        calls.push(`step ${s.step}`);
        // the built-in logging hook has already recorded this step's train rows
        expect(s.history.last("loss", "train")).toBe(r.loss);
      },
      onEvaluate: (s, r) => void calls.push(`eval@${s.step} ${r.loss > 0}`),
      onEpochEnd: (s) => void calls.push(`epoch ${s.epoch}`),
      onEnd: (s) => void calls.push(`end@${s.step}`),
      onClose: (_s, error) => void calls.push(`close ${error === undefined}`),
    };
    await fit({ ...buildRun(base, 0), epochs: 2, live: false, hooks: [hook] });
    // 4 batches per epoch; evaluation at each epoch end (the evaluation hook runs before the user's onEpochEnd)
    expect(calls).toEqual([
      "start@0",
      ...[1, 2, 3, 4].map((t) => `step ${t}`),
      "eval@4 true",
      "epoch 1",
      ...[5, 6, 7, 8].map((t) => `step ${t}`),
      "eval@8 true",
      "epoch 2",
      "end@8",
      "close true",
    ]);
  });

  it("stops after the step in which a hook calls stop() (no final evaluation after an early stop)", async () => {
    const h = await fit({
      ...buildRun(base, 0),
      epochs: 5,
      live: false,
      hooks: [{ onStep: (s) => (s.step === 3 ? s.stop("early-stopped") : undefined) }],
    });
    expect(h.series("loss", "train").map((p) => p.step)).toEqual([1, 2, 3]);
    expect(h.series("loss", "val").map((p) => p.step)).toEqual([]); // early-stopped: no final evaluation
  });

  it("hands onClose the error that ended training", async () => {
    let seen: unknown;
    const err = await fit({
      ...buildRun(base, 0),
      live: false,
      hooks: [
        {
          onStep: () => {
            throw new Error("boom");
          },
          onClose: (_s, e) => void (seen = e),
        },
      ],
    }).catch((e) => e);
    expect(err.message).toBe("boom");
    expect(seen).toBe(err);
  });
});
