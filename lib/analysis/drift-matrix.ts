/**
 * The host × component drift matrix of the service page: which hosts differ from the
 * baseline on which components, filtered and sorted as the URL says. Pure, so a 5,000-host
 * service can be filtered on every keystroke without a round trip.
 */

export type DriftCellStatus = "matches" | "differs" | "missing" | "extra" | "ignored";

export interface DriftMatrixDriftItem {
  component: string;
  expected: string | null;
  actual: string | null;
  ignored: boolean;
  since?: string | null;
}

export interface DriftMatrixHostInput {
  hostKey: string;
  isDrifted: boolean;
  isSnowflake: boolean;
  drift: readonly DriftMatrixDriftItem[];
}

export interface DriftMatrixColumn {
  component: string;
  baseline: string | null;
  /** Hosts drifting on this component, ignored drift not counted. */
  driftHostCount: number;
  /** True when every drift on this component is ignored. */
  ignored: boolean;
}

export interface DriftMatrixRow {
  hostKey: string;
  isDrifted: boolean;
  isSnowflake: boolean;
  /** Components drifting on this host, ignored ones not counted. */
  driftCount: number;
  driftByComponent: ReadonlyMap<string, DriftMatrixDriftItem>;
}

export interface DriftMatrix {
  columns: DriftMatrixColumn[];
  rows: DriftMatrixRow[];
}

export type DriftMatrixSort = "host" | "drift";

export interface DriftMatrixFilter {
  /** Case-insensitive substring of the host key. */
  host?: string;
  /** Case-insensitive substring of the component name: keeps matching columns. */
  component?: string;
  /** Only hosts that drift or are snowflakes (as the export's `drifted=1`). */
  onlyDrifted?: boolean;
  /** "host": by name, numbers in order (web-2 before web-10); "drift": most drift first. Default "host". */
  sort?: DriftMatrixSort;
}

/**
 * Columns are the components that drift on at least one host (ignored drift included, so it
 * can be shown greyed), most drifting hosts first; rows are all hosts.
 */
export function buildDriftMatrix(
  hosts: readonly DriftMatrixHostInput[],
  baselineOf: (component: string) => string | null = () => null,
): DriftMatrix {
  const columns = new Map<string, DriftMatrixColumn>();
  const rows = hosts.map((host) => {
    const driftByComponent = new Map<string, DriftMatrixDriftItem>();
    let driftCount = 0;
    for (const item of host.drift) {
      driftByComponent.set(item.component, item);
      let column = columns.get(item.component);
      if (!column) {
        column = { component: item.component, baseline: baselineOf(item.component), driftHostCount: 0, ignored: true };
        columns.set(item.component, column);
      }
      if (!item.ignored) {
        driftCount++;
        column.driftHostCount++;
        column.ignored = false;
      }
    }
    return { hostKey: host.hostKey, isDrifted: host.isDrifted, isSnowflake: host.isSnowflake, driftCount, driftByComponent };
  });
  return {
    columns: [...columns.values()].sort(
      (a, b) => Number(a.ignored) - Number(b.ignored) || b.driftHostCount - a.driftHostCount || hostCollator.compare(a.component, b.component),
    ),
    rows: sortRows(rows, "host"),
  };
}

/** What one cell shows. */
export function getDriftCellStatus(row: Pick<DriftMatrixRow, "driftByComponent">, component: string): DriftCellStatus {
  const item = row.driftByComponent.get(component);
  if (!item) return "matches";
  if (item.ignored) return "ignored";
  if (item.actual === null) return "missing";
  if (item.expected === null) return "extra";
  return "differs";
}

export function filterDriftMatrix(matrix: DriftMatrix, filter: DriftMatrixFilter): DriftMatrix {
  const host = filter.host?.trim().toLowerCase();
  const component = filter.component?.trim().toLowerCase();
  const rows = matrix.rows.filter(
    (row) => (!host || row.hostKey.toLowerCase().includes(host)) && (!filter.onlyDrifted || row.isDrifted || row.isSnowflake),
  );
  return {
    columns: component ? matrix.columns.filter((column) => column.component.toLowerCase().includes(component)) : matrix.columns,
    rows: sortRows(rows, filter.sort ?? "host"),
  };
}

const hostCollator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

function sortRows(rows: DriftMatrixRow[], sort: DriftMatrixSort): DriftMatrixRow[] {
  const byName = (a: DriftMatrixRow, b: DriftMatrixRow) => hostCollator.compare(a.hostKey, b.hostKey) || compareText(a.hostKey, b.hostKey);
  return [...rows].sort(sort === "drift" ? (a, b) => b.driftCount - a.driftCount || Number(b.isSnowflake) - Number(a.isSnowflake) || byName(a, b) : byName);
}

export interface DriftOnsetSummary {
  component: string;
  /** Hosts drifting on the component (ignored drift not counted). */
  hostCount: number;
  /** The earliest onset among those hosts; null when no onset is known. */
  firstSince: string | null;
  /** The latest onset: when the most recent host started drifting on it. */
  lastSince: string | null;
}

/** Per drifting component, how many hosts drift on it and since when; longest-standing first. */
export function summariseDriftOnsets(hosts: readonly DriftMatrixHostInput[]): DriftOnsetSummary[] {
  const byComponent = new Map<string, DriftOnsetSummary>();
  for (const host of hosts) {
    for (const item of host.drift) {
      if (item.ignored) continue;
      let summary = byComponent.get(item.component);
      if (!summary) {
        summary = { component: item.component, hostCount: 0, firstSince: null, lastSince: null };
        byComponent.set(item.component, summary);
      }
      summary.hostCount++;
      const since = item.since ?? null;
      if (since !== null) {
        if (summary.firstSince === null || Date.parse(since) < Date.parse(summary.firstSince)) summary.firstSince = since;
        if (summary.lastSince === null || Date.parse(since) > Date.parse(summary.lastSince)) summary.lastSince = since;
      }
    }
  }
  return [...byComponent.values()].sort(
    (a, b) =>
      (a.firstSince === null ? 1 : 0) - (b.firstSince === null ? 1 : 0) ||
      (a.firstSince && b.firstSince ? Date.parse(a.firstSince) - Date.parse(b.firstSince) : 0) ||
      b.hostCount - a.hostCount ||
      compareText(a.component, b.component),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
