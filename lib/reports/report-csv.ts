import { toCsv } from "@/lib/csv-export";
import { AppError } from "@/lib/errors";
import type { ReportCsvTable, ReportDocument } from "./schemas";
import { toReportFileName } from "./scope";

/** The tables each kind of report offers as CSV, the default first. */
export const REPORT_CSV_TABLES: Record<ReportDocument["kind"], readonly ReportCsvTable[]> = {
  services: ["drift", "spread", "services"],
  compare: ["changes"],
};

/**
 * A report's own data as CSV, from its frozen document only (formula-safe, like every
 * export). Services reports: `drift` (one row per host and drifting component; a snowflake
 * without drift gets one row of its own), `spread` (one row per component version),
 * `services` (one row per service). Comparisons: `changes` (one row per host and component).
 */
export function reportToCsv(document: ReportDocument, table?: ReportCsvTable): { csv: string; fileName: string } {
  const offered = REPORT_CSV_TABLES[document.kind];
  const chosen = table ?? offered[0]!;
  if (!offered.includes(chosen)) {
    throw new AppError("invalid_input", { message: `this report has no ${chosen} table; it offers ${offered.join(", ")}`, path: "table" });
  }
  const fileName = `${toReportFileName(document.title)}-${chosen}.csv`;
  if (document.kind === "compare") return { csv: comparisonToCsv(document), fileName };
  if (chosen === "spread") return { csv: spreadToCsv(document), fileName };
  if (chosen === "services") return { csv: servicesToCsv(document), fileName };
  return { csv: driftToCsv(document), fileName };
}

type ServicesDocument = Extract<ReportDocument, { kind: "services" }>;

function driftToCsv(document: ServicesDocument): string {
  return toCsv(
    ["service", "environment", "snapshot", "host", "component", "expected", "actual", "since", "snowflake", "snowflake_reasons"],
    document.services.flatMap((service) =>
      service.hosts.flatMap((host) => {
        const head = [service.name, service.environment, service.snapshotId, host.hostKey];
        const tail = [host.isSnowflake ? "yes" : "no", host.snowflakeReasons.join("; ")];
        if (host.drift.length === 0) return [[...head, null, null, null, null, ...tail]];
        return host.drift.map((d) => [...head, d.component, d.expected, d.actual, d.since, ...tail]);
      }),
    ),
  );
}

function spreadToCsv(document: ServicesDocument): string {
  return toCsv(
    ["service", "environment", "snapshot", "component", "baseline", "version", "host_count", "ignored"],
    document.services.flatMap((service) =>
      service.components.flatMap((c) =>
        c.versions.map((v) => [service.name, service.environment, service.snapshotId, c.name, c.baseline, v.version, v.hostCount, c.ignored ? "yes" : "no"]),
      ),
    ),
  );
}

function servicesToCsv(document: ServicesDocument): string {
  return toCsv(
    [
      "service",
      "environment",
      "snapshot",
      "snapshot_taken_at",
      "role",
      "verdict",
      "confidence",
      "hosts",
      "drifted_hosts",
      "snowflakes",
      "components_with_spread",
      "migration_candidate",
    ],
    document.services.map((s) => [
      s.name,
      s.environment,
      s.snapshotId,
      s.snapshotTakenAt,
      s.role,
      s.classification.verdict,
      s.classification.confidence,
      s.hostCount,
      s.driftedHostCount,
      s.snowflakeCount,
      s.spreadComponentCount,
      s.isMigrationCandidate ? "yes" : "no",
    ]),
  );
}

function comparisonToCsv(document: Extract<ReportDocument, { kind: "compare" }>): string {
  const { comparison } = document;
  return toCsv(
    ["service", "environment", "from_snapshot", "to_snapshot", "host", "change", "component", "from", "to"],
    comparison.groups.flatMap((group) =>
      group.hosts.flatMap((host) => {
        const head = [group.service, group.environment, comparison.from, comparison.to, host.hostKey, host.kind];
        if (host.changes.length === 0) return [[...head, null, null, null]];
        return host.changes.map((c) => [...head, c.name, c.from, c.to]);
      }),
    ),
  );
}
