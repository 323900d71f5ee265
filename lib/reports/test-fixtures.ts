import { makeHost, makeSnapshot } from "@/lib/analysis/classification/test-fixtures";
import { compareHosts } from "@/lib/analysis/compare";
import type { ServiceDetail } from "@/lib/analysis/queries";
import { buildServiceReport, DEFAULT_SERVICE_SETTINGS, presentServiceReport } from "@/lib/analysis/service-report";
import type { AnalysisHost, ServiceSnapshot } from "@/lib/analysis/types";
import { buildComparisonDocument, buildServicesDocument, freezeComparison, freezeService } from "./freeze";
import type { ReportDocument } from "./schemas";

/**
 * A ServiceDetail built by the real, pure analysis, shaped the way getServiceDetail shapes it,
 * so the report tests freeze what the data layer would hand them.
 */
export function buildServiceDetail(history: readonly ServiceSnapshot[]): ServiceDetail {
  const report = buildServiceReport(history, { ...DEFAULT_SERVICE_SETTINGS, ignoreRules: [] }, { includeOnsets: true });
  return {
    ...presentServiceReport(report, history.at(-1)!),
    declared: {},
    ignoreRules: [],
    environments: [report.environment],
    history: [...history].reverse().map((s) => ({ snapshotId: s.snapshotId, takenAt: s.takenAt, hostCount: s.hosts.length })),
  };
}

/**
 * DESIGN.md's three web servers, with the agent on one version so the majority is clear:
 * A nginx 1.22, node 18, agent 3; B nginx 1.24, node 20, agent 3 (drifts on nginx and node);
 * C nginx 1.22, node 18 and no agent (a snowflake). `uptime` is volatile and ignored.
 */
export function designExampleHosts(service = "web", environment = "prod"): AnalysisHost[] {
  const extra = { service, environment };
  return [
    makeHost("web-a", { nginx: "1.22", node: "18", "monitoring-agent": "3", libc: "2.36", uptime: "100" }, extra),
    makeHost("web-b", { nginx: "1.24", node: "20", "monitoring-agent": "3", libc: "2.36", uptime: "200" }, extra),
    makeHost("web-c", { nginx: "1.22", node: "18", libc: "2.36", uptime: "300" }, extra),
  ];
}

export function designExampleDetail(service = "web", environment = "prod"): ServiceDetail {
  return buildServiceDetail([makeSnapshot("snap-1", "2026-03-01T12:00:00.000Z", designExampleHosts(service, environment), "ansible")]);
}

/** A services report over the design example (and, if asked, a clean second service). */
export function servicesReportDocument(options: { withCleanService?: boolean } = {}): ReportDocument {
  const services = [freezeService(designExampleDetail())];
  if (options.withCleanService) {
    const clean = ["db-1", "db-2"].map((key) => makeHost(key, { postgres: "16.2" }, { service: "orders-db", environment: "prod", role: "database" }));
    services.push(freezeService(buildServiceDetail([makeSnapshot("snap-2", "2026-03-01T12:05:00.000Z", clean)])));
  }
  return buildServicesDocument({
    title: "Web drift",
    scope: { services: ["web"] },
    takenAt: new Date("2026-03-02T09:00:00.000Z"),
    snapshots: [{ id: "snap-1", takenAt: "2026-03-01T12:00:00.000Z", source: "ansible" }],
    services,
  });
}

export function comparisonReportDocument(): ReportDocument {
  const before = [makeHost("web-1", { nginx: "1.22" }), makeHost("web-2", { nginx: "1.22" }), makeHost("api-1", { node: "18" }, { service: "api" })];
  const after = [makeHost("web-1", { nginx: "1.24" }), makeHost("web-3", { nginx: "1.22" }), makeHost("api-1", { node: "18" }, { service: "api" })];
  return buildComparisonDocument({
    title: "Release week",
    scope: { compare: { from: "snap-a", to: "snap-b" } },
    takenAt: new Date("2026-03-02T09:00:00.000Z"),
    snapshots: [
      { id: "snap-b", takenAt: "2026-03-02T00:00:00.000Z", source: null },
      { id: "snap-a", takenAt: "2026-03-01T00:00:00.000Z", source: null },
    ],
    comparison: freezeComparison(compareHosts(before, after), { from: "snap-a", to: "snap-b" }),
  });
}
