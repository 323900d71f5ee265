import { formatCount, formatDateTime } from "@/lib/format";
import type { SharedReport } from "@/lib/reports/queries";
import { describeReportScope } from "@/lib/reports/scope";
import type { ReportService } from "@/lib/reports/schemas";
import { ReportCard } from "./report-card";
import { ReportComparisonSection } from "./report-comparison-section";
import { ReportDownloadLinks } from "./report-download-links";
import { ReportFleetSection } from "./report-fleet-section";
import { ReportServiceSection } from "./report-service-section";
import { ReportSnapshotList } from "./report-snapshot-list";
import { ReportVerdictBadge } from "./report-verdict-badge";

export interface SharedReportViewProps {
  report: SharedReport;
  /** The link's token, for the report's own download links. */
  token: string;
}

/**
 * A shared drift report as its link shows it: read-only, from the frozen document alone, with
 * no navigation and no link into the dashboard — only the report's own downloads.
 */
export function SharedReportView({ report, token }: SharedReportViewProps) {
  const { document } = report;
  return (
    <article aria-labelledby="report-title" className="space-y-8 print:space-y-6">
      <header className="space-y-3">
        <p className="flex items-center gap-2 text-sm font-medium text-slate-500 dark:text-slate-400 print:text-black">
          <span aria-hidden className="inline-block h-4 w-4 rounded bg-gradient-to-br from-teal-500 to-rose-500" />
          Driftboard · shared {document.kind === "compare" ? "comparison" : "drift report"}
        </p>
        <h1 id="report-title" className="text-3xl font-semibold tracking-tight break-words">
          {document.title}
        </h1>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr] print:grid-cols-[auto_1fr]">
          <dt className="text-slate-500 dark:text-slate-400 print:text-black">Scope</dt>
          <dd>{describeReportScope(document.scope)}</dd>
          <dt className="text-slate-500 dark:text-slate-400 print:text-black">Taken</dt>
          <dd>
            {formatDateTime(document.takenAt)} <span className="text-slate-500 dark:text-slate-400">(frozen: later uploads and settings do not change it)</span>
          </dd>
          <dt className="text-slate-500 dark:text-slate-400 print:text-black">From</dt>
          <dd>
            {formatCount(document.snapshots.length, "snapshot")}
            {document.snapshots.length > 0 && (
              <>
                , taken {formatDateTime(document.snapshots[0]!.takenAt)}
                {document.snapshots.length > 1 && <> to {formatDateTime(document.snapshots.at(-1)!.takenAt)}</>}
              </>
            )}
          </dd>
          <dt className="text-slate-500 dark:text-slate-400 print:text-black">Link</dt>
          <dd>{report.expiresAt ? `expires ${formatDateTime(report.expiresAt)}` : "does not expire"}</dd>
        </dl>
        <ReportDownloadLinks token={token} kind={document.kind} />
      </header>

      {document.kind === "services" ? (
        <>
          <ReportFleetSection fleet={document.fleet} />
          <ServiceSections services={document.services} />
        </>
      ) : (
        <ReportComparisonSection comparison={document.comparison} snapshots={document.snapshots} />
      )}

      <ReportSnapshotList snapshots={document.snapshots} />
      <footer className="text-xs text-slate-500 dark:text-slate-400 print:text-black">
        Frozen by Driftboard on {formatDateTime(document.takenAt)}. This page shows what the analysis said then and nothing else of the fleet.
      </footer>
    </article>
  );
}

function hasFindings(service: ReportService): boolean {
  return service.hosts.length > 0 || service.components.some((c) => !c.ignored);
}

/** A section per service with drift, snowflakes or spread; the rest in one table. */
function ServiceSections({ services }: { services: readonly ReportService[] }) {
  const detailed = services.filter(hasFindings);
  const quiet = services.filter((s) => !hasFindings(s));
  return (
    <>
      {detailed.map((service, index) => (
        <ReportServiceSection key={`${service.name}\u0000${service.environment}`} service={service} index={index} />
      ))}
      {quiet.length > 0 && (
        <ReportCard title={`${detailed.length > 0 ? "Services" : "All services"} without drift or spread`} titleId="report-quiet-services">
          <div className="overflow-x-auto print:overflow-visible">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400 print:text-black">
                <tr>
                  <th scope="col" className="px-2 py-1.5">Service</th>
                  <th scope="col" className="px-2 py-1.5">Environment</th>
                  <th scope="col" className="px-2 py-1.5">Verdict</th>
                  <th scope="col" className="px-2 py-1.5 text-right">Hosts</th>
                </tr>
              </thead>
              <tbody>
                {quiet.map((s) => (
                  <tr key={`${s.name}\u0000${s.environment}`} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
                    <td className="px-2 py-1 break-all">{s.name}</td>
                    <td className="px-2 py-1">{s.environment}</td>
                    <td className="px-2 py-1">
                      <ReportVerdictBadge verdict={s.classification.verdict} isOverridden={s.classification.override !== null} />
                    </td>
                    <td className="px-2 py-1 text-right tabular-nums">{s.hostCount.toLocaleString("en-US")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </ReportCard>
      )}
    </>
  );
}
