import type { ServiceRole, Verdict } from "@/lib/analysis/classification";
import type { SnapshotChange } from "@/lib/analysis/compare";
import type { ServiceDetail } from "@/lib/analysis/queries";
import { buildHybridPictureSeries } from "@/lib/charts/fleet-series";
import { buildReportChangesSeries, buildReportDriftSeries, keyOf } from "@/lib/charts/report-series";
import { buildVersionSpreadSeries } from "@/lib/charts/service-series";
import { countKinds, groupChangesByService, summarizeComparison } from "@/lib/compare/group-changes";
import type { ReportComparison, ReportDocument, ReportFleet, ReportScope, ReportService, ReportSnapshot } from "./schemas";

/**
 * Turns the live analysis into a report's frozen document. Pure: the data layer
 * (mutations.ts) computes the analysis once; these functions keep what the report shows and
 * nothing that would need the database again, so later uploads, baselines or ignore rules
 * cannot change what a link shows.
 */

/** Components shown in a report's spread chart per service: the most spread ones. */
export const SPREAD_CHART_LIMIT = 15;

/** One service as the report shows it: the analysis trimmed to drift, spread, snowflakes, verdict. */
export function freezeService(detail: ServiceDetail): ReportService {
  const { classification } = detail;
  return {
    name: detail.name,
    environment: detail.environment,
    snapshotId: detail.snapshotId,
    snapshotTakenAt: detail.takenAt,
    role: detail.role,
    isRoleOverridden: detail.isRoleOverridden,
    hostCount: detail.hostCount,
    driftedHostCount: detail.driftedHostCount,
    snowflakeCount: detail.snowflakeCount,
    spreadComponentCount: detail.spreadComponentCount,
    componentCount: detail.components.length,
    baselineSource: detail.baselineSource,
    classification: {
      verdict: classification.verdict,
      computedVerdict: classification.computedVerdict,
      confidence: classification.confidence,
      evidence: [...classification.evidence],
      hints: [...classification.hints],
      leaning: classification.leaning,
      mutations: classification.mutations,
      replacements: classification.replacements,
      scaleEvents: classification.scaleEvents,
      override: classification.override ? { verdict: classification.override.verdict, reason: classification.override.reason } : null,
    },
    isMigrationCandidate: detail.isMigrationCandidate,
    nextStep: detail.nextStep ? { step: detail.nextStep.step, title: detail.nextStep.title, why: detail.nextStep.why } : null,
    // A component every host runs at its baseline says nothing; a fleet of package lists
    // would otherwise store thousands of them per service.
    components: detail.components
      .filter((c) => !isUniformAtBaseline(c, detail.hostCount))
      .map((c) => ({ name: c.name, baseline: c.baseline, versions: c.versions.map((v) => ({ version: v.version, hostCount: v.hostCount })), ignored: c.ignored })),
    hosts: detail.hosts
      .filter((h) => h.isDrifted || h.isSnowflake)
      .map((h) => ({
        hostKey: h.hostKey,
        image: h.image,
        isDrifted: h.isDrifted,
        isSnowflake: h.isSnowflake,
        snowflakeReasons: [...h.snowflakeReasons],
        drift: h.drift.filter((d) => !d.ignored).map((d) => ({ component: d.component, expected: d.expected, actual: d.actual, since: d.since })),
      }))
      .sort((a, b) => compareText(a.hostKey, b.hostKey)),
    charts: { versionSpread: buildVersionSpreadSeries(detail.components, { limit: SPREAD_CHART_LIMIT, includeIgnored: false }) },
  };
}

/** The report's headline figures, summed over the services it covers. */
export function summariseFleet(services: readonly ReportService[]): ReportFleet {
  const emptyVerdicts = (): Record<Verdict, number> => ({ immutable: 0, mutable: 0, mixed: 0, unknown: 0 });
  const byVerdict = emptyVerdicts();
  const byRole: Record<ServiceRole, Record<Verdict, number>> = { stateless: emptyVerdicts(), stateful: emptyVerdicts() };
  for (const service of services) {
    byVerdict[service.classification.verdict] += 1;
    byRole[service.role][service.classification.verdict] += 1;
  }
  const sum = (pick: (s: ReportService) => number) => services.reduce((total, s) => total + pick(s), 0);
  return {
    services: services.length,
    hosts: sum((s) => s.hostCount),
    driftedHosts: sum((s) => s.driftedHostCount),
    snowflakes: sum((s) => s.snowflakeCount),
    spreadComponents: sum((s) => s.spreadComponentCount),
    byVerdict,
    byRole,
    migrationCandidates: services.filter((s) => s.isMigrationCandidate).map((s) => ({ name: s.name, environment: s.environment })),
    charts: { driftByService: buildReportDriftSeries(services), hybridPicture: buildHybridPictureSeries(byRole) },
  };
}

/**
 * What changed between two snapshots, grouped by service as the compare page groups it,
 * narrowed to the scope's services and environment. Launched and retired hosts keep the
 * versions that came or went, not their whole manifests.
 */
export function freezeComparison(changes: readonly SnapshotChange[], scope: { from: string; to: string; services?: readonly string[]; environment?: string }): ReportComparison {
  const services = scope.services?.length ? new Set(scope.services) : null;
  const kept = changes.filter((c) => (!services || services.has(c.service)) && (!scope.environment || c.environment === scope.environment));
  const groups = groupChangesByService(kept);
  return {
    from: scope.from,
    to: scope.to,
    summary: summarizeComparison(groups),
    counts: countKinds(kept),
    groups: groups.map((group) => ({
      key: keyOf(group.service, group.environment),
      service: group.service,
      environment: group.environment,
      how: group.how,
      summary: group.summary,
      counts: group.counts,
      replacementChanges: group.replacementChanges.map(copyChange),
      hosts: group.hosts.map((host) => ({
        hostKey: host.hostKey,
        kind: host.kind,
        changes: (host.kind === "mutated" ? host.components : host.highlights).map(copyChange),
        componentCount: host.components.length,
      })),
    })),
    charts: { changesByService: buildReportChangesSeries(groups) },
  };
}

/** Every host runs the component, in one version, the baseline's. */
function isUniformAtBaseline(component: ServiceDetail["components"][number], hostCount: number): boolean {
  const [only, ...others] = component.versions;
  return others.length === 0 && only !== undefined && only.version === component.baseline && only.hostCount === hostCount;
}

function copyChange(change: { name: string; from: string | null; to: string | null }) {
  return { name: change.name, from: change.from, to: change.to };
}

export interface BuildReportDocumentInput {
  title: string;
  scope: ReportScope;
  takenAt: Date;
  snapshots: readonly ReportSnapshot[];
}

/** A services report: the services in name order, with the fleet figures over them. */
export function buildServicesDocument(input: BuildReportDocumentInput & { services: readonly ReportService[] }): ReportDocument {
  const services = [...input.services].sort((a, b) => compareText(a.name, b.name) || compareText(a.environment, b.environment));
  return { version: 1, kind: "services", ...header(input), fleet: summariseFleet(services), services };
}

export function buildComparisonDocument(input: BuildReportDocumentInput & { comparison: ReportComparison }): ReportDocument {
  return { version: 1, kind: "compare", ...header(input), comparison: input.comparison };
}

function header(input: BuildReportDocumentInput) {
  return {
    title: input.title,
    takenAt: input.takenAt.toISOString(),
    scope: input.scope,
    snapshots: [...input.snapshots].sort((a, b) => Date.parse(a.takenAt) - Date.parse(b.takenAt) || compareText(a.id, b.id)),
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
