import { describe, expect, it } from "vitest";
import {
  buildDriftByServiceSeries,
  buildFleetTrendSeries,
  buildHybridPictureSeries,
  buildServiceHref,
  buildSpreadByServiceSeries,
  describeHybridPicture,
  describeTrendChange,
  listMigrationCandidates,
  type RoleVerdictCounts,
} from "./fleet-series";

function service(name: string, figures: Partial<{ environment: string; hosts: number; drifted: number; snowflakes: number; spread: number }> = {}) {
  return {
    name,
    environment: figures.environment ?? "production",
    hostCount: figures.hosts ?? 3,
    driftedHostCount: figures.drifted ?? 0,
    snowflakeCount: figures.snowflakes ?? 0,
    spreadComponentCount: figures.spread ?? 0,
  };
}

describe("buildDriftByServiceSeries", () => {
  it("splits each service's hosts into drifted and clean, the most drifted first", () => {
    const series = buildDriftByServiceSeries([
      service("storefront", { hosts: 6 }),
      service("billing", { hosts: 3, drifted: 2, snowflakes: 1 }),
      service("search-api", { hosts: 4, drifted: 2 }),
      service("checkout-api", { hosts: 4 }),
    ]);
    expect(series.map((p) => [p.label, p.drifted, p.clean])).toEqual([
      ["billing", 2, 1],
      ["search-api", 2, 2],
      ["checkout-api", 0, 4],
      ["storefront", 0, 6],
    ]);
    expect(series[0]).toMatchObject({ service: "billing", hosts: 3, snowflakes: 1, href: "/services/billing?environment=production" });
  });

  it("names the environment only when several are on show", () => {
    const series = buildDriftByServiceSeries([service("web", { environment: "production" }), service("web", { environment: "staging" })]);
    expect(series.map((p) => p.label)).toEqual(["web (production)", "web (staging)"]);
    expect(new Set(series.map((p) => p.key)).size).toBe(2);
  });

  it("never draws negative clean hosts", () => {
    expect(buildDriftByServiceSeries([service("odd", { hosts: 1, drifted: 2 })])[0]?.clean).toBe(0);
  });
});

describe("buildServiceHref", () => {
  it("escapes names", () => {
    expect(buildServiceHref("a b/c", "prod & dr")).toBe("/services/a%20b%2Fc?environment=prod%20%26%20dr");
  });
});

describe("buildSpreadByServiceSeries", () => {
  it("orders services by components with spread, then by name", () => {
    const series = buildSpreadByServiceSeries([service("b", { spread: 1 }), service("a", { spread: 1 }), service("c", { spread: 4 }), service("d")]);
    expect(series.map((p) => [p.label, p.spreadComponents])).toEqual([
      ["c", 4],
      ["a", 1],
      ["b", 1],
      ["d", 0],
    ]);
  });
});

describe("buildFleetTrendSeries", () => {
  const point = (snapshotId: string, takenAt: string, hosts: number, driftedHosts: number, distinctVersions: number) => ({
    snapshotId,
    takenAt,
    hosts,
    driftedHosts,
    distinctVersions,
  });

  it("keeps one point per UTC day, the fleet after that day's last snapshot", () => {
    const series = buildFleetTrendSeries([
      point("a2", "2026-10-01T02:17:00.000Z", 26, 1, 62),
      point("a1", "2026-10-01T02:00:00.000Z", 10, 0, 15),
      point("b1", "2026-10-08T02:00:00.000Z", 30, 2, 63),
    ]);
    expect(series).toEqual([
      {
        snapshotId: "a2",
        takenAt: "2026-10-01T02:17:00.000Z",
        time: Date.parse("2026-10-01T02:17:00.000Z"),
        label: "2026-10-01",
        hosts: 26,
        driftedHosts: 1,
        cleanHosts: 25,
        distinctVersions: 62,
        driftedPercent: 4,
      },
      {
        snapshotId: "b1",
        takenAt: "2026-10-08T02:00:00.000Z",
        time: Date.parse("2026-10-08T02:00:00.000Z"),
        label: "2026-10-08",
        hosts: 30,
        driftedHosts: 2,
        cleanHosts: 28,
        distinctVersions: 63,
        driftedPercent: 7,
      },
    ]);
  });

  it("copes with an empty fleet and bad timestamps", () => {
    expect(buildFleetTrendSeries([])).toEqual([]);
    expect(buildFleetTrendSeries([point("x", "not a date", 1, 0, 1), point("y", "2026-01-01T00:00:00Z", 0, 0, 0)])).toMatchObject([
      { snapshotId: "y", driftedPercent: 0 },
    ]);
  });

  it("describes the change from the first day to the last", () => {
    const series = buildFleetTrendSeries([point("a", "2026-10-01T00:00:00Z", 10, 1, 20), point("b", "2026-10-08T00:00:00Z", 10, 3, 18)]);
    expect(describeTrendChange(series)).toEqual({ driftedHosts: 2, distinctVersions: -2, since: "2026-10-01" });
    expect(describeTrendChange(series.slice(0, 1))).toBeNull();
  });
});

describe("the hybrid picture", () => {
  const byRole: RoleVerdictCounts = {
    stateless: { immutable: 2, mutable: 1, mixed: 1, unknown: 0 },
    stateful: { immutable: 0, mutable: 3, mixed: 0, unknown: 0 },
  };

  it("counts compute and data services by verdict", () => {
    expect(buildHybridPictureSeries(byRole)).toEqual([
      { role: "stateless", label: "Compute", immutable: 2, mutable: 1, mixed: 1, unknown: 0, total: 4 },
      { role: "stateful", label: "Data", immutable: 0, mutable: 3, mixed: 0, unknown: 0, total: 3 },
    ]);
  });

  it("says it in one sentence", () => {
    expect(describeHybridPicture(byRole)).toBe("Compute: 2 of 4 services immutable · Data: 3 of 3 mutable (expected)");
    expect(
      describeHybridPicture({
        stateless: { immutable: 1, mutable: 0, mixed: 0, unknown: 0 },
        stateful: { immutable: 0, mutable: 0, mixed: 0, unknown: 0 },
      }),
    ).toBe("Compute: 1 of 1 service immutable · Data: no services");
  });
});

describe("listMigrationCandidates", () => {
  const candidate = (name: string, verdict: "mutable" | "mixed" | "immutable", hostCount: number, isMigrationCandidate = true) => ({
    name,
    environment: "production",
    hostCount,
    isMigrationCandidate,
    classification: { verdict } as never,
    nextStep: null,
  });

  it("lists mutable before mixed services, larger first, and nothing else", () => {
    const list = listMigrationCandidates([
      candidate("search-api", "mixed", 4),
      candidate("billing", "mutable", 3),
      candidate("legacy", "mutable", 8),
      candidate("storefront", "immutable", 6, false),
    ]);
    expect(list.map((c) => c.name)).toEqual(["legacy", "billing", "search-api"]);
  });
});
