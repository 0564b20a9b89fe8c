/**
 * A 2-D loss surface for drawing optimizer trajectories on a contour plot (d2l's `show_trace_2d`): the function,
 * its exact gradient, where its minimum is, a plotting window and a suggested starting point.
 */
export interface LossSurface {
  name: string;
  f(x: number, y: number): number;
  grad(x: number, y: number): [number, number];
  minimum: [number, number];
  xRange: [number, number];
  yRange: [number, number];
  /** A starting point that shows the surface's difficulty (d2l starts the bowl at (-5, -2)). */
  start: [number, number];
}

/**
 * The ill-conditioned bowl f(x1, x2) = a·x1² + b·x2² (d2l's 0.1·x1² + 2·x2²): curvature 2a along x1 and 2b along
 * x2, so gradient descent with a rate safe for x2 (lr < 1/b) crawls along x1 — the case for momentum and Adam.
 *
 * @example const s = quadraticBowl(); s.grad(-5, -2); // [-1, -8]
 */
export function quadraticBowl(opts: { a?: number; b?: number } = {}): LossSurface {
  const a = opts.a ?? 0.1;
  const b = opts.b ?? 2;
  if (!(a > 0 && b > 0)) throw new Error(`quadraticBowl: a and b must be positive, got a=${a}, b=${b}`);
  return {
    name: `quadratic bowl ${a}·x1² + ${b}·x2²`,
    f: (x, y) => a * x * x + b * y * y,
    grad: (x, y) => [2 * a * x, 2 * b * y],
    minimum: [0, 0],
    xRange: [-6, 6],
    yRange: [-3, 3],
    start: [-5, -2],
  };
}

/**
 * The same bowl with its axes turned by `degrees` (counter-clockwise): f(w) = a·u² + b·v² with
 * u = cos θ·x + sin θ·y, v = −sin θ·x + cos θ·y. Per-coordinate methods (Adagrad, RMSprop, Adam) lose their edge
 * when the narrow valley is not aligned with a coordinate axis.
 *
 * @example rotatedQuadratic({ degrees: 45 }).f(1, 1); // a·2 + b·0 = 0.2
 */
export function rotatedQuadratic(opts: { degrees?: number; a?: number; b?: number } = {}): LossSurface {
  const deg = opts.degrees ?? 45;
  const a = opts.a ?? 0.1;
  const b = opts.b ?? 2;
  if (!(a > 0 && b > 0)) throw new Error(`rotatedQuadratic: a and b must be positive, got a=${a}, b=${b}`);
  const c = Math.cos((deg * Math.PI) / 180);
  const s = Math.sin((deg * Math.PI) / 180);
  return {
    name: `rotated quadratic (${deg}°) ${a}·u² + ${b}·v²`,
    f: (x, y) => {
      const u = c * x + s * y;
      const v = -s * x + c * y;
      return a * u * u + b * v * v;
    },
    // Chain rule: ∂f/∂x = 2a·u·∂u/∂x + 2b·v·∂v/∂x with ∂u/∂x = c, ∂v/∂x = −s (and s, c for y).
    grad: (x, y) => {
      const u = c * x + s * y;
      const v = -s * x + c * y;
      return [2 * a * u * c - 2 * b * v * s, 2 * a * u * s + 2 * b * v * c];
    },
    minimum: [0, 0],
    xRange: [-6, 6],
    yRange: [-6, 6],
    start: [-5 * c + 2 * s, -5 * s - 2 * c], // d2l's (-5, -2), turned with the bowl
  };
}

/**
 * Rosenbrock's banana valley f(x, y) = (a − x)² + b·(y − x²)², minimum 0 at (a, a²); the gradient is
 * [−2(a − x) − 4b·x·(y − x²), 2b·(y − x²)]. Easy to reach the valley, slow to follow it.
 *
 * @example rosenbrock().grad(0, 0); // [-2, 0]
 */
export function rosenbrock(opts: { a?: number; b?: number } = {}): LossSurface {
  const a = opts.a ?? 1;
  const b = opts.b ?? 100;
  return {
    name: `Rosenbrock (a=${a}, b=${b})`,
    f: (x, y) => (a - x) ** 2 + b * (y - x * x) ** 2,
    grad: (x, y) => [-2 * (a - x) - 4 * b * x * (y - x * x), 2 * b * (y - x * x)],
    minimum: [a, a * a],
    xRange: [-2, 2],
    yRange: [-1, 3],
    start: [-1.2, 1], // Rosenbrock's classic starting point
  };
}

/**
 * The surface sampled on an n × n grid (default 60, the window of the surface unless given), as long-format rows
 * `{ x, y, z }` ready for a Vega-Lite contour or heatmap.
 *
 * @example surfaceGrid(quadraticBowl(), { n: 3 }); // 9 rows, x and y in {-6, 0, 6} × {-3, 0, 3}
 */
export function surfaceGrid(
  surface: LossSurface,
  opts: { n?: number; xRange?: [number, number]; yRange?: [number, number] } = {},
): { x: number; y: number; z: number }[] {
  const n = opts.n ?? 60;
  if (!Number.isInteger(n) || n < 2) throw new Error(`surfaceGrid: n must be an integer >= 2, got ${n}`);
  const [x0, x1] = opts.xRange ?? surface.xRange;
  const [y0, y1] = opts.yRange ?? surface.yRange;
  const rows: { x: number; y: number; z: number }[] = [];
  for (let i = 0; i < n; i++) {
    const y = y0 + ((y1 - y0) * i) / (n - 1);
    for (let j = 0; j < n; j++) {
      const x = x0 + ((x1 - x0) * j) / (n - 1);
      rows.push({ x, y, z: surface.f(x, y) });
    }
  }
  return rows;
}
