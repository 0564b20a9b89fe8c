/**
 * `sweep`'s checks, all made before any run starts: its options (no unknown keys; `seeds` a positive integer or a
 * non-empty list of integers; `derive` values functions), and every config it will run. A knob path or derive key
 * that names no real field (`"optim.momentun"`) would otherwise add an unknown key that every run ignores, and the
 * sweep would compare the same config with itself; here it is an error with the nearest valid name.
 */
import { checkObject, fieldProblem, type Field, type Schema } from "../config/fields";
import type { RunConfig } from "./config";
import type { SweepOptions } from "./sweep";
import { validateRunConfig } from "./validate-config";

const sweepSchema = {
  seeds: { kind: "any" },
  workers: { kind: "any" },
  live: { kind: "boolean" },
  derive: { kind: "object" },
  label: { kind: "function" },
} satisfies Record<keyof SweepOptions, Field>;

/** Checks sweep's options and returns its seeds (default 3 seeds: 0, 1, 2). */
export function validateSweepOptions(options: SweepOptions): number[] {
  checkObject(options, sweepSchema as Schema, "sweep options");
  for (const [key, f] of Object.entries(options.derive ?? {}))
    if (typeof f !== "function")
      throw new TypeError(`sweep options.derive["${key}"] must be a function of the knob's value, got ${String(f)}`);
  const w = options.workers;
  if (w !== undefined && w !== "auto" && fieldProblem(w, { kind: "number", integer: true, min: 1 }))
    throw new TypeError(`sweep options.workers = ${String(w)} must be "auto" or a positive integer`);
  const seeds = options.seeds ?? 3;
  if (typeof seeds === "number") {
    const p = fieldProblem(seeds, { kind: "number", integer: true, min: 1 });
    if (p) throw new TypeError(`sweep options.seeds = ${seeds} ${p} (a number of seeds) or a list of seeds`);
    return [...Array(seeds).keys()];
  }
  const p = fieldProblem(seeds, { kind: "integers" });
  if (p) throw new TypeError(`sweep options.seeds ${p}`);
  if (!seeds.length) throw new TypeError("sweep options.seeds is an empty list: give at least one seed");
  return seeds;
}

/** Checks one config a sweep built; the error names the knob (or derive key) and its value. */
export function checkSweptConfig(
  config: RunConfig,
  knob: string,
  value: unknown,
  derive: SweepOptions["derive"],
): void {
  try {
    validateRunConfig(config);
  } catch (e) {
    const keys = [knob, ...Object.keys(derive ?? {})].map((k) => `"${k}"`).join(", ");
    const v = typeof value === "object" ? JSON.stringify(value) : String(value);
    throw new TypeError(`sweep: the config for ${knob} = ${v} (set by ${keys}) is invalid: ${(e as Error).message}`);
  }
}
