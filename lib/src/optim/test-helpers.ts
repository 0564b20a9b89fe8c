import { Tensor } from "../tensor";
import { Parameter } from "../nn/module";

/** A float64 parameter from nested rows (tests only). */
export function param64(rows: number[][]): Parameter {
  return new Parameter(Tensor.fromRows(rows, "float64"));
}

/** Sets a parameter's gradient to the given values (all entries when a single number). */
export function setGrad(p: Parameter, g: number | number[]): void {
  if (typeof g === "number") p.grad.data.fill(g);
  else p.grad.data.set(g);
}

/** Runs `steps` optimizer steps with the gradient of f(w) = ½ Σ c_i w_i² (g_i = c_i w_i), c = 1, 2, 3, …. */
export function runQuadratic(opt: { step(): void }, params: Parameter[], steps: number): void {
  for (let t = 0; t < steps; t++) {
    for (const p of params) for (let i = 0; i < p.value.size; i++) p.grad.data[i] = (i + 1) * p.value.data[i];
    opt.step();
  }
}

/** Steps a one-weight float64 parameter (w starts at 1) with the given gradient per step; returns w after each step. */
export function traceSteps(make: (p: Parameter[]) => { step(): void }, grads: number[]): number[] {
  const p = param64([[1]]);
  const opt = make([p]);
  return grads.map((g) => {
    setGrad(p, g);
    opt.step();
    return p.value.data[0];
  });
}
