import { describe, expect, it } from "vitest";
import { Rng, toRng } from "./rng";

const draws = (r: Rng, n: number) => Array.from({ length: n }, () => r.nextUint32());

describe("Rng", () => {
  it("gives the same stream for the same seed and another for another seed", () => {
    expect(draws(new Rng(42), 20)).toEqual(draws(new Rng(42), 20));
    expect(draws(new Rng(42), 20)).not.toEqual(draws(new Rng(43), 20));
    expect(draws(new Rng(), 5)).toEqual(draws(new Rng(0), 5)); // the default seed is 0
    // seeds beyond 2^32 are folded in, not truncated to the low word
    expect(draws(new Rng(2 ** 32 + 1), 5)).not.toEqual(draws(new Rng(1), 5));
    expect(() => new Rng(NaN)).toThrow("Rng: seed must be a finite number, got NaN");
  });

  it("replays from a saved state, and the state is plain JSON", () => {
    const r = new Rng(7);
    r.normal();
    const saved = JSON.parse(JSON.stringify(r.getState()));
    const a = [r.uniform(), r.normal(), r.integers(0, 10)];
    r.setState(saved);
    expect([r.uniform(), r.normal(), r.integers(0, 10)]).toEqual(a);
    const other = new Rng(999);
    other.setState(saved);
    expect(other.uniform()).toBe(a[0]);
    expect(() => r.setState([0, 0, 0, 0])).toThrow("Rng.setState: expected four 32-bit words, not all zero");
  });

  it("fork gives an independent stream: the child's draws do not move the parent", () => {
    const p1 = new Rng(5);
    const p2 = new Rng(5);
    const c1 = p1.fork();
    p2.fork(); // p2 forks too, but its child never draws
    draws(c1, 100); // only c1 draws
    expect(draws(p1, 10)).toEqual(draws(p2, 10));
    expect(draws(c1, 10)).not.toEqual(draws(new Rng(5), 10));
    expect(draws(new Rng(5).fork(), 10)).toEqual(draws(new Rng(5).fork(), 10)); // forks are reproducible
    const r = new Rng(5);
    expect(draws(r.fork(), 10)).not.toEqual(draws(r.fork(), 10)); // two forks differ
  });

  it("uniform lies in [lo, hi) with the right mean; normal has the given mean and std", () => {
    const r = new Rng(1);
    const n = 100_000;
    const u = Array.from({ length: n }, () => r.uniform(2, 6));
    expect(Math.min(...u.slice(0, 50_000))).toBeGreaterThanOrEqual(2);
    expect(Math.max(...u.slice(0, 50_000))).toBeLessThan(6);
    // U(2, 6): mean 4, sd 4/√12 ≈ 1.155, so the sample mean has sd 1.155/√n ≈ 0.0037: 0.02 is > 5 sd
    expect(Math.abs(u.reduce((a, b) => a + b) / n - 4)).toBeLessThan(0.02);
    const z = Array.from({ length: n }, () => r.normal(1, 0.5));
    const m = z.reduce((a, b) => a + b) / n;
    const s = Math.sqrt(z.reduce((a, b) => a + (b - m) ** 2, 0) / n);
    expect(Math.abs(m - 1)).toBeLessThan(0.01); // sd of the mean 0.5/316 ≈ 0.0016
    expect(Math.abs(s - 0.5)).toBeLessThan(0.006); // sd of the sample std 0.5/√(2n) ≈ 0.0011
  });

  it("integers stay in [lo, hi) and hit every value about equally", () => {
    const r = new Rng(3);
    const counts = new Map<number, number>();
    for (let i = 0; i < 60_000; i++) {
      const k = r.integers(-2, 4);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3]);
    // each count is Binomial(60 000, 1/6): mean 10 000, sd ≈ 91; 500 is > 5 sd
    for (const c of counts.values()) expect(Math.abs(c - 10_000)).toBeLessThan(500);
    expect(() => r.integers(3, 3)).toThrow("Rng.integers: need integers lo < hi");
    expect(() => r.integers(0, 1.5)).toThrow("Rng.integers");
  });

  it("shuffle and permutation give permutations; choice without replacement gives distinct indices", () => {
    const r = new Rng(4);
    const a = Array.from({ length: 50 }, (_, i) => i);
    const s = r.shuffle([...a]);
    expect([...s].sort((x, y) => x - y)).toEqual(a);
    expect(s).not.toEqual(a); // 1/50! chance of the identity
    const p = Array.from(r.permutation(1000));
    expect(new Set(p).size).toBe(1000);
    expect(Math.min(...p)).toBe(0);
    expect(Math.max(...p)).toBe(999);
    const c = r.choice(20, 20, false);
    expect(new Set(c).size).toBe(20);
    expect(Array.from(r.choice(3, 100)).every((v) => v >= 0 && v < 3)).toBe(true);
    expect(() => r.choice(3, 4, false)).toThrow("Rng.choice: cannot draw 4 of 3 without replacement");
  });

  it("toRng takes a seed or passes a generator through", () => {
    const r = new Rng(1);
    expect(toRng(r)).toBe(r);
    expect(toRng(9).uniform()).toBe(new Rng(9).uniform());
  });
});
