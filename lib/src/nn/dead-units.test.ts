import { describe, expect, it } from "vitest";
import { Tensor } from "../tensor";
import { Linear } from "./linear";
import { LeakyReLU, ReLU } from "./activations";
import { Dropout } from "./dropout";
import { Sequential } from "./sequential";
import { Module } from "./module";
import { deadUnitFraction, deadUnits } from "./dead-units";

/** Linear(2→3) → ReLU → Linear(3→2) → LeakyReLU → Dropout → Linear(2→1) with hand-set weights. */
function handNet(): Sequential {
  const fc1 = new Linear(2, 3, { seed: 0 });
  fc1.weight.value.data.set([1, 0, 0, 1, -1, -1]); // rows: unit 0 = x₀, unit 1 = x₁, unit 2 = −x₀ − x₁
  fc1.bias!.value.data.set([0, -1, 0]);
  const fc2 = new Linear(3, 2, { seed: 1 });
  fc2.weight.value.data.set([1, 0, 0, -1, 0, 0]); // unit 0 = o₀, unit 1 = −o₀
  fc2.bias!.value.data.set([0, 0]);
  return new Sequential(
    fc1,
    new ReLU(),
    fc2,
    new LeakyReLU(0.1),
    new Dropout(0.5, { seed: 2 }),
    new Linear(2, 1, { seed: 3 }),
  );
}

/** Passes x through and records whether it ran in training mode. */
class ModeRecorder extends Module {
  seen: boolean[] = [];
  forward(x: Tensor): Tensor {
    this.seen.push(this.training);
    return x;
  }
  backward(dy: Tensor): Tensor {
    return dy;
  }
}

describe("deadUnits", () => {
  // By hand, x = [[1, 0.5], [2, 0]]:
  //   layer 1: a = [[1, −0.5, −1.5], [2, −1, −2]] → unit 0 is positive somewhere; units 1 and 2 never: 2 of 3 dead;
  //   ReLU o = [[1, 0, 0], [2, 0, 0]]; layer 2: a = [[1, −1], [2, −2]] → unit 1 never positive: 1 of 2 dead.
  const x = Tensor.fromRows([
    [1, 0.5],
    [2, 0],
  ]);

  it("counts, per activation layer, the units whose input is ≤ 0 on every probe example", () => {
    const rows = deadUnits(handNet(), x);
    expect(rows.map(({ index, layer, name, dead, units }) => ({ index, layer, name, dead, units }))).toEqual([
      { index: 1, layer: 1, name: "ReLU", dead: 2, units: 3 },
      { index: 3, layer: 2, name: "LeakyReLU(negativeSlope=0.1)", dead: 1, units: 2 },
    ]);
    expect(rows[0].fraction).toBeCloseTo(2 / 3, 12);
    expect(deadUnitFraction(handNet(), x)).toBeCloseTo(3 / 5, 12); // (2 + 1) dead of (3 + 2) units
  });

  it("one example with a positive input keeps a unit alive", () => {
    // add x = [0, 3]: unit 1 gets a = 3 − 1 = 2 > 0 (alive); unit 2 gets −3 (still dead); layer 2 unchanged
    const more = Tensor.fromRows([
      [1, 0.5],
      [2, 0],
      [0, 3],
    ]);
    expect(deadUnits(handNet(), more).map((r) => r.dead)).toEqual([1, 1]);
  });

  it("runs in eval mode (Dropout off) and restores the training mode", () => {
    const recorder = new ModeRecorder();
    const net = handNet().add(recorder);
    net.train();
    expect(deadUnitFraction(net, x)).toBeCloseTo(3 / 5, 12);
    expect(recorder.seen).toEqual([false]); // the forward pass ran in eval mode
    expect(net.training).toBe(true);
    expect(net.layers[4].training).toBe(true);
    net.eval();
    deadUnits(net, x);
    expect(net.training).toBe(false);
    expect(deadUnitFraction(new Sequential(new Linear(2, 1, { seed: 0 })), x)).toBe(0); // no activation layers
  });
});
