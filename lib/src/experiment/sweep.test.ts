import { describe, expect, it } from "vitest";
import { sweep } from "./sweep";
import { getPath, setPath, type RunConfig } from "./config";
import { optimizeSurface, stepsToTolerance } from "./surface";
import { quadraticBowl } from "../data";

const base: RunConfig = {
  data: { dataset: "moons", trainSize: 200, valSize: 100, batchSize: 25, noise: 0.15 },
  model: { sizes: [2, 8, 2], activation: "tanh", init: "xavier" },
  optim: { name: "sgd", lr: 0.2, momentum: 0 },
  epochs: 3,
};

describe("sweep", () => {
  it("runs knob values × seeds, the same in worker threads as serially", async () => {
    const serial = await sweep(base, "optim.momentum", [0, 0.9], { seeds: 2, workers: 1, live: false });
    const parallel = await sweep(base, "optim.momentum", [0, 0.9], { seeds: 2, workers: 2, live: false });
    const strip = (rows: typeof serial.rows) => rows.map(({ time: _t, ...r }) => r);
    expect(strip(parallel.rows)).toEqual(strip(serial.rows));
    expect(serial.configs.map((c) => c.config.optim.momentum)).toEqual([0, 0.9]);
    const matched = await sweep(base, "optim.momentum", [0, 0.5], {
      seeds: 1,
      live: false,
      derive: { "optim.lr": (m: number) => 0.2 * (1 - m) },
    });
    expect(matched.configs.map((c) => c.config.optim.lr)).toEqual([0.2, 0.1]);
    const named = await sweep(base, "model.init", [{ normalStd: 0.1 }, "kaiming"], {
      seeds: 1,
      live: false,
      label: (v) => (typeof v === "string" ? v : `N(0, ${v.normalStd}²)`),
    });
    expect([...new Set(named.rows.map((r) => r.knobValue))]).toEqual(["N(0, 0.1²)", "kaiming"]);
    expect(named.configs[0].config.model.init).toEqual({ normalStd: 0.1 });
    expect(new Set(serial.rows.map((r) => `${r.run}/${r.seed}`)).size).toBe(4);
    const final = serial.final("accuracy", "val");
    expect(final.map((f) => f.knobValue)).toEqual([0, 0.9]);
    expect(final.every((f) => f.n === 2 && f.min <= f.mean && f.mean <= f.max)).toBe(true);
  });

  it("feeds every knob value the same batches for a seed", async () => {
    // With lr = 0 nothing trains, so the per-step training loss depends only on the data order and the init:
    // two "values" of an unused knob must then give identical loss curves for each seed.
    const frozen = { ...base, optim: { name: "sgd" as const, lr: 0 } };
    const r = await sweep(frozen, "optim.dampening", [0, 0.5], { seeds: [7], workers: 1, live: false });
    const curve = (v: number) =>
      r.rows.filter((x) => x.knobValue === v && x.metric === "loss" && x.split === "train").map((x) => x.value);
    expect(curve(0)).toEqual(curve(0.5));
    expect(curve(0).length).toBeGreaterThan(0);
  });

  it("records a diverged run instead of failing the sweep", async () => {
    const relu = { ...base, model: { sizes: [2, 16, 16, 2], activation: "relu" as const } };
    const r = await sweep(relu, "optim.lr", [0.1, 1e7], { seeds: 1, workers: 1, live: false });
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0].message).toMatch(/lower the learning rate/);
    expect(r.rows.some((x) => x.metric === "diverged" && x.knobValue === 1e7)).toBe(true);
  });
});

describe("config paths", () => {
  it("reads and writes dotted keys without touching the original", () => {
    const c = setPath(base, "optim.betas", [0.8, 0.99]);
    expect(getPath(c, "optim.betas")).toEqual([0.8, 0.99]);
    expect(getPath(base, "optim.betas")).toBeUndefined();
  });
});

describe("optimizeSurface", () => {
  it("follows SGD on the bowl exactly and converges faster with momentum", () => {
    // f = 0.1 x² + 2 y², grad = (0.2 x, 4 y). One SGD step from (-5, -2) with lr 0.4:
    // x = -5 - 0.4·(-1) = -4.6, y = -2 - 0.4·(-8) = 1.2.
    const sgd = optimizeSurface(quadraticBowl(), { name: "sgd", lr: 0.4 }, [-5, -2], 200);
    expect(sgd.points[1][0]).toBeCloseTo(-4.6, 12);
    expect(sgd.points[1][1]).toBeCloseTo(1.2, 12);
    const mom = optimizeSurface(quadraticBowl(), { name: "sgd", lr: 0.4, momentum: 0.5 }, [-5, -2], 200);
    expect(stepsToTolerance(mom, 1e-3)).toBeLessThan(stepsToTolerance(sgd, 1e-3));
  });
});
