/** One difference between two configs: a dotted path and its value before and after (undefined: absent). */
export interface ConfigChange {
  path: string;
  from: unknown;
  to: unknown;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/**
 * What changes from config `a` to config `b`, as dotted paths (objects are compared key by key; arrays and other
 * values as a whole) — e.g. what each rung of an ablation ladder adds. Keys in the order they first appear.
 * @example configDiff(naive, recipe)   // [{ path: "optim.lr", from: 0.01, to: 0.1 }, { path: "model.init", from: undefined, to: "kaiming" }]
 */
export function configDiff(a: unknown, b: unknown, path = ""): ConfigChange[] {
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => configDiff(a[k], b[k], path ? `${path}.${k}` : k));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [{ path: path || "(whole config)", from: a, to: b }];
}

/**
 * The changes from `a` to `b` in one line, "optim.lr: 0.01 → 0.1; model.init: — → "kaiming"" ("—" for absent),
 * or "no change".
 */
export function describeConfigDiff(a: unknown, b: unknown): string {
  const changes = configDiffLines(a, b);
  return changes.length ? changes.join("; ") : "no change";
}

/**
 * The changes from `a` to `b` as readable lines, one per changed key ("—" for a missing key).
 * @example configDiffLines(a, b)   // ["optim.lr: 0.01 → 0.1", "optim.momentum: — → 0.9"]
 */
export function configDiffLines(a: unknown, b: unknown): string[] {
  const show = (v: unknown) => (v === undefined ? "—" : JSON.stringify(v));
  return configDiff(a, b).map((c) => `${c.path}: ${show(c.from)} → ${show(c.to)}`);
}
