import { ReportChangesChart } from "@/components/charts/report-changes-chart";
import { formatComponentLabel, formatVersion } from "@/lib/analysis/format-display";
import { formatDateTime } from "@/lib/format";
import type { ReportComparison, ReportSnapshot } from "@/lib/reports/schemas";
import { ReportCard } from "./report-card";
import { ReportStatList } from "./report-stat-list";

export interface ReportComparisonSectionProps {
  comparison: ReportComparison;
  snapshots: readonly ReportSnapshot[];
}

/** Host rows shown per service; the CSV has them all. */
const HOST_ROW_LIMIT = 200;
/** Component changes listed per host before "and N more". */
const CHANGES_PER_HOST = 8;

const KIND_LABELS = { mutated: "mutated in place", launched: "launched", retired: "retired" } as const;
const HOW_LABELS = { replacement: "by replacement", mutation: "in place", both: "both ways", scale: "scaled out or in" } as const;

/** A frozen comparison of two snapshots: what changed, where, and how. */
export function ReportComparisonSection({ comparison, snapshots }: ReportComparisonSectionProps) {
  const taken = (id: string) => snapshots.find((s) => s.id === id)?.takenAt;
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-700 dark:text-slate-300 print:text-black">
        From snapshot <span className="font-mono break-all">{comparison.from}</span> ({formatDateTime(taken(comparison.from))}) to{" "}
        <span className="font-mono break-all">{comparison.to}</span> ({formatDateTime(taken(comparison.to))}).
      </p>
      <ReportStatList
        label="Headline figures"
        stats={[
          { label: "Services changed", value: comparison.groups.length },
          { label: "Mutated in place", value: comparison.counts.mutated, tone: comparison.counts.mutated > 0 ? "text-mutable" : undefined },
          { label: "Launched", value: comparison.counts.launched },
          { label: "Retired", value: comparison.counts.retired },
        ]}
      />
      <p className="text-base font-medium">{comparison.summary}.</p>
      {comparison.groups.length > 0 && (
        <ReportCard title="Changes by service" titleId="report-changes-by-service">
          <figure aria-label="Changes by service chart">
            <ReportChangesChart series={comparison.charts.changesByService} />
          </figure>
        </ReportCard>
      )}
      {comparison.groups.map((group, index) => {
        const headingId = `report-change-${index}`;
        return (
          <section key={group.key} aria-labelledby={headingId} className="space-y-3 border-t border-slate-200 pt-6 dark:border-slate-800">
            <h2 id={headingId} className="text-xl font-semibold tracking-tight">
              {group.service} <span className="text-base font-normal text-slate-500 dark:text-slate-400">in {group.environment}</span>
            </h2>
            <p className="text-sm">
              {group.summary} <span className="text-slate-500 dark:text-slate-400">({HOW_LABELS[group.how]})</span>
            </p>
            {group.replacementChanges.length > 0 && (
              <p className="text-sm text-slate-700 dark:text-slate-300 print:text-black">
                The replacement brought:{" "}
                {group.replacementChanges.map((c) => `${formatComponentLabel(c.name, 40)} ${formatVersion(c.from)} → ${formatVersion(c.to)}`).join(", ")}
              </p>
            )}
            <ReportCard>
              <div className="overflow-x-auto print:overflow-visible">
                <table className="w-full text-left text-sm print:text-xs">
                  <caption className="sr-only">Host changes of {group.service}</caption>
                  <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400 print:text-black">
                    <tr>
                      <th scope="col" className="px-2 py-1.5">Host</th>
                      <th scope="col" className="px-2 py-1.5">Change</th>
                      <th scope="col" className="px-2 py-1.5">Components</th>
                    </tr>
                  </thead>
                  <tbody>
                    {group.hosts.slice(0, HOST_ROW_LIMIT).map((host) => (
                      <tr key={`${host.hostKey}\u0000${host.kind}`} className="border-b border-slate-100 align-top last:border-0 dark:border-slate-800 print:break-inside-avoid">
                        <td className="px-2 py-1 font-mono text-xs break-all">{host.hostKey}</td>
                        <td className="whitespace-nowrap px-2 py-1">{KIND_LABELS[host.kind]}</td>
                        <td className="px-2 py-1 font-mono text-xs">
                          {host.changes.length === 0 ? (
                            <span className="font-sans text-slate-500">{host.componentCount.toLocaleString("en-US")} components, as its peers</span>
                          ) : (
                            <>
                              {host.changes
                                .slice(0, CHANGES_PER_HOST)
                                .map((c) => `${formatComponentLabel(c.name, 40)} ${formatVersion(c.from)} → ${formatVersion(c.to)}`)
                                .join(", ")}
                              {host.changes.length > CHANGES_PER_HOST && <span className="font-sans text-slate-500"> and {host.changes.length - CHANGES_PER_HOST} more</span>}
                            </>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {group.hosts.length > HOST_ROW_LIMIT && (
                <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
                  The first {HOST_ROW_LIMIT} of {group.hosts.length.toLocaleString("en-US")} hosts; the CSV download has them all.
                </p>
              )}
            </ReportCard>
          </section>
        );
      })}
    </div>
  );
}
