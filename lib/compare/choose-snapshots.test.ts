import { describe, expect, it } from "vitest";
import { chooseComparedSnapshots, compareCoverage, type ComparableSnapshot } from "./choose-snapshots";

const pods = (id: string, day: number): ComparableSnapshot => ({
  id,
  takenAt: `2026-11-${String(day).padStart(2, "0")}T02:00:00Z`,
  source: "kubernetes",
  environment: "production",
  services: ["checkout-api", "storefront"],
});
const vms = (id: string, day: number): ComparableSnapshot => ({
  id,
  takenAt: `2026-11-${String(day).padStart(2, "0")}T02:17:00Z`,
  source: "ansible",
  environment: "production",
  services: ["billing", "orders-db"],
});

describe("chooseComparedSnapshots", () => {
  // Newest first, two tools a week.
  const snapshots = [vms("a3", 26), pods("k3", 26), vms("a2", 19), pods("k2", 19), vms("a1", 12)];

  it("keeps what the URL names", () => {
    expect(chooseComparedSnapshots(snapshots, { from: "k2", to: "a3" })).toEqual({ from: "k2", to: "a3", reason: "chosen" });
  });

  it("pairs the newest snapshot with the previous one of the same source and services", () => {
    expect(chooseComparedSnapshots(snapshots, {})).toEqual({ from: "a2", to: "a3", reason: "previous-of-same-kind" });
    expect(chooseComparedSnapshots(snapshots, { to: "k3" })).toEqual({ from: "k2", to: "k3", reason: "previous-of-same-kind" });
  });

  it("compares a chosen From with the newest other snapshot", () => {
    expect(chooseComparedSnapshots(snapshots, { from: "a1" })).toEqual({ from: "a1", to: "a3", reason: "chosen" });
    expect(chooseComparedSnapshots(snapshots, { from: "a3" })).toEqual({ from: "a3", to: "k3", reason: "chosen" });
  });

  it("falls back to the next older snapshot, then to any other", () => {
    const other = { ...pods("x", 27), source: "csv", services: ["unrelated"] };
    expect(chooseComparedSnapshots([other, ...snapshots], {})).toEqual({ from: "a3", to: "x", reason: "previous" });
    expect(chooseComparedSnapshots(snapshots, { to: "a1" })).toEqual({ from: "a3", to: "a1", reason: "previous" });
  });

  it("chooses nothing it cannot", () => {
    expect(chooseComparedSnapshots([], {})).toEqual({ from: null, to: null, reason: "previous" });
    expect(chooseComparedSnapshots([pods("only", 1)], {})).toEqual({ from: null, to: "only", reason: "previous" });
  });
});

describe("compareCoverage", () => {
  it("names the services only one side covers", () => {
    expect(compareCoverage(["web", "db"], ["web", "cache"])).toEqual({ onlyInFrom: ["db"], onlyInTo: ["cache"] });
    expect(compareCoverage(["web"], ["web"])).toEqual({ onlyInFrom: [], onlyInTo: [] });
  });
});
