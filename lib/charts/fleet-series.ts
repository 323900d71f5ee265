import type { FleetTrendPoint, ServiceSummary } from "@/lib/analysis/queries";
import type { ServiceRole, Verdict } from "@/lib/analysis/classification";
import { keyOf, labelBy } from "./report-series";

/**
 * Series for the fleet overview's charts. Charts only draw: every number, label, order and
 * link they show is decided here, so it can be tested without a browser.
 */

/** Recharts needs literal colours; these mirror the theme in app/globals.css. */
export const FLEET_CHART_COLORS = {
  immutable: "#0d9488",
  mutable: "#e11d48",
  mixed: "#ca8a04",
  unknown: "#64748b",
  drift: "#d97706",
  snowflake: "#7c3aed",
  /** Hosts without drift: a neutral that reads on light and dark backgrounds. */
  clean: "#94a3b8",
  /** Version spread and distinct versions. */
  spread: "#0284c7",
} as const;

export const VERDICT_ORDER: readonly Verdict[] = ["immutable", "mutable", "mixed", "unknown"];

export const VERDICT_LABELS: Record<Verdict, string> = {
  immutable: "Immutable",
  mutable: "Mutable",
  mixed: "Mixed",
  unknown: "Unknown",
};

type ServiceFigures = Pick<
  ServiceSummary,
  "name" | "environment" | "hostCount" | "driftedHostCount" | "snowflakeCount" | "spreadComponentCount"
>;

/** The service page of one service in one environment. */
export function buildServiceHref(service: string, environment: string): string {
  return `/services/${encodeURIComponent(service)}?environment=${encodeURIComponent(environment)}`;
}

/** What every per-service point of the overview carries: who it is and where it links. */
function identifyServices(summaries: readonly ServiceFigures[]) {
  const label = labelBy(summaries, (s) => s.name);
  return (summary: ServiceFigures) => ({
    key: keyOf(summary.name, summary.environment),
    label: label(summary),
    service: summary.name,
    environment: summary.environment,
    href: buildServiceHref(summary.name, summary.environment),
  });
}

export interface DriftByServicePoint {
  /** Unique per service and environment. */
  key: string;
  label: string;
  service: string;
  environment: string;
  href: string;
  drifted: number;
  clean: number;
  hosts: number;
  snowflakes: number;
}

/** Drifted and clean hosts per service, the most drifted first. */
export function buildDriftByServiceSeries(summaries: readonly ServiceFigures[]): DriftByServicePoint[] {
  const identify = identifyServices(summaries);
  return summaries
    .map((summary) => ({
      ...identify(summary),
      drifted: summary.driftedHostCount,
      clean: Math.max(summary.hostCount - summary.driftedHostCount, 0),
      hosts: summary.hostCount,
      snowflakes: summary.snowflakeCount,
    }))
    .sort((a, b) => b.drifted - a.drifted || share(b.drifted, b.hosts) - share(a.drifted, a.hosts) || a.label.localeCompare(b.label));
}

export interface SpreadByServicePoint {
  key: string;
  label: string;
  service: string;
  environment: string;
  href: string;
  /** Components that run in more than one version across the service's hosts. */
  spreadComponents: number;
  hosts: number;
}

/** Components with version spread per service, the widest spread first. */
export function buildSpreadByServiceSeries(summaries: readonly ServiceFigures[]): SpreadByServicePoint[] {
  const identify = identifyServices(summaries);
  return summaries
    .map((summary) => ({
      ...identify(summary),
      spreadComponents: summary.spreadComponentCount,
      hosts: summary.hostCount,
    }))
    .sort((a, b) => b.spreadComponents - a.spreadComponents || a.label.localeCompare(b.label));
}

export interface FleetTrendSeriesPoint {
  snapshotId: string;
  takenAt: string;
  /** takenAt in epoch milliseconds, for a time axis. */
  time: number;
  /** The UTC day, as axis and table label. */
  label: string;
  hosts: number;
  driftedHosts: number;
  cleanHosts: number;
  distinctVersions: number;
  /** Drifted hosts as a whole percentage of hosts. */
  driftedPercent: number;
}

