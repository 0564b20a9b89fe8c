import { describe, expect, it } from "vitest";
import { tinyMoonsConfig } from "./test-config";
import { evaluate } from "./evaluate";
import { run } from "./run";
import { trainModels } from "./train-models";

const config = tinyMoonsConfig({ name: "sgd", lr: 0.3 }, 60);

describe("trainModels", () => {
  it("returns one trained model per seed, each exactly the run `run` does for that seed", async () => {
    const models = await trainModels(config, [3, 5]);
    expect(models.map((m) => m.seed)).toEqual([3, 5]);
    const h = await run(config, { seed: 5, live: false });
    expect(models[1].history.withoutTime()).toEqual(h.withoutTime());
    // The returned model is the trained one: its val accuracy is the History's last val accuracy.
    const { accuracy } = evaluate(models[1].model, models[1].val!, models[1].loss);
    expect(accuracy).toBeCloseTo(h.last("accuracy", "val"), 12);
    expect((await trainModels(config, 2)).map((m) => m.seed)).toEqual([0, 1]);
    await expect(trainModels(config, [])).rejects.toThrow("trainModels: give at least one seed");
  });
});
