/**
 * Series for a shared report's charts. They are built once, when the report is frozen, and
 * stored in its document: the page draws them as they were. Unlike the overview's series
 * they carry no links, since a shared report links nowhere inside the app.
 */

export interface ReportDriftPoint {
  /** Unique per service and environment. */
  key: string;
  label: string;
  drifted: number;
  clean: number;
  hosts: number;
  snowflakes: number;
}

type ServiceFigures = { name: string; environment: string; hostCount: number; driftedHostCount: number; snowflakeCount: number };

/** Names by service alone, adding the environment only when several are on show. */
export function labelBy<T extends { environment: string }>(items: readonly T[], name: (item: T) => string): (item: T) => string {
  const hasSeveralEnvironments = new Set(items.map((i) => i.environment)).size > 1;
  return (item) => (hasSeveralEnvironments ? `${name(item)} (${item.environment})` : name(item));
}

/** Drifted and clean hosts per service, the most drifted first. */
export function buildReportDriftSeries(services: readonly ServiceFigures[]): ReportDriftPoint[] {
  const label = labelBy(services, (s) => s.name);
  return services
    .map((s) => ({
      key: keyOf(s.name, s.environment),
      label: label(s),
      drifted: s.driftedHostCount,
      clean: Math.max(s.hostCount - s.driftedHostCount, 0),
      hosts: s.hostCount,
      snowflakes: s.snowflakeCount,
    }))
    .sort((a, b) => b.drifted - a.drifted || b.snowflakes - a.snowflakes || compareText(a.label, b.label));
}

export interface ReportChangesPoint {
  key: string;
  label: string;
  mutated: number;
  launched: number;
  retired: number;
}

type ServiceChanges = { service: string; environment: string; counts: { mutated: number; launched: number; retired: number } };

/** Hosts mutated, launched and retired per service, the most changed first. */
export function buildReportChangesSeries(groups: readonly ServiceChanges[]): ReportChangesPoint[] {
  const label = labelBy(groups, (g) => g.service);
  const total = (p: ReportChangesPoint) => p.mutated + p.launched + p.retired;
  return groups
    .map((g) => ({ key: keyOf(g.service, g.environment), label: label(g), ...g.counts }))
    .sort((a, b) => total(b) - total(a) || b.mutated - a.mutated || compareText(a.label, b.label));
}

/**
 * A key per service and environment. Stored in a report's JSONB document, so it cannot use a
 * NUL separator (Postgres rejects \u0000 in JSON text); a JSON pair cannot collide.
 */
export function keyOf(service: string, environment: string): string {
  return JSON.stringify([service, environment]);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
