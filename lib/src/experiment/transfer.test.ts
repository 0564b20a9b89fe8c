import { describe, expect, it } from "vitest";
import { runTransfer, type TransferStart } from "./transfer";
import type { RunConfig } from "./config";
import { mlp } from "../nn";

const config: RunConfig = {
  data: { dataset: "blobs", trainSize: 120, valSize: 60, batchSize: 8 },
  model: { sizes: [2, 8, 8, 3], activation: "relu" },
  optim: { name: "sgd", lr: 0.05 },
  maxSteps: 12,
};
const pretrained = mlp(config.model, 99).stateDict();
const valLoss = async (start: TransferStart, lr: number) =>
  (
    await runTransfer({ ...config, optim: { name: "sgd", lr } }, { pretrained, start, labelsPerClass: 4, seed: 3 })
  ).last("loss", "val");

describe("runTransfer", () => {
  it("labels its rows by start and count and evaluates once, after the last step", async () => {
    const h = await runTransfer(config, { pretrained, start: "fine-tune", labelsPerClass: 2, seed: 0 });
    const val = h.rows.filter((r) => r.split === "val");
    expect(new Set(val.map((r) => r.step))).toEqual(new Set([12]));
    expect(val[0]).toMatchObject({ run: "fine-tune · 2 per class", knob: "labels per class", knobValue: 2 });
  });

  it("pairs the starts: the same fresh head, the pre-trained or the seed's random body", async () => {
    // at η = 0 nothing trains: each start is its initial network
    expect(await valLoss("fine-tune", 0)).toBe(await valLoss("frozen body", 0));
    expect(await valLoss("scratch", 0)).toBe(await valLoss("frozen random body", 0));
    expect(await valLoss("fine-tune", 0)).not.toBe(await valLoss("scratch", 0));
  });

  it("trains the body only when it is not frozen", async () => {
    expect(await valLoss("fine-tune", 0.05)).not.toBe(await valLoss("frozen body", 0.05));
    expect(await valLoss("scratch", 0.05)).not.toBe(await valLoss("frozen random body", 0.05));
  });

  it("explains a bad start and a missing step count", async () => {
    await expect(
      runTransfer(config, { pretrained, start: "warm" as TransferStart, labelsPerClass: 2, seed: 0 }),
    ).rejects.toThrow(/start must be one of fine-tune/);
    await expect(
      runTransfer({ ...config, maxSteps: undefined }, { pretrained, start: "scratch", labelsPerClass: 2, seed: 0 }),
    ).rejects.toThrow(/maxSteps/);
  });
});
