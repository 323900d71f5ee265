import { describe, expect, it } from "vitest";
import { makeHost, makeSnapshot } from "@/lib/analysis/classification/test-fixtures";
import { freezeComparison, freezeService, summariseFleet } from "./freeze";
import { reportDocumentSchema } from "./schemas";
import { buildServiceDetail, comparisonReportDocument, designExampleDetail, servicesReportDocument } from "./test-fixtures";
import { compareHosts } from "@/lib/analysis/compare";

describe("freezeService", () => {
  const frozen = freezeService(designExampleDetail());

  it("keeps the figures, the verdict with its evidence, and the snapshot analysed", () => {
    expect(frozen).toMatchObject({ name: "web", environment: "prod", snapshotId: "snap-1", hostCount: 3, driftedHostCount: 2, snowflakeCount: 1 });
    expect(frozen.classification.verdict).toBe("unknown");
    expect(frozen.classification.evidence.length).toBeGreaterThan(0);
    expect(frozen.snapshotTakenAt).toBe("2026-03-01T12:00:00.000Z");
  });

  it("keeps drifted hosts and snowflakes only, with since, and leaves ignored differences out", () => {
    expect(frozen.hosts.map((h) => h.hostKey)).toEqual(["web-b", "web-c"]);
    const c = frozen.hosts.find((h) => h.hostKey === "web-c")!;
    expect(c.isSnowflake).toBe(true);
    expect(c.snowflakeReasons).toEqual(["missing monitoring-agent, which 2 of 2 peers run"]);
    expect(c.drift).toEqual([{ component: "monitoring-agent", expected: "3", actual: null, since: "2026-03-01T12:00:00.000Z" }]);
    expect(frozen.hosts.flatMap((h) => h.drift.map((d) => d.component))).not.toContain("uptime");
  });

  it("keeps components with spread or off their baseline, not those every host runs alike", () => {
    expect(frozen.components.map((c) => c.name).sort()).toEqual(["monitoring-agent", "nginx", "node", "uptime"]);
    expect(frozen.components.find((c) => c.name === "uptime")?.ignored).toBe(true);
    expect(frozen.componentCount).toBe(5);
  });

  it("stores the spread chart's series, most spread first, without ignored components", () => {
    expect(frozen.charts.versionSpread.rows.map((r) => r.component)).toEqual(["nginx", "node"]);
    expect(frozen.charts.versionSpread.rows[0]?.segments).toEqual([
      { version: "1.22", hostCount: 2, isBaseline: true, versionCount: 1 },
      { version: "1.24", hostCount: 1, isBaseline: false, versionCount: 1 },
    ]);
  });

  it("is a copy: changing the analysis afterwards does not reach the frozen service", () => {
    const detail = designExampleDetail();
    const copy = freezeService(detail);
    detail.classification.evidence.push("later");
    detail.hosts[2]!.snowflakeReasons.push("later");
    expect(copy.classification.evidence).not.toContain("later");
    expect(copy.hosts.find((h) => h.hostKey === "web-c")!.snowflakeReasons).not.toContain("later");
  });

  it("records when drift began across the history", () => {
    const day1 = [makeHost("a", { nginx: "1.22" }), makeHost("b", { nginx: "1.22" }), makeHost("c", { nginx: "1.22" })];
    const day2 = [makeHost("a", { nginx: "1.22" }), makeHost("b", { nginx: "1.22" }), makeHost("c", { nginx: "1.24" })];
    const day3 = day2;
    const frozenHistory = freezeService(
      buildServiceDetail([makeSnapshot("s1", "2026-01-01T00:00:00.000Z", day1), makeSnapshot("s2", "2026-01-02T00:00:00.000Z", day2), makeSnapshot("s3", "2026-01-03T00:00:00.000Z", day3)]),
    );
    expect(frozenHistory.hosts[0]?.drift[0]?.since).toBe("2026-01-02T00:00:00.000Z");
  });
});

describe("summariseFleet", () => {
  it("sums the figures and counts verdicts by role, with the charts' series", () => {
    const document = servicesReportDocument({ withCleanService: true });
    if (document.kind !== "services") throw new Error("expected a services report");
    const fleet = summariseFleet(document.services);
    expect(fleet).toMatchObject({ services: 2, hosts: 5, driftedHosts: 2, snowflakes: 1 });
    expect(fleet.byRole.stateful.unknown + fleet.byRole.stateless.unknown).toBe(2);
    expect(fleet.charts.driftByService.map((p) => [p.label, p.drifted, p.clean])).toEqual([
      ["web", 2, 1],
      ["orders-db", 0, 2],
    ]);
    expect(fleet.charts.hybridPicture.map((r) => r.label)).toEqual(["Compute", "Data"]);
  });
});

describe("freezeComparison", () => {
  const before = [makeHost("web-1", { nginx: "1.22" }), makeHost("api-1", { node: "18" }, { service: "api", environment: "staging" })];
  const after = [makeHost("web-1", { nginx: "1.24" }), makeHost("api-1", { node: "20" }, { service: "api", environment: "staging" })];

  it("groups changes by service as the compare page does", () => {
    const comparison = freezeComparison(compareHosts(before, after), { from: "a", to: "b" });
    expect(comparison.groups.map((g) => [g.service, g.how, g.summary])).toEqual([
      ["api", "mutation", "1 host mutated in place"],
      ["web", "mutation", "1 host mutated in place"],
    ]);
    expect(comparison.counts).toEqual({ mutated: 2, launched: 0, retired: 0 });
    expect(comparison.charts.changesByService).toHaveLength(2);
  });

  it("narrows to the scope's services and environment", () => {
    expect(freezeComparison(compareHosts(before, after), { from: "a", to: "b", services: ["web"] }).groups.map((g) => g.service)).toEqual(["web"]);
    expect(freezeComparison(compareHosts(before, after), { from: "a", to: "b", environment: "staging" }).groups.map((g) => g.service)).toEqual(["api"]);
  });
});

describe("the frozen document", () => {
  it("reads back through its schema and holds no NUL character (Postgres JSONB refuses \\u0000)", () => {
    for (const document of [servicesReportDocument({ withCleanService: true }), comparisonReportDocument()]) {
      const stored = JSON.parse(JSON.stringify(document)) as unknown;
      expect(reportDocumentSchema.parse(stored)).toEqual(document);
      expect(JSON.stringify(document)).not.toContain("\\u0000");
    }
  });

  it("lists its snapshots oldest first", () => {
    expect(comparisonReportDocument().snapshots.map((s) => s.id)).toEqual(["snap-a", "snap-b"]);
  });
});
