import { HybridPictureChart } from "@/components/charts/hybrid-picture-chart";
import { DriftByServiceChart } from "@/components/charts/drift-by-service-chart";
import type { Verdict } from "@/lib/analysis/classification";
import { VERDICT_ORDER } from "@/lib/charts/fleet-series";
import { formatCount } from "@/lib/format";
import type { ReportFleet } from "@/lib/reports/schemas";
import { ReportCard } from "./report-card";
import { ReportStatList } from "./report-stat-list";
import { ReportVerdictBadge } from "./report-verdict-badge";

export interface ReportFleetSectionProps {
  fleet: ReportFleet;
}

/** Bars beyond this make the chart too tall to read; the per-service sections list them all. */
const DRIFT_CHART_LIMIT = 25;

/** The report's headline: figures, verdicts, drift per service and the hybrid picture. */
export function ReportFleetSection({ fleet }: ReportFleetSectionProps) {
  const driftSeries = fleet.charts.driftByService.slice(0, DRIFT_CHART_LIMIT);
  const verdicts = VERDICT_ORDER.filter((verdict: Verdict) => fleet.byVerdict[verdict] > 0);
  return (
    <div className="space-y-6">
      <ReportStatList
        label="Headline figures"
        stats={[
          { label: "Services", value: fleet.services },
          { label: "Hosts", value: fleet.hosts },
          { label: "Drifted hosts", value: fleet.driftedHosts, tone: fleet.driftedHosts > 0 ? "text-drift" : undefined },
          { label: "Snowflakes", value: fleet.snowflakes, tone: fleet.snowflakes > 0 ? "text-snowflake dark:text-violet-400" : undefined },
          { label: "Components with spread", value: fleet.spreadComponents },
        ]}
      />
      {verdicts.length > 0 && (
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-slate-600 dark:text-slate-400 print:text-black">Verdicts:</span>
          {verdicts.map((verdict) => (
            <span key={verdict} className="inline-flex items-center gap-1">
              <ReportVerdictBadge verdict={verdict} />
              <span className="tabular-nums">× {fleet.byVerdict[verdict]}</span>
            </span>
          ))}
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-5 print:block print:space-y-6">
        <ReportCard title="Drift by service" titleId="report-drift-by-service" className="lg:col-span-3">
          <p className="mb-2 text-sm text-slate-600 dark:text-slate-400 print:text-black">
            {fleet.driftedHosts === 0
              ? `No host differed from its service's baseline (${formatCount(fleet.hosts, "host")}).`
              : `${fleet.driftedHosts.toLocaleString("en-US")} of ${formatCount(fleet.hosts, "host")} differed from their service's baseline.`}
          </p>
          <figure aria-label="Drift by service chart">
            <DriftByServiceChart series={driftSeries} />
            {fleet.charts.driftByService.length > DRIFT_CHART_LIMIT && (
              <figcaption className="mt-1 text-xs text-slate-500 dark:text-slate-400">
                The {DRIFT_CHART_LIMIT} most drifted services of {fleet.charts.driftByService.length}; every service is listed below.
              </figcaption>
            )}
          </figure>
        </ReportCard>
        <ReportCard title="Compute and data by verdict" titleId="report-hybrid-picture" className="lg:col-span-2">
          <p className="mb-2 text-sm text-slate-600 dark:text-slate-400 print:text-black">
            Compute (stateless) should be immutable; data (stateful) is expected to change in place.
          </p>
          <figure aria-label="Compute and data by verdict chart">
            <HybridPictureChart series={fleet.charts.hybridPicture} />
          </figure>
          {fleet.migrationCandidates.length > 0 && (
            <div className="mt-3 border-t border-slate-200 pt-3 text-sm dark:border-slate-800">
              <h3 className="font-semibold">Migration candidates</h3>
              <p className="text-slate-600 dark:text-slate-400 print:text-black">Stateless services that still change in place:</p>
              <ul className="mt-1 list-disc pl-5">
                {fleet.migrationCandidates.map((c) => (
                  <li key={`${c.name}\u0000${c.environment}`}>
                    {c.name} <span className="text-slate-500">({c.environment})</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </ReportCard>
      </div>
    </div>
  );
}
