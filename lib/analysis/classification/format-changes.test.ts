import { describe, expect, it } from "vitest";
import { countDaysBetween, formatComponentChange, formatComponentChanges, formatDay, isUpgrade, pluralize } from "./format-changes";

describe("formatComponentChange", () => {
  it("writes version changes, additions and removals", () => {
    expect(formatComponentChange({ name: "nginx", from: "1.22", to: "1.24" })).toBe("nginx 1.22→1.24");
    expect(formatComponentChange({ name: "agent", from: null, to: "3" })).toBe("agent 3 added");
    expect(formatComponentChange({ name: "agent", from: "2", to: null })).toBe("agent 2 removed");
  });

  it("names config files rather than their fingerprints", () => {
    expect(formatComponentChange({ name: "config:nginx.conf", from: "abc", to: "def" })).toBe("config nginx.conf changed");
    expect(formatComponentChange({ name: "config:app.yaml", from: null, to: "def" })).toBe("config app.yaml added");
  });
});

describe("formatComponentChanges", () => {
  it("lists up to three changes and counts the rest", () => {
    const changes = ["a", "b", "c", "d", "e"].map((name) => ({ name, from: "1", to: "2" }));
    expect(formatComponentChanges(changes)).toBe("a 1→2, b 1→2, c 1→2, +2 more");
    expect(formatComponentChanges(changes.slice(0, 2))).toBe("a 1→2, b 1→2");
  });
});

describe("formatDay and countDaysBetween", () => {
  it("formats in UTC and counts whole days", () => {
    expect(formatDay("2026-03-01T23:30:00-02:00")).toBe("2026-03-02");
    expect(formatDay("yesterday")).toBe("yesterday");
    expect(countDaysBetween("2026-03-01T00:00:00Z", "2026-03-31T12:00:00Z")).toBe(30);
    expect(countDaysBetween("2026-03-01", "never")).toBeNull();
  });
});

describe("isUpgrade and pluralize", () => {
  it("orders versions numerically for wording", () => {
    expect(isUpgrade("1.9", "1.10")).toBe(true);
    expect(isUpgrade("3.0.13", "3.0.2")).toBe(false);
  });

  it("pluralizes by count", () => {
    expect(pluralize(1, "host")).toBe("1 host");
    expect(pluralize(0, "host")).toBe("0 hosts");
  });
});
