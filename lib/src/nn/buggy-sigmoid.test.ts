import { describe, expect, it } from "vitest";
import { BuggySigmoid } from "./buggy-sigmoid";
import { Sigmoid } from "./activations";
import { gradCheckModule } from "./gradcheck-module";
import { Tensor } from "../tensor";

describe("BuggySigmoid", () => {
  const a = Tensor.fromRows([[-2, 0, 1.5]], "float64");
  it("has the right forward and a backward missing the factor (1 − σ)", () => {
    const good = new Sigmoid(),
      bad = new BuggySigmoid();
    const y = Array.from(good.forward(a).data);
    expect(Array.from(bad.forward(a).data)).toEqual(y);
    const dy = Tensor.fromRows([[1, 1, 1]], "float64");
    expect(Array.from(bad.backward(dy).data)).toEqual(y);
    expect(Array.from(good.backward(dy).data)).toEqual(y.map((s) => s * (1 - s)));
  });
  it("fails gradCheckModule", () => {
    expect(gradCheckModule(new BuggySigmoid(), a).pass).toBe(false);
  });
});
