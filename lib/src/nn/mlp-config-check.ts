import { checkObject, type Field, type Schema } from "../config/fields";
import type { MlpConfig } from "./mlp";

/**
 * The runtime schema of `MlpConfig` (it lists exactly the type's keys: `satisfies`), checked by `mlp` and by a run
 * config's `model` section: `{ sizes, activaton: "relu" }` is an error that suggests `activation`, not a ReLU MLP
 * that silently ignored the key.
 */
const mlpSchema = {
  sizes: { kind: "any", required: true }, // checked below
  activation: { kind: "string" }, // checked by the activation lookup (its message lists the names)
  init: { kind: "any" }, // a name or { normalStd } / { normalVariance }: checked by the init code
  batchNorm: { kind: "boolean" },
  dropout: { kind: "number" }, // its range: torch's message in Dropout
  bias: { kind: "boolean" },
  biasInit: { kind: "number" },
  dtype: { kind: "string", oneOf: ["float32", "float64"] },
} satisfies Record<keyof MlpConfig, Field>;

/** Throws a TypeError naming the first unknown key or bad value of an MLP config; `where` names it in the message. */
export function checkMlpConfig(config: MlpConfig, where = "mlp config"): void {
  checkObject(config, mlpSchema as Schema, where);
  const { sizes } = config;
  if (!Array.isArray(sizes) || sizes.length < 2 || !sizes.every((s) => Number.isInteger(s) && s > 0)) {
    throw new Error(
      `mlp: sizes must list at least two positive integers [inputs, …, outputs], got ${JSON.stringify(sizes)}`,
    );
  }
  const p = config.dropout ?? 0;
  if (!(p >= 0 && p <= 1)) throw new Error(`dropout probability has to be between 0 and 1, but got ${p}`); // torch's
}
