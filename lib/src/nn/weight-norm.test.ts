import { describe, expect, it } from "vitest";
import { weightNorm } from "./weight-norm";
import { mlp } from "./mlp";

describe("weightNorm", () => {
  it("is the norm of all parameters (weights and biases) as one vector", () => {
    const model = mlp({ sizes: [3, 2, 1] }, 0);
    const [w1, b1, w2, b2] = model.parameters();
    w1.value.data.fill(1); // 6 ones
    b1.value.data.fill(2); // 2 × 4
    w2.value.data.fill(0);
    b2.value.data.fill(-1); // 1
    expect(weightNorm(model)).toBeCloseTo(Math.sqrt(6 + 8 + 1), 12);
  });
});
