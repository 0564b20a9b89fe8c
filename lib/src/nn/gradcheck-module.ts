import { Tensor, randn } from "../tensor";
import { Rng } from "../rng";
import { Module, type Loss, type Parameter } from "./module";
import { compareGradients, numericGradient, type GradCheckOptions } from "../gradcheck";

/** One row of a module check: a parameter (dotted name) or the input ("input"). */
export interface GradCheckRow {
  name: string;
  shape: [number, number];
  maxRelError: number;
  maxAbsError: number;
  pass: boolean;
}

/** gradCheckModule's report: a row per trainable parameter plus the input, `pass` if all pass, a table as text. */
export interface GradCheckReport {
  rows: GradCheckRow[];
  pass: boolean;
  tol: number;
  toString(): string;
}

/** Options of gradCheckModule: a loss and target (else ⟨output, G⟩ with a seeded random upstream gradient G). */
export interface GradCheckModuleOptions<T> extends GradCheckOptions {
  loss?: Loss<T>;
  target?: T;
  /** Seed of the random upstream gradient G (default 0). */
  seed?: number;
}

/**
 * Checks a module's backward against central differences, in float64: every trainable parameter and the input.
 * The objective is loss(module(x), target), or Σ module(x) ⊙ G for a seeded random G ~ N(0, 1) if no loss is given.
 * The module's parameters are swapped for float64 copies during the check and everything is restored afterwards:
 * values, grads, buffers (BatchNorm's running stats) and the state of any `rng` a submodule holds — which also
 * makes Dropout draw the same mask in every evaluation. Uses the module's current train/eval mode.
 *
 * @example
 *   const report = gradCheckModule(new Linear(3, 2, { seed: 0 }), Tensor.fromRows([[1, 2, 3]]));
 *   report.pass; String(report); // a table: name, shape, max rel error, max abs error, pass
 */
export function gradCheckModule<T>(
  module: Module,
  input: Tensor,
  opts: GradCheckModuleOptions<T> = {},
): GradCheckReport {
  const { loss, delta = 1e-5, tol = 1e-6, seed = 0 } = opts;
  if (loss && opts.target === undefined) throw new Error("gradCheckModule: a loss needs a target");
  const target = (opts.target instanceof Tensor ? opts.target.toFloat64() : opts.target) as T;
  const saved = module.parameters().map((p) => ({ p, value: p.value, grad: p.grad })); // all go float64
  const params = module.namedParameters().filter(([, p]) => p.requiresGrad); // frozen ones have no gradient
  const buffers = module.namedBuffers().map(([, b]) => ({ b, data: b.data.slice() }));
  const rngs = modulesOf(module).flatMap((m) => {
    const rng = (m as { rng?: unknown }).rng;
    return rng instanceof Rng ? [{ rng, state: rng.getState() }] : [];
  });
  const restore = (): void => {
    for (const { b, data } of buffers) b.data.set(data);
    for (const { rng, state } of rngs) rng.setState(state);
  };
  const x = input.toFloat64();
  let G: Tensor | undefined;
  const objective = (): number => {
    restore();
    const out = module.forward(x);
    if (loss) return loss.forward(out, target);
    G ??= randn(out.rows, out.cols, new Rng(seed), 1, 0, "float64");
    let s = 0;
    for (let k = 0; k < out.size; k++) s += out.data[k] * G.data[k];
    return s;
  };
  try {
    for (const s of saved) swap(s.p, s.value.toFloat64(), Tensor.zeros(s.value.rows, s.value.cols, "float64"));
    objective();
    const dx = module.backward(loss ? loss.backward() : (G as Tensor)).clone();
    const checks: [string, Tensor, Tensor][] = params.map(([n, p]) => [n, p.value, p.grad.clone()]);
    checks.push(["input", x, dx]);
    const rows = checks.map(([name, t, g]): GradCheckRow => {
      const c = compareGradients(g.data, numericGradient(objective, t.data, delta), opts);
      return { name, shape: [t.rows, t.cols], maxRelError: c.maxRelError, maxAbsError: c.maxAbsError, pass: c.pass };
    });
    const pass = rows.every((r) => r.pass);
    return { rows, pass, tol, toString: () => formatReport(module, rows, pass, tol) };
  } finally {
    for (const s of saved) swap(s.p, s.value, s.grad);
    restore();
  }
}

function swap(p: Parameter, value: Tensor, grad: Tensor): void {
  p.value = value;
  p.grad = grad;
}

function modulesOf(m: Module): Module[] {
  return [m, ...m.namedChildren().flatMap(([, c]) => modulesOf(c))];
}

function formatReport(module: Module, rows: GradCheckRow[], pass: boolean, tol: number): string {
  const w = Math.max(5, ...rows.map((r) => r.name.length));
  const head = `gradCheckModule(${module.describe()}): ${pass ? "PASS" : "FAIL"} (tol ${tol.toExponential()})`;
  const line = (c: string[]) =>
    [c[0].padEnd(w), c[1].padEnd(10), c[2].padStart(12), c[3].padStart(12), "  " + c[4]].join("  ");
  const body = rows.map((r) =>
    line([
      r.name,
      `[${r.shape.join(", ")}]`,
      r.maxRelError.toExponential(2),
      r.maxAbsError.toExponential(2),
      r.pass ? "ok" : "FAIL",
    ]),
  );
  return [head, line(["name", "shape", "max rel err", "max abs err", "pass"]), ...body].join("\n");
}
