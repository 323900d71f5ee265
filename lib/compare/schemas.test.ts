import { describe, expect, it } from "vitest";
import { buildCompareHref, compareViewSchema } from "./schemas";

describe("compareViewSchema", () => {
  it("reads ids and a kind, dropping what is not valid", () => {
    expect(compareViewSchema.parse({ from: "a", to: ["b", "c"], kind: "launched" })).toEqual({ from: "a", to: "b", kind: "launched" });
    expect(compareViewSchema.parse({ from: "", kind: "exploded" })).toEqual({ from: undefined, to: undefined, kind: undefined });
  });
});

describe("buildCompareHref", () => {
  it("keeps only what is set", () => {
    expect(buildCompareHref({ from: "a", to: "b", kind: "retired" })).toBe("/compare?from=a&to=b&kind=retired");
    expect(buildCompareHref({})).toBe("/compare");
    expect(buildCompareHref({ from: "a b", to: "c" }, "/api/compare")).toBe("/api/compare?from=a+b&to=c");
  });
});
