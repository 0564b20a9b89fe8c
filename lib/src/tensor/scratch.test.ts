import { describe, expect, it } from "vitest";
import { Scratch } from "./scratch";

describe("Scratch (a layer's reused buffers)", () => {
  it("returns the same buffer per name while the shape and dtype stay, a fresh one when they change", () => {
    const s = new Scratch();
    const a = s.get("y", 2, 3, "float32");
    a.data[0] = 7;
    expect(s.get("y", 2, 3, "float32")).toBe(a);
    expect(s.get("dx", 2, 3, "float32")).not.toBe(a); // another name, another buffer
    const b = s.get("y", 4, 3, "float32"); // a new batch size
    expect(b).not.toBe(a);
    expect(b.data[0]).toBe(0);
    expect(s.get("y", 4, 3, "float64")).not.toBe(b);
  });
});
