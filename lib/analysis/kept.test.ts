import { describe, expect, it } from "vitest";
import { keptBy } from "./kept";

describe("keptBy", () => {
  it("computes each key once, and starts over when full instead of growing", () => {
    const made: string[] = [];
    const length = keptBy((key) => (made.push(key), key.length), 2);
    expect([length("a"), length("bb"), length("a")]).toEqual([1, 2, 1]);
    expect(made).toEqual(["a", "bb"]);
    length("ccc"); // full: forgets a and bb
    length("a");
    expect(made).toEqual(["a", "bb", "ccc", "a"]);
  });
});
