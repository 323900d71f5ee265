import { describe, expect, it } from "vitest";
import { KeptPerSlot, keptBy } from "./kept";

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

describe("KeptPerSlot", () => {
  function counting(max: number) {
    const computed: string[] = [];
    const kept = new KeptPerSlot<{ name: string; weight: number }>(max, (value) => value.weight);
    const get = (slot: string, key: string, weight: number) =>
      kept.get(slot, key, () => (computed.push(`${slot}:${key}`), { name: `${slot}:${key}`, weight })).name;
    return { get, computed };
  }

  it("answers a slot from what it kept while the key is the same, and computes again when it changed", () => {
    const { get, computed } = counting(100);
    expect([get("web", "v1", 1), get("web", "v1", 1), get("web", "v2", 1), get("web", "v2", 1)]).toEqual(["web:v1", "web:v1", "web:v2", "web:v2"]);
    expect(computed).toEqual(["web:v1", "web:v2"]);
  });

  it("keeps one value per slot, so a service's next value does not crowd out the others", () => {
    const { get, computed } = counting(10);
    get("db", "v1", 4);
    get("web", "v1", 6);
    get("web", "v2", 6); // replaces web:v1: 10 in all, where a plain recently-used list would hold 16 and drop db
    get("db", "v1", 4);
    get("web", "v2", 6);
    expect(computed).toEqual(["db:v1", "web:v1", "web:v2"]);
  });

  it("drops the least recently used slots beyond the bound, and keeps nothing heavier than the bound", () => {
    const { get, computed } = counting(10);
    get("a", "1", 4);
    get("b", "1", 4);
    get("a", "1", 4); // b is now the least recently used
    get("c", "1", 4); // 12 > 10: b goes
    get("a", "1", 4);
    get("c", "1", 4);
    get("b", "1", 4);
    get("huge", "1", 11);
    get("huge", "1", 11);
    expect(computed).toEqual(["a:1", "b:1", "c:1", "b:1", "huge:1", "huge:1"]);
  });
});

describe("KeptPerSlot.peek", () => {
  it("gives what a slot holds with the key it was kept under, and nothing for an empty slot", () => {
    const kept = new KeptPerSlot<string[]>(10, (hosts) => hosts.length);
    kept.set("web", "snapshot-1", ["a", "b"]);
    kept.set("web", "snapshot-2", ["a", "b", "c"]);
    expect(kept.peek("web")).toEqual({ key: "snapshot-2", value: ["a", "b", "c"] });
    expect(kept.peek("db")).toBeUndefined();
  });
});
