import { describe, expect, it } from "vitest";
import { formatTable, judgeAtMost, percentile, round, runPool } from "./stats";

describe("percentile", () => {
  it("uses the nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([3], 99)).toBe(3);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("runPool", () => {
  it("runs every task once with at most `concurrency` in flight", async () => {
    let inFlight = 0;
    let most = 0;
    const results = await runPool(50, 7, async (i) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
      return i * 2;
    });
    expect([...results].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i * 2));
    expect(most).toBe(7);
  });

  it("stops starting tasks when told to, and keeps what ran", async () => {
    const results = await runPool(50, 5, async (i) => i, (i) => i < 12);
    expect(results).toHaveLength(12);
  });
});

describe("judgeAtMost and round", () => {
  it("passes at the limit, fails above it, and says nothing without a figure", () => {
    expect(judgeAtMost(1, 1)).toBe("pass");
    expect(judgeAtMost(1.01, 1)).toBe("FAIL");
    expect(judgeAtMost(null, 1)).toBe("");
    expect(round(1.005, 1)).toBe(1);
    expect(round(Number.NaN)).toBeNull();
  });
});

describe("formatTable", () => {
  it("aligns columns and right-aligns numbers", () => {
    const table = formatTable(["figure", "value"], [["a", "1.5 s"], ["longer name", "12.25 s"]]);
    expect(table.split("\n")).toEqual([
      "| figure      | value   |",
      "|-------------|---------|",
      "| a           |   1.5 s |",
      "| longer name | 12.25 s |",
    ]);
  });
});
