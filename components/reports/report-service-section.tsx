import { VersionSpreadChart } from "@/components/charts/version-spread-chart";
import { formatComponentLabel, formatVersion } from "@/lib/analysis/format-display";
import { formatCount, formatDate, formatDateTime } from "@/lib/format";
import type { ReportService } from "@/lib/reports/schemas";
import { ReportCard } from "./report-card";
import { ReportVerdictBadge } from "./report-verdict-badge";

export interface ReportServiceSectionProps {
  service: ReportService;
  /** Unique on the page, for the section's heading id. */
  index: number;
}

/** Drift rows shown per service; the CSV has them all. */
const DRIFT_ROW_LIMIT = 300;

const BASELINE_LABELS: Record<ReportService["baselineSource"], string> = {
  majority: "the majority version",
  declared: "declared golden versions",
  previous: "the previous snapshot",
};

/** One service of a shared report: verdict with evidence, snowflakes, drift per host, spread. */
export function ReportServiceSection({ service, index }: ReportServiceSectionProps) {
  const headingId = `report-service-${index}`;
  const { classification } = service;
  const driftRows = service.hosts.flatMap((host) => host.drift.map((d) => ({ host: host.hostKey, ...d })));
  const snowflakes = service.hosts.filter((h) => h.isSnowflake);
  const spread = service.charts.versionSpread;
  const spreadComponents = service.components.filter((c) => !c.ignored);

  return (
    <section aria-labelledby={headingId} className="space-y-4 border-t border-slate-200 pt-6 dark:border-slate-800 print:break-before-auto">
      <header className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id={headingId} className="text-xl font-semibold tracking-tight">
          {service.name} <span className="text-base font-normal text-slate-500 dark:text-slate-400">in {service.environment}</span>
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400 print:text-black">snapshot taken {formatDateTime(service.snapshotTakenAt)}</p>
      </header>
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <ReportVerdictBadge
          verdict={classification.verdict}
          confidence={classification.override ? undefined : classification.confidence}
          isOverridden={classification.override !== null}
        />
        <span className="text-slate-700 dark:text-slate-300 print:text-black">
          {service.role === "stateful" ? "data (stateful)" : "compute (stateless)"}
          {service.isRoleOverridden && " (set by a user)"} · {formatCount(service.hostCount, "host")} · {service.driftedHostCount.toLocaleString("en-US")} drifted ·{" "}
          {formatCount(service.snowflakeCount, "snowflake")} · {formatCount(service.spreadComponentCount, "component")} with spread · baseline:{" "}
          {BASELINE_LABELS[service.baselineSource]}
        </span>
      </p>

      <div className="grid items-start gap-4 lg:grid-cols-2 print:block print:space-y-4">
        <ReportCard title="Classification and evidence" titleId={`${headingId}-classification`}>
          {classification.override && (
            <p className="mb-2 text-sm">
              <strong>Overridden to {classification.override.verdict}</strong>: {classification.override.reason}; the evidence says{" "}
              <strong>{classification.computedVerdict}</strong>.
            </p>
          )}
          <p className="text-sm text-slate-600 dark:text-slate-400 print:text-black">
            {formatCount(classification.mutations, "transition")} with in-place changes (mutations), {formatCount(classification.replacements, "transition")} with new
            hosts bringing new versions (replacements), {formatCount(classification.scaleEvents, "scale event")}.
          </p>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {classification.evidence.map((line) => (
              <li key={line} className="break-words">
                {line}
              </li>
            ))}
          </ul>
          {classification.hints.length > 0 && (
            <>
              <h3 className="mt-3 text-sm font-semibold">
                Hints{" "}
                <span className="font-normal text-slate-500 dark:text-slate-400">
                  {classification.verdict === "unknown" && classification.leaning ? `(leaning ${classification.leaning}, low confidence)` : "(hints, not evidence)"}
                </span>
              </h3>
              <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-700 dark:text-slate-300 print:text-black">
                {classification.hints.map((hint) => (
                  <li key={hint} className="break-words">
                    {hint}
                  </li>
                ))}
              </ul>
            </>
          )}
          {service.isMigrationCandidate && service.nextStep && (
            <p className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100 print:bg-white print:text-black">
              <strong>Migration candidate.</strong> Next step: {service.nextStep.title}. {service.nextStep.why}
            </p>
          )}
        </ReportCard>

        <ReportCard title="Snowflakes" titleId={`${headingId}-snowflakes`}>
          {service.hostCount === 1 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400 print:text-black">A one-host service has no peers to compare with, so no snowflakes.</p>
          ) : snowflakes.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400 print:text-black">No snowflakes: every host had the components and configuration its peers share.</p>
          ) : (
            <ul className="space-y-3">
              {snowflakes.map((host) => (
                <li key={host.hostKey}>
                  <p className="font-mono text-sm font-medium break-all">{host.hostKey}</p>
                  <ul className="mt-1 list-disc space-y-0.5 pl-6 text-sm text-slate-700 dark:text-slate-300 print:text-black">
                    {host.snowflakeReasons.map((reason) => (
                      <li key={reason} className="break-words">
                        {reason}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </ReportCard>
      </div>

      <ReportCard title="Drift per host" titleId={`${headingId}-drift`}>
        {driftRows.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400 print:text-black">
            {service.hostCount === 1 ? "A single host is its own majority: no drift by definition." : `No host differed from the baseline: all ${service.hostCount} hosts matched.`}
          </p>
        ) : (
          <>
            <div className="overflow-x-auto print:overflow-visible">
              <table className="w-full text-left text-sm print:text-xs">
                <caption className="sr-only">Drift per host of {service.name}</caption>
                <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400 print:text-black">
                  <tr>
                    <th scope="col" className="px-2 py-1.5">Host</th>
                    <th scope="col" className="px-2 py-1.5">Component</th>
                    <th scope="col" className="px-2 py-1.5">Expected</th>
                    <th scope="col" className="px-2 py-1.5">Actual</th>
                    <th scope="col" className="px-2 py-1.5">Since</th>
                  </tr>
                </thead>
                <tbody>
                  {driftRows.slice(0, DRIFT_ROW_LIMIT).map((row) => (
                    <tr key={`${row.host}\u0000${row.component}`} className="border-b border-slate-100 last:border-0 dark:border-slate-800 print:break-inside-avoid">
                      <td className="px-2 py-1 font-mono text-xs break-all">{row.host}</td>
                      <td className="px-2 py-1 font-mono text-xs break-all" title={row.component}>
                        {formatComponentLabel(row.component, 48)}
                      </td>
                      <td className="px-2 py-1 font-mono text-xs" title={row.expected ?? undefined}>
                        {row.expected === null ? <span className="text-slate-500">absent</span> : formatVersion(row.expected)}
                      </td>
                      <td className="px-2 py-1 font-mono text-xs" title={row.actual ?? undefined}>
                        {row.actual === null ? <span className="text-mutable">missing</span> : formatVersion(row.actual)}
                      </td>
                      <td className="whitespace-nowrap px-2 py-1 text-xs">{formatDate(row.since)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {driftRows.length > DRIFT_ROW_LIMIT && (
              <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
                The first {DRIFT_ROW_LIMIT} of {driftRows.length.toLocaleString("en-US")} differences; the CSV download has them all.
              </p>
            )}
          </>
        )}
      </ReportCard>

      <ReportCard title="Version spread" titleId={`${headingId}-spread`}>
        {spreadComponents.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400 print:text-black">Every component ran in its baseline version on every host.</p>
        ) : (
          <>
            {spread.rows.length > 0 && (
              <figure aria-label={`Version spread chart of ${service.name}`}>
                <VersionSpreadChart series={spread} />
                {spread.hiddenCount > 0 && (
                  <figcaption className="mt-1 text-xs text-slate-500 dark:text-slate-400">
                    The {spread.rows.length} most spread components; {spread.hiddenCount} more are in the table and the spread CSV.
                  </figcaption>
                )}
              </figure>
            )}
            <div className="mt-3 overflow-x-auto print:overflow-visible">
              <table className="w-full text-left text-sm print:text-xs">
                <caption className="sr-only">Version spread of {service.name}</caption>
                <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400 print:text-black">
                  <tr>
                    <th scope="col" className="px-2 py-1.5">Component</th>
                    <th scope="col" className="px-2 py-1.5">Baseline</th>
                    <th scope="col" className="px-2 py-1.5">Versions (hosts)</th>
                  </tr>
                </thead>
                <tbody>
                  {spreadComponents.map((c) => (
                      <tr key={c.name} className="border-b border-slate-100 last:border-0 dark:border-slate-800 print:break-inside-avoid">
                        <td className="px-2 py-1 font-mono text-xs break-all" title={c.name}>
                          {formatComponentLabel(c.name, 48)}
                        </td>
                        <td className="px-2 py-1 font-mono text-xs">{formatVersion(c.baseline)}</td>
                        <td className="px-2 py-1 font-mono text-xs">{c.versions.map((v) => `${formatVersion(v.version)} ×${v.hostCount}`).join(", ")}</td>
                      </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </ReportCard>
    </section>
  );
}
