import { describe, expect, it } from "vitest";
import { HeavyBall } from "./heavy-ball";
import { SGD } from "./sgd";
import { param64, runQuadratic, setGrad } from "./test-helpers";

describe("HeavyBall (the lecture's momentum form)", () => {
  it("W(t+1) = W(t) − ηg + γ(W(t) − W(t−1)), by hand", () => {
    // η 0.1, γ 0.9, g = 0.5: t=1: 1 − 0.05 + 0 = 0.95; t=2: 0.95 − 0.05 + 0.9·(−0.05) = 0.855
    // t=3: 0.855 − 0.05 + 0.9·(−0.095) = 0.7195
    const p = param64([[1]]);
    const opt = new HeavyBall([p], { lr: 0.1, momentum: 0.9 });
    const ws = [0.95, 0.855, 0.7195].map(() => {
      setGrad(p, 0.5);
      opt.step();
      return p.value.data[0];
    });
    ws.forEach((w, i) => expect(w).toBeCloseTo([0.95, 0.855, 0.7195][i], 12));
  });

  it("equals torch's SGD momentum for a constant lr", () => {
    // Derivation: torch has W(t) − W(t−1) = −η b(t−1), so W(t+1) = W(t) − η(μ b(t−1) + g) = W(t) − ηg + μ(W(t) − W(t−1)).
    const a = param64([
      [1, -2, 0.5],
      [3, 0.25, -1],
    ]);
    const b = param64(a.value.toRows());
    const hb = new HeavyBall([a], { lr: 0.05, momentum: 0.9 });
    const sgd = new SGD([b], { lr: 0.05, momentum: 0.9 });
    runQuadratic(hb, [a], 50);
    runQuadratic(sgd, [b], 50);
    for (let i = 0; i < 6; i++) expect(a.value.data[i]).toBeCloseTo(b.value.data[i], 12);
    expect(Math.abs(a.value.data[0] - 1)).toBeGreaterThan(0.01); // it moved
  });

  it("differs from SGD momentum when lr changes between steps", () => {
    // η 0.1 for two steps, then 0.01; γ = μ = 0.9; g = 0.5.
    // Both: t=1 → 0.95, t=2 → 0.855.
    // torch t=3: b = 0.9·0.95 + 0.5 = 1.355, W = 0.855 − 0.01·1.355 = 0.84145 (old velocity rescaled by the new η)
    // heavy-ball t=3: W = 0.855 − 0.005 + 0.9·(0.855 − 0.95) = 0.7645 (old displacement kept)
    const p = param64([[1]]);
    const q = param64([[1]]);
    const hb = new HeavyBall([p], { lr: 0.1, momentum: 0.9 });
    const sgd = new SGD([q], { lr: 0.1, momentum: 0.9 });
    for (let t = 0; t < 3; t++) {
      if (t === 2) hb.paramGroups[0].lr = sgd.paramGroups[0].lr = 0.01;
      setGrad(p, 0.5);
      setGrad(q, 0.5);
      hb.step();
      sgd.step();
      if (t === 1) expect(p.value.data[0]).toBeCloseTo(q.value.data[0], 12);
    }
    expect(q.value.data[0]).toBeCloseTo(0.84145, 12);
    expect(p.value.data[0]).toBeCloseTo(0.7645, 12);
  });
});
