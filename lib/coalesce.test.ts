import { describe, expect, it } from "vitest";
import { coalesceFresh } from "./coalesce";

/** A run whose results the test hands out by hand, recording when each run began. */
function manualRuns() {
  const runs: Array<{ resolve: (value: number) => void; reject: (error: Error) => void }> = [];
  const run = () =>
    new Promise<number>((resolve, reject) => {
      runs.push({ resolve, reject });
    });
  return { runs, run };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("coalesceFresh", () => {
  it("starts a run at once when none is in flight", async () => {
    const { runs, run } = manualRuns();
    const read = coalesceFresh(run);
    const first = read();
    expect(runs).toHaveLength(1);
    runs[0]!.resolve(1);
    await expect(first).resolves.toBe(1);

    const second = read();
    expect(runs).toHaveLength(2);
    runs[1]!.resolve(2);
    await expect(second).resolves.toBe(2);
  });

  it("never answers a caller with a run that began before it called", async () => {
    const { runs, run } = manualRuns();
    const read = coalesceFresh(run);
    const early = read();
    const late = read();
    // The late caller waits for a run that has not begun yet.
    expect(runs).toHaveLength(1);
    runs[0]!.resolve(1);
    await expect(early).resolves.toBe(1);
    await tick();
    expect(runs).toHaveLength(2);
    runs[1]!.resolve(2);
    await expect(late).resolves.toBe(2);
  });

  it("serves every caller that arrived during a run with one next run", async () => {
    const { runs, run } = manualRuns();
    const read = coalesceFresh(run);
    const first = read();
    const waiting = Array.from({ length: 19 }, () => read());
    runs[0]!.resolve(1);
    await first;
    await tick();
    expect(runs).toHaveLength(2);
    runs[1]!.resolve(2);
    expect(await Promise.all(waiting)).toEqual(Array.from({ length: 19 }, () => 2));
    expect(runs).toHaveLength(2);
  });

  it("hands a failure to the callers of that run only, and starts the next run regardless", async () => {
    const { runs, run } = manualRuns();
    const read = coalesceFresh(run);
    const failing = read();
    const next = read();
    runs[0]!.reject(new Error("connection reset"));
    await expect(failing).rejects.toThrow("connection reset");
    await tick();
    expect(runs).toHaveLength(2);
    runs[1]!.resolve(7);
    await expect(next).resolves.toBe(7);
  });
});
