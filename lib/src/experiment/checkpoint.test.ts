import { describe, expect, it } from "vitest";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "./run";
import { fit } from "./fit";
import { loadCheckpoint, saveCheckpoint, type Checkpoint } from "./checkpoint";
import type { RunConfig } from "./config";
import { tinyMoonsConfig } from "./test-config";
import { buildRun } from "./build";
import { resetCheckpoint } from "./checkpoint-reset";
import { SGD } from "../optim";
import { Linear, Sequential } from "../nn";

const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), "nnk-ckpt-"));

/** A 4-epoch moons run with dropout: its masks come from the Dropout layer's own generator. */
const dropoutRun: RunConfig = {
  ...tinyMoonsConfig({ name: "adam", lr: 0.01 }),
  model: { sizes: [2, 16, 2], activation: "relu", dropout: 0.3 },
  epochs: 4,
};

/** Saves a checkpoint of `config` after 6 steps and returns its file. */
async function checkpointAt6(config: RunConfig): Promise<string> {
  const file = path.join(dir(), "run.ckpt.json");
  await run({ ...config, maxSteps: 6 }, { seed: 3, live: false, checkpoint: { path: file, every: 6 } });
  return file;
}

/** Rewrites a checkpoint file through `edit` (as a student editing or damaging it would). */
function edit(file: string, f: (c: Record<string, any>) => void): void {
  const c = JSON.parse(fs.readFileSync(file, "utf8"));
  f(c);
  fs.writeFileSync(file, JSON.stringify(c));
}

describe("checkpoints", () => {
  it("resume a run with dropout bit for bit (the Dropout generator is saved)", async () => {
    const whole = await run(dropoutRun, { seed: 3, live: false });
    const file = await checkpointAt6(dropoutRun);
    expect(Object.keys(loadCheckpoint(file).generators ?? {})).toEqual(["2"]); // Linear, ReLU, Dropout, Linear
    const resumed = await run(dropoutRun, { seed: 3, live: false, resume: loadCheckpoint(file) });
    expect(resumed.withoutTime()).toEqual(whole.withoutTime());
    // Without the generator state the masks after step 6 differ: the test can tell.
    const { generators: _dropped, ...fresh } = loadCheckpoint(file);
    const other = await run(dropoutRun, { seed: 3, live: false, resume: fresh as Checkpoint });
    expect(other.withoutTime()).not.toEqual(whole.withoutTime());
  });

  it("verify a checksum on load: one changed base64 character is an error naming the file", async () => {
    const file = await checkpointAt6(dropoutRun);
    const saved = loadCheckpoint(file);
    edit(file, (c) => {
      const t = c.model["0.weight"];
      t.base64 = (t.base64[0] === "A" ? "B" : "A") + t.base64.slice(1);
    });
    expect(() => loadCheckpoint(file)).toThrow(`loadCheckpoint: ${file}: the checksum does not match the contents`);
    // Saving a loaded (and changed) checkpoint again writes a fresh checksum and the current version.
    saveCheckpoint(file, { ...resetCheckpoint(saved, { history: true }), version: 1 } as never);
    expect(loadCheckpoint(file)).toMatchObject({ version: 2, step: 6 });
  });

  it("name the file and every malformed field", async () => {
    const file = await checkpointAt6(dropoutRun);
    const good = fs.readFileSync(file, "utf8");
    const expectField = (f: (c: Record<string, any>) => void, ...lines: string[]) => {
      fs.writeFileSync(file, good);
      edit(file, f);
      let message = "";
      try {
        loadCheckpoint(file);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toBe(`loadCheckpoint: ${file} is damaged or was edited:\n` + lines.join("\n"));
    };
    expectField(
      (c) => (c.model["0.weight"].base64 = c.model["0.weight"].base64.slice(0, 8)),
      '  field "model.0.weight.base64" has 6 bytes, its shape [16, 2] float32 needs 128 (truncated?)',
    );
    expectField(
      (c) => (c.model["0.bias"].base64 = "!!!!" + c.model["0.bias"].base64.slice(4)),
      '  field "model.0.bias.base64" is not valid base64 (truncated, or a character changed)',
    );
    expectField((c) => delete c.step, '  field "step" is missing');
    expectField(
      (c) => {
        c.epoch = "1";
        c.model["3.weight"].shape = "2x16";
        c.history = {};
      },
      '  field "epoch" should be a whole number ≥ 0, not "1"',
      '  field "model.3.weight.shape" should be [rows, cols], not "2x16"',
      '  field "history" should be a list of History rows',
    );
  });

  it("store the run's config and refuse a resume into another optimizer, architecture or dataset", async () => {
    const file = await checkpointAt6(dropoutRun);
    expect(loadCheckpoint(file).config).toEqual({ ...dropoutRun, maxSteps: 6 });
    const resume = (config: RunConfig) => run(config, { seed: 3, live: false, resume: loadCheckpoint(file) });
    await expect(resume({ ...dropoutRun, optim: { name: "sgd", lr: 0.01 } })).rejects.toThrow(
      'resume: this checkpoint was saved from a different optimizer (checkpoint → this run):\n  optim.name: "adam" → "sgd"\n',
    );
    await expect(resume({ ...dropoutRun, data: { ...dropoutRun.data, dataset: "circles" } })).rejects.toThrow(
      'different dataset (checkpoint → this run):\n  data.dataset: "moons" → "circles"',
    );
    await expect(resume({ ...dropoutRun, model: { ...dropoutRun.model, dropout: 0 } })).rejects.toThrow(
      "different architecture (checkpoint → this run):\n  model.dropout: 0.3 → 0",
    );
    // More epochs or another schedule are fine (continuing a run is what checkpoints are for).
    await expect(resume({ ...dropoutRun, epochs: 5 })).resolves.toBeDefined();
  });

  it("refuse an Adam state in an SGD optimizer in fit too (no config needed)", async () => {
    const file = await checkpointAt6(dropoutRun);
    const parts = buildRun(dropoutRun, 3);
    const optimizer = new SGD(parts.model.parameters(), { lr: 0.01 });
    await expect(fit({ ...parts, optimizer, live: false, resume: loadCheckpoint(file) })).rejects.toThrow(
      "resume: the checkpoint holds the state of the optimizer Adam, this run uses SGD.",
    );
  });

  it("show both shapes, or the data length, when a tensor does not fit", () => {
    const model = new Sequential(new Linear(2, 16, { seed: 0 }));
    const sd = model.stateDict();
    expect(() => model.loadStateDict({ ...sd, "0.weight": { shape: [16, 3], data: Array(48).fill(0) } })).toThrow(
      "loadStateDict: size mismatch for 0.weight: the checkpoint has [16, 3], the model has [16, 2]",
    );
    expect(() => model.loadStateDict({ ...sd, "0.weight": { shape: [16, 2], data: Array(30).fill(0) } })).toThrow(
      "loadStateDict: 0.weight has 30 values in the checkpoint, but its shape [16, 2] needs 32 (truncated data?)",
    );
  });

  it("remove the temporary file when a save fails", () => {
    const d = dir();
    const target = path.join(d, "taken");
    fs.mkdirSync(path.join(target, "inside"), { recursive: true }); // a folder where the file should go
    expect(() => saveCheckpoint(target, { step: 1, epoch: 0, model: {} })).toThrow(
      `saveCheckpoint: cannot write ${target}:`,
    );
    expect(fs.readdirSync(d)).toEqual(["taken"]);
  });
});
