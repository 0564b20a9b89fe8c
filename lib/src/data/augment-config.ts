import { didYouMean } from "../config/suggest";
import { type Augmentation, compose, gaussianNoise, hflip, intensityJitter, rotate, scale, translate } from "./augment";

/**
 * An augmentation by name with some of its options, e.g. `{ name: "rotate", maxDegrees: 10 }`; the factory's
 * defaults fill the rest. Every `AugmentConfig` (an augmentation's `.config`) is one.
 */
export type AugmentSpec = { name: string; [option: string]: unknown };

const factories: Record<string, { make: (o: any) => Augmentation; options: string[] }> = {
  translate: { make: translate, options: ["maxShift"] },
  rotate: { make: rotate, options: ["maxDegrees", "degrees"] },
  scale: { make: scale, options: ["min", "max"] },
  hflip: { make: hflip, options: ["p"] },
  gaussianNoise: { make: gaussianNoise, options: ["mean", "std", "clip"] },
  intensityJitter: { make: intensityJitter, options: ["brightness", "contrast"] },
};

/**
 * Rebuilds an augmentation from plain JSON (a run config, a checkpoint, a worker thread): one spec, a list of
 * specs (composed in order), or a `{ name: "compose", steps }` config. Unknown names or options are errors, so a
 * typo cannot silently fall back to a default.
 *
 * @example augmentFromConfig([{ name: "rotate", maxDegrees: 10 }, { name: "translate", maxShift: 2 }])
 */
export function fromConfig(spec: AugmentSpec | AugmentSpec[]): Augmentation {
  if (Array.isArray(spec)) return compose(...spec.map(fromConfig));
  if (spec === null || typeof spec !== "object")
    throw new Error(`augmentFromConfig: expected { name, …options }, got ${JSON.stringify(spec)}`);
  const { name, ...options } = spec;
  if (name === "compose") {
    if (!Array.isArray(options.steps))
      throw new Error(`augmentFromConfig: compose needs steps: [...], got ${JSON.stringify(spec)}`);
    return compose(...(options.steps as AugmentSpec[]).map(fromConfig));
  }
  const f = factories[name];
  if (!f) {
    throw new Error(
      `augmentFromConfig: unknown augmentation "${name}"; expected one of ${Object.keys(factories).join(", ")}, compose.` +
        didYouMean(String(name), [...Object.keys(factories), "compose"]),
    );
  }
  for (const [key, value] of Object.entries(options)) {
    if (!f.options.includes(key))
      throw new Error(
        `augmentFromConfig: ${name} has no option "${key}" (options: ${f.options.join(", ")}).${didYouMean(key, f.options)}`,
      );
    if (typeof value === "number" && !Number.isFinite(value))
      throw new Error(`augmentFromConfig: ${name}.${key} = ${value} must be a finite number`);
  }
  return f.make(options);
}
