import { describe, expect, it } from "vitest";
import { isSharedReportPath, matchSharedReportPage } from "./paths";
import { describeReportScope, detectScopeKind, shortId, toReportFileName } from "./scope";

describe("describeReportScope", () => {
  it("names each kind of scope", () => {
    expect(describeReportScope({})).toBe("Whole fleet");
    expect(describeReportScope({ environment: "production" })).toBe("Environment production");
    expect(describeReportScope({ services: ["billing"] })).toBe("Service billing");
    expect(describeReportScope({ services: ["billing", "web"], environment: "prod" })).toBe("Services billing, web in prod");
    expect(describeReportScope({ services: ["a", "b", "c", "d", "e", "f"] })).toBe("Services a, b, c, d and 2 more");
    expect(describeReportScope({ compare: { from: "0123456789abcdef", to: "fedcba9876543210" } })).toBe("Comparison of snapshots 01234567… → fedcba98…");
    expect(describeReportScope({ compare: { from: "a", to: "b" }, services: ["web"] })).toBe("Comparison of snapshots a → b (web)");
  });

  it("detects the kind the share dialog starts on", () => {
    expect(detectScopeKind({})).toBe("fleet");
    expect(detectScopeKind({ environment: "prod" })).toBe("environment");
    expect(detectScopeKind({ services: ["web"], environment: "prod" })).toBe("services");
    expect(detectScopeKind({ compare: { from: "a", to: "b" } })).toBe("compare");
  });
});

describe("toReportFileName", () => {
  it("keeps safe characters and never yields an empty or header-breaking name", () => {
    expect(toReportFileName("Web drift: Q3 (prod)")).toBe("Web-drift-Q3-prod");
    expect(toReportFileName('evil"\r\nSet-Cookie: x')).toBe("evil-Set-Cookie-x");
    expect(toReportFileName("…")).toBe("drift-report");
    expect(toReportFileName("x".repeat(300))).toHaveLength(80);
  });

  it("shortens long ids only", () => {
    expect(shortId("abc")).toBe("abc");
    expect(shortId("0123456789abcdef")).toBe("01234567…");
  });
});

describe("isSharedReportPath", () => {
  it("matches the shared page and its files, nothing else", () => {
    expect(isSharedReportPath("/r/abc")).toBe(true);
    expect(isSharedReportPath("/r/abc/report.csv")).toBe(true);
    expect(isSharedReportPath("/reports")).toBe(false);
    expect(isSharedReportPath("/")).toBe(false);
    expect(isSharedReportPath(null)).toBe(false);
  });
});

describe("matchSharedReportPage", () => {
  it("finds the token of the page, not of its files or other pages", () => {
    expect(matchSharedReportPage("/r/abc_-123")).toBe("abc_-123");
    expect(matchSharedReportPage("/r/abc/")).toBe("abc");
    expect(matchSharedReportPage("/r/abc/report.csv")).toBeNull();
    expect(matchSharedReportPage("/r/abc/opengraph-image")).toBeNull();
    expect(matchSharedReportPage("/r/")).toBeNull();
    expect(matchSharedReportPage("/reports")).toBeNull();
    expect(matchSharedReportPage("/r/%E0%A4%A")).toBe("%E0%A4%A");
  });
});
