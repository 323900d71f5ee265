import { toCsv } from "@/lib/csv-export";

/** The filters of the service page, applied to its exports so a download matches the screen. */
export interface DriftExportFilter {
  /** Substring of the host key. */
  host?: string;
  /** Substring of the component name. */
  component?: string;
  /** Only hosts that drift (or are snowflakes). */
  onlyDrifted?: boolean;
}

interface ExportableService {
  name: string;
  environment: string;
  snapshotId: string;
  baselineSource: string;
  components: Array<{ name: string; baseline: string | null; versions: Array<{ version: string; hostCount: number }>; ignored: boolean }>;
  hosts: Array<{
    hostKey: string;
    isDrifted: boolean;
    isSnowflake: boolean;
    drift: Array<{ component: string; expected: string | null; actual: string | null; ignored: boolean; since: string | null }>;
  }>;
}

export function filterServiceForExport<T extends ExportableService>(service: T, filter: DriftExportFilter): T {
  const host = filter.host?.toLowerCase();
  const component = filter.component?.toLowerCase();
  const matchesComponent = (name: string) => !component || name.toLowerCase().includes(component);
  return {
    ...service,
    components: service.components.filter((c) => matchesComponent(c.name)),
    hosts: service.hosts
      .filter((h) => (!host || h.hostKey.toLowerCase().includes(host)) && (!filter.onlyDrifted || h.isDrifted || h.isSnowflake))
      .map((h) => ({ ...h, drift: h.drift.filter((d) => matchesComponent(d.component)) })),
  };
}

/** One row per host and drifting component, then one per component version (the spread). */
export function serviceToCsv(service: ExportableService): { drift: string; spread: string } {
  const drift = toCsv(
    ["service", "environment", "snapshot", "baseline_source", "host", "component", "expected", "actual", "ignored", "since", "snowflake"],
    service.hosts.flatMap((h) =>
      h.drift.map((d) => [
        service.name,
        service.environment,
        service.snapshotId,
        service.baselineSource,
        h.hostKey,
        d.component,
        d.expected,
        d.actual,
        d.ignored ? "yes" : "no",
        d.since,
        h.isSnowflake ? "yes" : "no",
      ]),
    ),
  );
  const spread = toCsv(
    ["service", "environment", "snapshot", "component", "baseline", "version", "host_count", "ignored"],
    service.components.flatMap((c) =>
      c.versions.map((v) => [service.name, service.environment, service.snapshotId, c.name, c.baseline, v.version, v.hostCount, c.ignored ? "yes" : "no"]),
    ),
  );
  return { drift, spread };
}
