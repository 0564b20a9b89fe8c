import { describe, expect, it } from "vitest";
import { confusionMatrix } from "./confusion-matrix";

type Obj = Record<string, any>;
// A 3-class matrix given in scrambled order: class 2 is often read as 0.
const cells = [2, 0, 1].flatMap((truth) =>
  [1, 2, 0].map((predicted) => ({
    truth,
    predicted,
    share: truth === predicted ? (truth === 2 ? 0.55 : 0.9) : truth === 2 && predicted === 0 ? 0.4 : 0.05,
  })),
);

describe("confusionMatrix", () => {
  it("orders both axes by class, first class at the top, on a fixed 0–1 blue scale", () => {
    const s = confusionMatrix(cells) as Obj;
    const rect = s.layer[0].encoding;
    expect(rect.x.sort).toEqual([0, 1, 2]);
    expect(rect.y.sort).toEqual([0, 1, 2]);
    expect(rect.color.scale).toEqual({ scheme: "blues", domain: [0, 1] });
    expect(s.data.values).toHaveLength(9);
    expect([rect.x.title, rect.y.title]).toEqual(["predicted class", "true class"]);
    const digits = (confusionMatrix(cells, { classNoun: "digit" }) as Obj).layer[0].encoding;
    expect([digits.x.title, digits.y.title]).toEqual(["predicted digit", "true digit"]);
  });
  it("writes only the shares at least minLabel, white on dark cells", () => {
    const text = (confusionMatrix(cells, { minLabel: 0.3 }) as Obj).layer[1];
    expect(text.transform[0].filter).toBe("datum.share >= 0.3 && datum.share > 0");
    expect(text.encoding.color.condition).toEqual({ test: "datum.share > 0.5", value: "white" });
    expect((confusionMatrix(cells) as Obj).layer[1].transform[0].filter).toContain(">= 0.1");
  });
  it("puts the subtitle under the title", () => {
    expect((confusionMatrix(cells, { title: "t", subtitle: "5 nets pooled" }) as Obj).title).toEqual({
      text: "t",
      subtitle: ["5 nets pooled"],
    });
  });
  it("rejects empty input, missing fields and shares outside [0, 1]", () => {
    expect(() => confusionMatrix([])).toThrow("confusionMatrix: no cells to plot");
    expect(() => confusionMatrix([{ truth: 0, predicted: 0 } as never])).toThrow('no numeric "share"');
    expect(() => confusionMatrix([{ truth: 0, predicted: 1, share: 3 }])).toThrow("a share must lie in [0, 1], got 3");
  });
});
