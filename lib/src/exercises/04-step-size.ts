/**
 * Checks for notebook 04 (step size): the largest stable step on a quadratic, and "drop η by a factor when
 * learning appears stuck" written by hand.
 */
import { ExerciseFailed, checkClose } from "../exercise";
import { plateauValues } from "../optim/schedulers/reduce-lr-on-plateau";

/** A symmetric 2×2 Hessian [[a, b], [b, c]]. */
export type Hessian2 = [[number, number], [number, number]];

/** The exact answer: 2/λmax with λmax = (a + c)/2 + √(((a − c)/2)² + b²), the larger eigenvalue. */
function stableLimit([[a, b], [, c]]: Hessian2): number {
  return 2 / ((a + c) / 2 + Math.hypot((a - c) / 2, b));
}

/** The Hessians checked: the notebook's bowl, the same bowl turned by 30° and 45°, and a coupled one. */
function testHessians(): Hessian2[] {
  const turned = (deg: number): Hessian2 => {
    const [co, si] = [Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180)];
    // R diag(0.2, 4) Rᵀ: the bowl 0.1·u² + 2·v² in coordinates turned by `deg`.
    const [l1, l2] = [0.2, 4];
    return [
      [l1 * co * co + l2 * si * si, (l1 - l2) * co * si],
      [(l1 - l2) * co * si, l1 * si * si + l2 * co * co],
    ];
  };
  return [
    [
      [0.2, 0],
      [0, 4],
    ],
    turned(30),
    turned(45),
    [
      [3, 1],
      [1, 3],
    ],
  ];
}

/**
 * Exercise 1: `largestStableLr(h)` must return the step size above which gradient descent on f(x) = ½ xᵀHx
 * diverges, 2/λmax(H), for symmetric 2×2 Hessians — including turned ones, where the diagonal alone misleads.
 */
export function checkLargestStableLr(fn: (h: Hessian2) => number): void {
  const hs = testHessians();
  const names = ["the bowl diag(0.2, 4)", "the bowl turned by 30°", "the bowl turned by 45°", "[[3, 1], [1, 3]]"];
  hs.forEach((h, i) => {
    const got = fn(h.map((r) => [...r]) as Hessian2);
    if (typeof got !== "number" || !Number.isFinite(got)) {
      throw new ExerciseFailed(`✗ largest stable η for ${names[i]}: expected a finite number, got ${String(got)}`);
    }
    checkClose(`largest stable η for ${names[i]}`, got, stableLimit(h), { rtol: 1e-9, atol: 0 });
  });
}

/** A made-up validation-loss sequence on which the usual slips (patience off by one, no threshold, no reset) differ. */
export const MADE_UP_LOSSES = [
  1.0, 0.8, 0.7, 0.71, 0.72, 0.69, 0.69, 0.695, 0.7, 0.5, 0.55, 0.56, 0.57, 0.58, 0.5, 0.49995,
];

/**
 * Exercise 2: `dropWhenStuck(losses, eta0, factor, patience)` must return the learning rate in effect after each
 * evaluation, exactly like torch's `ReduceLROnPlateau(mode="min", factor, patience, threshold=1e-4)` (relative
 * threshold, counter reset after a drop, no cooldown) — compared with the library's `plateauValues` on a made-up
 * sequence for patience 1 and 2 and, if given, on a real run's validation losses.
 */
export function checkDropWhenStuck(
  fn: (losses: number[], eta0: number, factor: number, patience: number) => number[],
  realLosses?: number[],
): void {
  const cases: [string, number[], number, number][] = [1, 2].map((p) => [
    `made-up losses, patience ${p}`,
    MADE_UP_LOSSES,
    0.1,
    p,
  ]);
  if (realLosses) cases.push(["the run's validation losses, patience 1", realLosses, 2, 1]);
  for (const [name, losses, eta0, patience] of cases) {
    const want = plateauValues(eta0, losses, { factor: 0.1, patience }).lr;
    checkClose(name, fn([...losses], eta0, 0.1, patience), want, { rtol: 1e-12, atol: 0 });
  }
}
