import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { loadCheckpoint } from "./checkpoint";
import { resetCheckpoint } from "./checkpoint-reset";
import { tinyMoonsConfig } from "./test-config";
import { run } from "./run";

const config = tinyMoonsConfig({ name: "adam", lr: 0.01 });

describe("resetCheckpoint", () => {
  it("forgets only what is asked: Adam's moments, the whole optimizer, the schedule, the loader, the history", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nn-knobs-reset-"));
    const file = path.join(dir, "end.ckpt.json");
    await run(config, { seed: 0, live: false, checkpoint: { path: file, every: 8 } });
    const c = loadCheckpoint(file);
    const fresh = resetCheckpoint(c, { optimizerState: true });
    expect((fresh.optimizer as { state: object }).state).toEqual({});
    expect((fresh.optimizer as { paramGroups: unknown }).paramGroups).toEqual(
      (c.optimizer as { paramGroups: unknown }).paramGroups,
    );
    expect(fresh.model).toBe(c.model);
    expect(Object.keys((c.optimizer as { state: object }).state).length).toBeGreaterThan(0); // the original is untouched
    const weightsOnly = resetCheckpoint(c, { optimizer: true, scheduler: true, loader: true, history: true });
    expect(Object.keys(weightsOnly).filter((k) => ["optimizer", "scheduler", "loader", "history"].includes(k))).toEqual(
      [],
    );

    // Resuming for one more epoch: the full state and fresh moments continue differently from the same weights.
    const more = { ...config, epochs: 3 };
    const full = await run(more, { seed: 0, live: false, resume: c });
    const restarted = await run(more, { seed: 0, live: false, resume: fresh });
    expect(full.last("loss", "train")).not.toBe(restarted.last("loss", "train"));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("rejects an unknown key, naming the valid ones", () => {
    const c = { format: "nn-knobs-checkpoint", version: 1, savedAt: "", step: 0, epoch: 0, model: {} } as const;
    expect(() => resetCheckpoint(c, { moments: true } as never)).toThrow(
      "resetCheckpoint: unknown key(s) moments; the keys are: optimizerState, optimizer, scheduler, loader, history",
    );
  });
});
