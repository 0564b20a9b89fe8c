import { describe, expect, it, vi } from "vitest";
import * as data from "../data";
import { buildData } from "./build";

vi.mock("../data", async (importOriginal) => {
  const orig = await importOriginal<typeof import("../data")>();
  return { ...orig, mnistTrainValTest: vi.fn(orig.mnistTrainValTest) };
});

describe("buildData (mnist)", () => {
  it("returns the seed's train/val subsets of mnistTrainValTest and skips the unused test split", () => {
    const { trainSet, val } = buildData({ dataset: "mnist", trainSize: 120, valSize: 40, batchSize: 10 }, 3);
    expect(data.mnistTrainValTest).toHaveBeenCalledWith(expect.objectContaining({ testSize: 0, seed: 3 }));
    // The same subsets as a notebook's own call (the test split is drawn separately, so testSize changes nothing here).
    const ref = vi.mocked(data.mnistTrainValTest).getMockImplementation()!({ trainSize: 120, valSize: 40, seed: 3 });
    expect(ref.test.y.length).toBe(10000);
    expect(Array.from(trainSet.y)).toEqual(Array.from(ref.train.y));
    expect(Array.from(trainSet.x.data)).toEqual(Array.from(ref.train.x.data));
    expect(Array.from(val!.y)).toEqual(Array.from(ref.val.y));
  });
});
