import { describe, expect, it } from "vitest";
import { makeScheduler, scheduleValues } from "./registry";
import { StepLR } from "./step-lr";
import { CosineAnnealingLR } from "./cosine-annealing-lr";
import { OneCycleLR } from "./one-cycle-lr";
import { ReduceLROnPlateau } from "./reduce-lr-on-plateau";
import { InverseTimeLR } from "./inverse-time-lr";

const opt = () => ({ paramGroups: [{ lr: 0.1, momentum: 0.9 }] });

describe("the scheduler registry (one name per scheduler, for configs and plots)", () => {
  it("builds each scheduler by its name; the run's length fills tMax and OneCycleLR's total", () => {
    expect(makeScheduler("step", opt(), { stepSize: 3 }, 100)).toBeInstanceOf(StepLR);
    expect(makeScheduler("inverse-time", opt(), { c: 10 }, 100)).toBeInstanceOf(InverseTimeLR);
    expect(makeScheduler("plateau", opt(), {}, 100)).toBeInstanceOf(ReduceLROnPlateau);
    const cosine = makeScheduler("cosine", opt(), {} as never, 40) as CosineAnnealingLR;
    expect(cosine.tMax).toBe(40);
    expect((makeScheduler("cosine", opt(), { tMax: 7 }, 40) as CosineAnnealingLR).tMax).toBe(7);
    expect((makeScheduler("onecycle", opt(), { maxLr: 1 }, 30) as OneCycleLR).totalSteps).toBe(30);
  });

  it("scheduleValues uses the same names: inverse-time is η₀·c/(c + t)", () => {
    const v = scheduleValues("inverse-time", 0.1, { c: 10 }, 3);
    [0.1, 0.1 * (10 / 11), 0.1 * (10 / 12)].forEach((x, t) => expect(v[t]).toBeCloseTo(x, 15));
    expect(scheduleValues("multistep", 1, { milestones: [1], gamma: 0.5 }, 3)).toEqual([1, 0.5, 0.5]);
  });

  it("names the current spelling of an old name, lists the names for an unknown one, and has no plateau curve", () => {
    expect(() => scheduleValues("inverseTime" as never, 0.1, { c: 1 } as never, 3)).toThrow(
      'scheduleValues: the schedule "inverseTime" is spelled "inverse-time"',
    );
    expect(() => makeScheduler("cosin" as never, opt(), {} as never, 3)).toThrow(
      'makeScheduler: unknown schedule "cosin"; use one of step, multistep, exponential, cosine',
    );
    expect(() => scheduleValues("plateau", 0.1, {}, 3)).toThrow("has no closed form (it follows the metric)");
  });
});
