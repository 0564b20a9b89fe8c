import { describe, expect, it, vi } from "vitest";
import { checkClose, checkTrue, ExerciseFailed } from "./exercise";

describe("exercise checks", () => {
  it("pass quietly with a ✓ line and fail with a clear error", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    checkClose("sqrt(2)", Math.SQRT2, 1.41421356237, { rtol: 1e-9 });
    expect(log).toHaveBeenCalledWith("✓ sqrt(2): passed");
    expect(() => checkClose("v", [1, 2, 3], [1, 2, 3.1])).toThrow(/expected 3.1 at index 2, got 3/);
    expect(() => checkClose("v", [1, 2], [1, 2, 3])).toThrow(ExerciseFailed);
    expect(() => checkTrue("loss went down", false, "0.9 → 1.2")).toThrow("✗ loss went down: 0.9 → 1.2");
    checkTrue("ok", true);
    log.mockRestore();
  });
});
