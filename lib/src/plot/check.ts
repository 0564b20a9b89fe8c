/**
 * Input checks shared by the plot builders, so a bad row fails with a message that names the builder, the
 * row and the field instead of drawing a blank chart.
 */

/** Throws `<builder>: no rows to plot` for an empty (or missing) array. */
export function requireRows<T>(builder: string, rows: readonly T[] | undefined, what = "rows"): readonly T[] {
  if (!Array.isArray(rows) || rows.length === 0) {
    throw new Error(`${builder}: no ${what} to plot (got ${Array.isArray(rows) ? "an empty array" : String(rows)})`);
  }
  return rows;
}

function show(row: unknown): string {
  const text = JSON.stringify(row) ?? String(row);
  return text.length > 120 ? text.slice(0, 117) + "..." : text;
}

/**
 * Throws unless every row has a number in `field`. NaN and ±Infinity pass: they are numbers, and each
 * builder decides (and documents) what it does with them.
 */
export function requireNumberField(builder: string, rows: readonly object[], field: string, what = "rows"): void {
  rows.forEach((row, i) => {
    const v = (row as Record<string, unknown>)[field];
    if (typeof v !== "number") {
      throw new Error(`${builder}: ${what}[${i}] has no numeric "${field}" (got ${show(v)}) in ${show(row)}`);
    }
  });
}

/** Throws unless every row has `field` set (not undefined). */
export function requireField(builder: string, rows: readonly object[], field: string, what = "rows"): void {
  rows.forEach((row, i) => {
    if ((row as Record<string, unknown>)[field] === undefined) {
      throw new Error(`${builder}: ${what}[${i}] has no "${field}" in ${show(row)}`);
    }
  });
}

/** Splits rows into those whose selected numbers are all finite and the count of the others. */
export function keepFinite<T>(rows: readonly T[], values: (row: T) => number[]): { kept: T[]; dropped: number } {
  const kept = rows.filter((row) => values(row).every((v) => Number.isFinite(v)));
  return { kept, dropped: rows.length - kept.length };
}

/** "1 value", "3 values": a count with its noun (given in the plural) in the right number. */
export function plural(n: number, nouns: string): string {
  return `${n} ${n === 1 ? nouns.replace(/s$/, "") : nouns}`;
}

/** The subtitle line that says how many non-finite values a builder dropped (empty when none). */
export function droppedNote(dropped: number, what = "values"): string[] {
  return dropped > 0 ? [`dropped ${plural(dropped, what)} (NaN or ±Infinity), e.g. from a diverged run`] : [];
}

/**
 * The subtitle line naming the runs that diverged (a sweep's "diverged" rows): their lines end where the rule
 * stopped them, e.g. "diverged, line ends: lr 100 (seeds 0, 1), lr 1e+6 (seed 0)". Empty when none did.
 */
export function divergedNote(rows: readonly { run: string; seed: number; metric: string }[]): string[] {
  const seeds = new Map<string, number[]>();
  for (const r of rows) if (r.metric === "diverged") seeds.set(r.run, [...(seeds.get(r.run) ?? []), r.seed]);
  if (!seeds.size) return [];
  const parts = [...seeds].map(([run, s]) => `${run} (${s.length === 1 ? "seed" : "seeds"} ${s.join(", ")})`);
  return [`diverged, line ends: ${parts.slice(0, 4).join(", ")}${parts.length > 4 ? ", …" : ""}`];
}

/** Distinct values in order of first appearance; numbers (all numeric) are sorted ascending instead. */
export function distinctInOrder<T>(values: readonly T[]): T[] {
  const out = [...new Set(values)];
  if (out.every((v) => typeof v === "number")) (out as number[]).sort((a, b) => a - b);
  return out;
}
