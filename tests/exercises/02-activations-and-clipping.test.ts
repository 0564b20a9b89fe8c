import { beforeAll, describe, expect, it, vi } from "vitest";
import { exercises } from "../../lib/src";
import { checkClipByNorm, checkEluDerivative } from "../../lib/src/exercises/02-activations-and-clipping";

beforeAll(() => void vi.spyOn(console, "log").mockImplementation(() => {}));

const norm = (gs: number[][]) => Math.sqrt(gs.reduce((s, g) => s + g.reduce((t, v) => t + v * v, 0), 0));

describe("02 clipping: exercise 1, clipByNorm", () => {
  it("passes torch's clip_grad_norm_", () => {
    const right = (gs: number[][], G: number) => {
      const n = norm(gs),
        c = G / (n + 1e-6);
      return { clipped: gs.map((g) => g.map((v) => (c < 1 ? v * c : v))), norm: n };
    };
    expect(() => checkClipByNorm(right)).not.toThrow();
  });
  it.each([
    [
      "clipping each parameter's gradient on its own",
      (gs: number[][], G: number) => ({
        clipped: gs.map((g) => g.map((v) => v * Math.min(1, G / (norm([g]) + 1e-6)))),
        norm: norm(gs),
      }),
    ],
    [
      "scaling small gradients up to G",
      (gs: number[][], G: number) => ({ clipped: gs.map((g) => g.map((v) => (v * G) / norm(gs))), norm: norm(gs) }),
    ],
    [
      "returning the norm after clipping",
      (gs: number[][], G: number) => ({ clipped: gs, norm: Math.min(norm(gs), G) }),
    ],
    [
      "clipping by value",
      (gs: number[][], G: number) => ({
        clipped: gs.map((g) => g.map((v) => Math.max(-G, Math.min(G, v)))),
        norm: norm(gs),
      }),
    ],
  ])("rejects %s", (_, f) => expect(() => checkClipByNorm(f)).toThrow(exercises.ExerciseFailed));
});

describe("02 activations: exercise 2, eluDerivative", () => {
  it("passes α·e^z on the left and 1 on the right", () => {
    expect(() => checkEluDerivative((z, a = 1) => (z > 0 ? 1 : a * Math.exp(z)))).not.toThrow();
  });
  it.each([
    ["the right-hand slope at the kink", (z: number, a = 1) => (z >= 0 ? 1 : a * Math.exp(z))],
    ["α forgotten: e^z on the left", (z: number) => (z > 0 ? 1 : Math.exp(z))],
    ["ReLU's slope", (z: number) => (z > 0 ? 1 : 0)],
    ["leaky ReLU's slope α", (z: number, a = 1) => (z > 0 ? 1 : a)],
  ])("rejects %s", (_, f) => expect(() => checkEluDerivative(f)).toThrow(exercises.ExerciseFailed));
});
