/**
 * Small runtime schemas for options objects and config sections: which keys exist, and what each value must be.
 * Every check names the field, so a typo or a bad value is an error that says where it is (torch raises
 * `TypeError: SGD.__init__() got an unexpected keyword argument 'momentun'`; we say the same and suggest the
 * nearest valid name).
 */
import { didYouMean, nearest } from "./suggest";

/** What one field must hold. Numbers are finite unless `allowInfinity`; `min`/`max` are inclusive bounds. */
export type Field =
  | {
      kind: "number";
      integer?: boolean;
      min?: number;
      max?: number;
      above?: number;
      below?: number;
      required?: boolean;
    }
  | { kind: "boolean"; required?: boolean }
  | { kind: "string"; oneOf?: readonly string[]; required?: boolean }
  | { kind: "integers"; min?: number; max?: number; required?: boolean }
  | { kind: "object"; required?: boolean }
  | { kind: "array"; required?: boolean }
  | { kind: "function"; required?: boolean }
  /** Anything: the key exists, its value is checked elsewhere. */
  | { kind: "any"; required?: boolean };

export type Schema = Record<string, Field>;

/** The number variant of Field (so `{ ...positiveInteger, max: 10 }` type-checks). */
export type NumberField = Extract<Field, { kind: "number" }>;

export const positiveInteger: NumberField = { kind: "number", integer: true, min: 1 };
export const nonNegativeInteger: NumberField = { kind: "number", integer: true, min: 0 };
export const nonNegative: NumberField = { kind: "number", min: 0 };

/**
 * Throws when `obj` has a key that is not in `valid`, naming the key, the nearest valid one and all valid ones.
 * `where` names the object, e.g. `SGD()` or `config.optim`. With `typosOnly`, only keys near a valid one are errors
 * (for options objects that are often built by spreading a larger object, like `fit({ ...parts, epochs: 2 })`).
 */
export function checkKnownKeys(obj: object, valid: readonly string[], where: string, typosOnly = false): void {
  for (const key of Object.keys(obj)) {
    if (valid.includes(key) || (typosOnly && nearest(key, valid) === undefined)) continue;
    throw new TypeError(
      `${where} got an unexpected option "${key}".${didYouMean(key, valid)} Valid options: ${valid.join(", ")}.`,
    );
  }
}

function describe(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (Array.isArray(v)) return JSON.stringify(v);
  return String(v);
}

/** The reason `value` does not fit `field`, or undefined when it fits. */
export function fieldProblem(value: unknown, f: Field): string | undefined {
  switch (f.kind) {
    case "number": {
      if (typeof value !== "number") return "must be a number";
      if (!Number.isFinite(value)) return "must be a finite number";
      if (f.integer && !Number.isInteger(value)) return "must be an integer";
      if (f.min !== undefined && value < f.min) return f.min === 1 && f.integer ? "must be ≥ 1" : `must be ≥ ${f.min}`;
      if (f.max !== undefined && value > f.max) return `must be ≤ ${f.max}`;
      if (f.above !== undefined && !(value > f.above)) return `must be > ${f.above}`;
      if (f.below !== undefined && !(value < f.below)) return `must be < ${f.below}`;
      return undefined;
    }
    case "boolean":
      return typeof value === "boolean" ? undefined : "must be true or false";
    case "string":
      if (typeof value !== "string") return "must be a string";
      return f.oneOf && !f.oneOf.includes(value)
        ? `must be one of ${f.oneOf.map((s) => `"${s}"`).join(", ")}${didYouMean(value, f.oneOf)}`
        : undefined;
    case "integers":
      if (!Array.isArray(value)) return "must be a list of integers";
      for (const [i, v] of value.entries()) {
        const p = fieldProblem(v, { kind: "number", integer: true, min: f.min, max: f.max });
        if (p) return `[${i}] = ${describe(v)} ${p}`;
      }
      return undefined;
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value) ? undefined : "must be an object";
    case "array":
      return Array.isArray(value) ? undefined : "must be a list";
    case "function":
      return typeof value === "function" ? undefined : "must be a function";
    case "any":
      return undefined;
  }
}

/**
 * Checks an options object against its schema: no unknown keys, every required key present, every present value
 * of the right type and range (`typosOnly`: see checkKnownKeys). `where` names the object in the message, e.g. "config.data" or "StepLR()".
 *
 * @example
 *   checkObject({ epochs: 1.5 }, { epochs: positiveInteger }, "config");
 *   // TypeError: config.epochs = 1.5 must be an integer
 */
export function checkObject(obj: unknown, schema: Schema, where: string, typosOnly = false): void {
  if (typeof obj !== "object" || obj === null || Array.isArray(obj))
    throw new TypeError(`${where} must be an object, got ${describe(obj)}`);
  checkKnownKeys(obj, Object.keys(schema), where, typosOnly);
  const o = obj as Record<string, unknown>;
  const prefix = where.endsWith("()") ? `${where}: ` : `${where}.`;
  for (const [key, f] of Object.entries(schema)) {
    if (o[key] === undefined || o[key] === null) {
      // null = absent (a notebook writes `schedule: null` for "no schedule")
      if (f.required) throw new TypeError(`${prefix}${key} is required but missing`);
      continue;
    }
    const problem = fieldProblem(o[key], f);
    if (problem) throw new TypeError(`${prefix}${key} = ${describe(o[key])} ${problem}`);
  }
}

/**
 * A class's options merged over its defaults after checking them: unknown keys are an error (torch: "got an
 * unexpected keyword argument"), and a value whose type differs from the default's is an error naming the option.
 *
 * @example
 *   withOptions("SGD", { lr: 1e-3, momentum: 0 }, { momentun: 0.9 });
 *   // TypeError: SGD() got an unexpected option "momentun". Did you mean "momentum"? Valid options: lr, momentum.
 */
export function withOptions<O extends object>(className: string, defaults: O, options: object): O {
  const where = `${className}()`;
  checkKnownKeys(options, Object.keys(defaults), where);
  for (const [key, v] of Object.entries(options)) {
    const d = (defaults as Record<string, unknown>)[key];
    if (v === undefined || d === undefined) continue;
    const ok = Array.isArray(d) ? Array.isArray(v) : typeof v === typeof d;
    if (!ok) throw new TypeError(`${where}: ${key} = ${describe(v)} must be a ${Array.isArray(d) ? "list" : typeof d}`);
  }
  return { ...defaults, ...options };
}
