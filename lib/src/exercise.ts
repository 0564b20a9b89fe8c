/**
 * Checks for notebook exercises. The instructor's solution sits between `// BEGIN SOLUTION` and `// END SOLUTION`;
 * the next cell calls these checks, which print a clear ✓ line when the answer is right and throw an `ExerciseFailed`
 * error (a red cell, and a failure for an autograder) when it is not.
 *
 * @example
 *   checkClose("Kaiming std for fan_in = 256", kaimingStd(256), Math.sqrt(2 / 256));
 */
export class ExerciseFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ExerciseFailed";
  }
}

/** Passes when |actual − expected| ≤ atol + rtol·|expected| for every entry (numbers or arrays of numbers). */
export function checkClose(
  name: string,
  actual: number | ArrayLike<number>,
  expected: number | ArrayLike<number>,
  { rtol = 1e-6, atol = 1e-9 }: { rtol?: number; atol?: number } = {},
): void {
  const a = typeof actual === "number" ? [actual] : Array.from(actual ?? []);
  const e = typeof expected === "number" ? [expected] : Array.from(expected);
  if (a.length !== e.length) throw new ExerciseFailed(`✗ ${name}: expected ${e.length} values, got ${a.length}`);
  for (let i = 0; i < e.length; i++) {
    const ok = Math.abs(a[i] - e[i]) <= atol + rtol * Math.abs(e[i]);
    if (!ok) {
      const at = e.length > 1 ? ` at index ${i}` : "";
      throw new ExerciseFailed(`✗ ${name}: expected ${e[i]}${at}, got ${a[i]} (rtol ${rtol}, atol ${atol})`);
    }
  }
  console.log(`✓ ${name}: passed`);
}

/** Passes when the condition holds; `detail` says what was measured. */
export function checkTrue(name: string, condition: boolean, detail = ""): void {
  if (!condition) throw new ExerciseFailed(`✗ ${name}${detail ? `: ${detail}` : ""}`);
  console.log(`✓ ${name}: passed${detail ? ` (${detail})` : ""}`);
}
