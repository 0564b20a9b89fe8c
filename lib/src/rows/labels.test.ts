import { describe, expect, it } from "vitest";
import { humanRunName, knobName, knobLabel } from "./labels";

describe("human labels", () => {
  it("never shows a raw config path", () => {
    expect(knobName("data.batchSize")).toBe("batch size");
    expect(knobName("optim.momentum")).toBe("momentum");
    expect(humanRunName("optim.momentum=0.9")).toBe("momentum 0.9");
    expect(humanRunName("Adam lr=0.001")).toBe("Adam lr=0.001");
    expect(knobLabel("optim.lr", 0.1)).toBe("lr 0.1");
  });
});
