import { describe, expect, it } from "vitest";
import { decisionBoundary } from "./decision-boundary";
import { schedulePlot } from "./schedule-plot";
import { trajectories } from "./trajectories";

type Layered = {
  layer: { data: { values: any[] }; mark: { type: string }; encoding: any }[];
  title: { subtitle?: string[] };
};
const spec = (s: unknown) => s as Layered;
const axis = (n: number) => Array.from({ length: n }, (_, k) => -1 + (2 * k) / (n - 1));
const bowl = axis(5).flatMap((x) => axis(5).map((y) => ({ x, y, z: x * x + y * y })));

describe("trajectories", () => {
  it("layers heatmap, iso-lines, paths and start/end markers; the heat is z − min z on the log scale", () => {
    const s = spec(
      trajectories(bowl, [
        {
          name: "GD",
          points: [
            [1, 1],
            [0.5, 0.5],
            [0, 0],
          ],
        },
      ]),
    );
    expect(s.layer.map((l) => l.mark.type)).toEqual(["rect", "rule", "line", "point"]);
    const heat = s.layer[0].data.values;
    expect(heat).toHaveLength(25);
    const centre = heat.find((c) => c.z === 0)!;
    expect(centre.shade).toBeGreaterThan(0); // min z itself stays on the log scale: 0 + 10⁻⁶·range
    expect(centre.shade).toBeLessThan(1e-5);
    expect(s.layer[2].data.values.map((p) => [p.i, p.x, p.y])).toEqual([
      [0, 1, 1],
      [1, 0.5, 0.5],
      [2, 0, 0],
    ]);
    expect(s.layer[3].data.values.map((p) => [p.where, p.x])).toEqual([
      ["start", 1],
      ["end", 0],
    ]);
    expect(s.title.subtitle).toBeUndefined();
  });

  it("notes a path that leaves the grid and drops (and counts) non-finite iterates", () => {
    const s = spec(
      trajectories(bowl, [
        {
          name: "diverging",
          points: [
            [1, 1],
            [-3, 3],
            [NaN, NaN],
          ],
        },
      ]),
    );
    expect(s.layer[2].data.values).toHaveLength(2);
    expect(s.title.subtitle).toEqual([
      "diverging leaves the plotted area",
      "dropped 1 path point (NaN or ±Infinity), e.g. from a diverged run",
    ]);
  });

  it("throws for an empty grid, a missing z, or a grid with holes", () => {
    expect(() => trajectories([], [])).toThrow("trajectories: no surface grid points to plot");
    expect(() => trajectories([{ x: 0, y: 0 } as never], [])).toThrow(
      'trajectories: surfaceGrid[0] has no numeric "z"',
    );
    expect(() => trajectories(bowl.slice(1), [])).toThrow("trajectories: not a full grid");
  });
});

describe("decisionBoundary", () => {
  it("draws the p = 0.5 line where a logistic p(x) = σ(4x − 1) crosses one half: at x = 0.25", () => {
    const grid = axis(5).flatMap((x) => axis(5).map((y) => ({ x, y, p: 1 / (1 + Math.exp(-(4 * x - 1))) })));
    const s = spec(decisionBoundary(grid, [{ x: 0.5, y: 0, label: 1 }]));
    const line = s.layer.find((l) => l.mark.type === "rule")!.data.values;
    expect(line.length).toBe(4); // one segment in each of the 4 cell rows along x = 0
    // Grid x = 0 and 0.5 give σ(−1) ≈ 0.2689 and σ(1) ≈ 0.7311, symmetric about ½, so the interpolation
    // t = (0.5 − 0.2689)/(0.7311 − 0.2689) = ½ puts the crossing at x = 0 + ½·0.5 = 0.25 in every cell row.
    for (const seg of line) {
      expect(seg.x).toBeCloseTo(0.25, 12);
      expect(seg.x2).toBeCloseTo(0.25, 12);
    }
    expect(s.layer[0].encoding.color.field).toBe("p");
  });

  it("shades by class when the grid has classes, and throws for a grid with neither p nor class", () => {
    const grid = axis(3).flatMap((x) => axis(3).map((y) => ({ x, y, class: x > 0 ? "b" : "a" })));
    const s = spec(decisionBoundary(grid, [{ x: 0, y: 0, label: "a" }]));
    expect(s.layer.map((l) => l.mark.type)).toEqual(["rect", "point"]);
    expect(() => decisionBoundary([{ x: 0, y: 0 }], [])).toThrow('decisionBoundary: grid[0] has no "class"');
    expect(() => decisionBoundary(grid, [{ x: 0, y: 0 } as never])).toThrow(
      'decisionBoundary: points[0] has no "label"',
    );
  });
});

describe("schedulePlot", () => {
  it("draws step lines on a log axis by default and drops rates ≤ 0 there with a note", () => {
    const rows = [0, 1, 2].map((step) => ({ schedule: "cosine", step, lr: [0.1, 0.05, 0][step] }));
    const s = spec(schedulePlot(rows));
    expect(s.layer[0].data.values.map((r) => r.lr)).toEqual([0.1, 0.05]);
    expect(s.layer[0].encoding.y.scale).toEqual({ type: "log", domain: [0.05, 0.1], nice: false }); // bounded to the data
    expect(s.title.subtitle).toEqual(["dropped 1 rate ≤ 0 (log axis)"]);
    expect(spec(schedulePlot(rows, { logY: false })).layer[0].data.values).toHaveLength(3);
    expect(() => schedulePlot([{ schedule: "x", step: 0, lr: NaN }])).toThrow(
      "schedulePlot: no finite learning rate > 0 among 1 rows",
    );
  });
});
