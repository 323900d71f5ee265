import { describe, expect, it } from "vitest";
import { formatCount, formatDateTime, formatPercent, listNames } from "./format";

describe("format", () => {
  it("shows timestamps in UTC to the minute", () => {
    expect(formatDateTime("2026-03-01T12:34:56+02:00")).toBe("2026-03-01 10:34 UTC");
    expect(formatDateTime(null)).toBe("—");
    expect(formatDateTime("not a date")).toBe("—");
  });

  it("pluralises counts and rounds percentages", () => {
    expect(formatCount(1, "host")).toBe("1 host");
    expect(formatCount(1200, "host")).toBe("1,200 hosts");
    expect(formatPercent(1, 3)).toBe("33%");
    expect(formatPercent(0, 0)).toBe("0%");
  });
});

describe("listNames", () => {
  it("lists a few names whole, and only the first of many with a count of the rest", () => {
    expect(listNames([])).toBe("—");
    expect(listNames(["api", "web"])).toBe("api, web");
    const many = Array.from({ length: 1828 }, (_, i) => `service-${i}`);
    expect(listNames(many)).toBe("service-0, service-1, service-2, service-3, service-4 and 1,823 more");
    expect(listNames(many, 2)).toBe("service-0, service-1 and 1,826 more");
  });
});

describe("decodeSegment", () => {
  it("decodes a percent-encoded page segment once and keeps invalid encoding as written", async () => {
    const { decodeSegment } = await import("./format");
    expect(decodeSegment("web%20api")).toBe("web api");
    expect(decodeSegment("100%25")).toBe("100%");
    expect(decodeSegment("100%")).toBe("100%");
  });
});
