import { describe, expect, it } from "vitest";
import { trajectoryRows } from "./trajectory-rows";

describe("trajectoryRows", () => {
  it("gives one row per iterate and path, named after the path", () => {
    const rows = trajectoryRows([
      {
        name: "a",
        points: [
          [0, 0],
          [1, 1],
        ],
        losses: [4, 2],
      },
      { name: "b", points: [[0, 0]], losses: [9] },
    ]);
    expect(rows.map((r) => [r.run, r.step, r.value])).toEqual([
      ["a", 0, 4],
      ["a", 1, 2],
      ["b", 0, 9],
    ]);
    expect(rows.every((r) => r.metric === "f" && r.split === "train")).toBe(true);
  });
});
