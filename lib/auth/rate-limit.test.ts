import { describe, expect, it } from "vitest";
import { evaluateSlidingWindow } from "./rate-limit";

const W = 60_000;

describe("evaluateSlidingWindow", () => {
  it("allows up to the limit in a fresh window", () => {
    expect(evaluateSlidingWindow({ current: 10, previous: 0, limit: 10, windowMs: W, elapsedMs: 5_000 }).isAllowed).toBe(true);
    const over = evaluateSlidingWindow({ current: 11, previous: 0, limit: 10, windowMs: W, elapsedMs: 5_000 });
    expect(over.isAllowed).toBe(false);
    // The window ends in 55 s; its 11 attempts then weigh in fully at first, and one more
    // attempt fits when 11·(1 − t/60 s) + 1 ≤ 10, i.e. t ≥ 10.9 s into the next window.
    expect(over.retryAfterSeconds).toBe(66);
  });

  it("lets the previous window's attempts fade out", () => {
    expect(evaluateSlidingWindow({ current: 1, previous: 10, limit: 10, windowMs: W, elapsedMs: 1_000 }).isAllowed).toBe(false);
    expect(evaluateSlidingWindow({ current: 1, previous: 10, limit: 10, windowMs: W, elapsedMs: 30_000 }).isAllowed).toBe(true);
  });

  it("asks for a wait that really is enough", () => {
    for (const [current, previous, elapsed] of [[3, 20, 10_000], [11, 0, 0], [50, 50, 59_000], [10, 10, 30_000]] as const) {
      const outcome = evaluateSlidingWindow({ current, previous, limit: 10, windowMs: W, elapsedMs: elapsed });
      if (outcome.isAllowed) continue;
      const later = elapsed + outcome.retryAfterSeconds * 1000;
      const next =
        later < W
          ? evaluateSlidingWindow({ current: current + 1, previous, limit: 10, windowMs: W, elapsedMs: later })
          : later < 2 * W
            ? evaluateSlidingWindow({ current: 1, previous: current, limit: 10, windowMs: W, elapsedMs: later - W })
            : { isAllowed: true };
      expect(next.isAllowed, `${current}/${previous}@${elapsed}`).toBe(true);
    }
  });
});