/**
 * The fleet over time, one point per UTC day: the fleet as it stood after the day's last
 * snapshot. Tools that upload minutes apart (pods, then VMs) make one point, not a comb.
 */
export function buildFleetTrendSeries(points: readonly FleetTrendPoint[]): FleetTrendSeriesPoint[] {
  const byDay = new Map<string, FleetTrendPoint>();
  const ordered = [...points].filter((p) => !Number.isNaN(Date.parse(p.takenAt))).sort((a, b) => Date.parse(a.takenAt) - Date.parse(b.takenAt));
  for (const point of ordered) byDay.set(new Date(point.takenAt).toISOString().slice(0, 10), point);
  return [...byDay].map(([day, point]) => ({
    snapshotId: point.snapshotId,
    takenAt: point.takenAt,
    time: Date.parse(point.takenAt),
    label: day,
    hosts: point.hosts,
    driftedHosts: point.driftedHosts,
    cleanHosts: Math.max(point.hosts - point.driftedHosts, 0),
    distinctVersions: point.distinctVersions,
    driftedPercent: point.hosts === 0 ? 0 : Math.round((point.driftedHosts / point.hosts) * 100),
  }));
}

export interface TrendChange {
  driftedHosts: number;
  distinctVersions: number;
  /** The first day of the series. */
  since: string;
}

/** How the last point differs from the first; null with fewer than two points. */
export function describeTrendChange(series: readonly FleetTrendSeriesPoint[]): TrendChange | null {
  const first = series[0];
  const last = series.at(-1);
  if (!first || !last || series.length < 2) return null;
  return { driftedHosts: last.driftedHosts - first.driftedHosts, distinctVersions: last.distinctVersions - first.distinctVersions, since: first.label };
}

export type RoleVerdictCounts = Record<ServiceRole, Record<Verdict, number>>;

export interface HybridPictureRow extends Record<Verdict, number> {
  role: ServiceRole;
  /** "Compute" or "Data". */
  label: string;
  total: number;
}

const ROLE_LABELS: Record<ServiceRole, string> = { stateless: "Compute", stateful: "Data" };

/** Compute (stateless) and data (stateful) services, counted by verdict, for a stacked bar. */
export function buildHybridPictureSeries(byRole: RoleVerdictCounts): HybridPictureRow[] {
  return (["stateless", "stateful"] as const).map((role) => {
    const counts = byRole[role];
    return {
      role,
      label: ROLE_LABELS[role],
      immutable: counts.immutable,
      mutable: counts.mutable,
      mixed: counts.mixed,
      unknown: counts.unknown,
      total: VERDICT_ORDER.reduce((total, verdict) => total + counts[verdict], 0),
    };
  });
}

/**
 * The hybrid picture in one sentence: compute should be immutable, data is expected to be
 * mutable. "Compute: 2 of 4 services immutable · Data: 3 of 3 mutable (expected)".
 */
export function describeHybridPicture(byRole: RoleVerdictCounts): string {
  const [compute, data] = buildHybridPictureSeries(byRole);
  const describe = (row: HybridPictureRow | undefined, verdict: Verdict, { hasNoun, suffix }: { hasNoun: boolean; suffix: string }) =>
    !row || row.total === 0
      ? `${row?.label ?? ""}: no services`
      : `${row.label}: ${row[verdict]} of ${row.total}${hasNoun ? (row.total === 1 ? " service" : " services") : ""} ${verdict}${suffix}`;
  return `${describe(compute, "immutable", { hasNoun: true, suffix: "" })} · ${describe(data, "mutable", { hasNoun: false, suffix: " (expected)" })}`;
}

type CandidateFields = Pick<ServiceSummary, "name" | "environment" | "hostCount" | "isMigrationCandidate" | "classification" | "nextStep">;

/** Stateless services that still change in place: mutable before mixed, then the most hosts first. */
export function listMigrationCandidates<T extends CandidateFields>(summaries: readonly T[]): T[] {
  const rank = (summary: T) => (summary.classification.verdict === "mutable" ? 0 : 1);
  return summaries
    .filter((summary) => summary.isMigrationCandidate)
    .sort((a, b) => rank(a) - rank(b) || b.hostCount - a.hostCount || a.name.localeCompare(b.name) || a.environment.localeCompare(b.environment));
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
