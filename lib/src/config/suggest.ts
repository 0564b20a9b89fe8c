/**
 * "Did you mean …?" for a mistyped option name: the valid name at the smallest edit distance (Levenshtein: the
 * fewest single-character insertions, deletions and substitutions), if it is close enough to be a likely typo.
 */

/** The Levenshtein distance between two strings (case-sensitive). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The candidate nearest to `name`, or undefined when none is within a third of the name's length (at least 2
 * edits allowed; a difference only in upper/lower case always counts as near).
 *
 * @example
 *   nearest("momentun", ["lr", "momentum", "nesterov"]);  // "momentum"
 */
export function nearest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = c.toLowerCase() === name.toLowerCase() ? 0 : editDistance(name, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/** ` Did you mean "momentum"?` when a near candidate exists, else "". */
export function didYouMean(name: string, candidates: readonly string[]): string {
  const n = nearest(name, candidates);
  return n === undefined ? "" : ` Did you mean "${n}"?`;
}
