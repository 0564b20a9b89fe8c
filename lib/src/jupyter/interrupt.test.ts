import { afterEach, describe, expect, it } from "vitest";
import { StoppedByUser, checkInterrupt, clearStop, requestStop, stopPending } from "./interrupt";
import { isInKernel } from "./tslab-hooks";

afterEach(() => clearStop());

describe("checkInterrupt outside a kernel", () => {
  it("is not in a kernel under vitest", () => {
    expect(isInKernel()).toBe(false);
  });

  it("resolves when no stop was requested, after letting the event loop turn", async () => {
    // setImmediate callbacks queued before the call must run before it resolves: that is what "yields" means.
    const order: string[] = [];
    setImmediate(() => order.push("immediate"));
    await checkInterrupt();
    order.push("after");
    expect(order).toEqual(["immediate", "after"]);
  });

  it("throws StoppedByUser once after requestStop, then runs again", async () => {
    requestStop();
    expect(stopPending()).toBe(true);
    const err = await checkInterrupt("history").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoppedByUser);
    expect((err as Error).message).toBe(
      "Stopped by user (kernel interrupt). Kernel state is kept; partial results are in history.",
    );
    expect(stopPending()).toBe(false);
    await expect(checkInterrupt()).resolves.toBeUndefined();
  });

  it("stops an async loop at the next step", async () => {
    let steps = 0;
    const loop = async () => {
      for (let i = 0; i < 1000; i++) {
        steps++;
        if (i === 9) requestStop(); // as if SIGINT arrived during step 10
        await checkInterrupt();
      }
    };
    await expect(loop()).rejects.toThrow(/^Stopped by user \(kernel interrupt\)\. Kernel state is kept\.$/);
    expect(steps).toBe(10);
  });

  it("clearStop drops a request", async () => {
    requestStop();
    clearStop();
    await expect(checkInterrupt()).resolves.toBeUndefined();
  });
});
