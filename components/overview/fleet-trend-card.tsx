import { FleetTrendChart } from "@/components/charts/fleet-trend-chart";
import { Card } from "@/components/ui/card";
import { buildFleetTrendSeries, describeTrendChange } from "@/lib/charts/fleet-series";
import { getOverviewTrend } from "@/lib/overview/queries";
import { ChartDataTable } from "./chart-data-table";

export interface FleetTrendCardProps {
  environment: string | undefined;
}

/** Drifted hosts and distinct versions across snapshots, one point per day. */
export async function FleetTrendCard({ environment }: FleetTrendCardProps) {
  const series = buildFleetTrendSeries(await getOverviewTrend(environment));
  const change = describeTrendChange(series);
  const last = series.at(-1);
  return (
    <Card title="Trends">
      {!change || !last ? (
        <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          Trends appear once there are snapshots from two different days.
          {last && ` So far: ${last.driftedHosts} of ${last.hosts} hosts drift, with ${last.distinctVersions} distinct versions (${last.label}).`}
        </p>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">
            Since {change.since}: drifted hosts {describeDelta(change.driftedHosts)} to {last.driftedHosts}, distinct versions {describeDelta(change.distinctVersions)} to{" "}
            {last.distinctVersions}.
          </p>
          <FleetTrendChart series={series} />
          <ChartDataTable
            caption="Fleet trend by day"
            columns={[
              { label: "Day" },
              { label: "Hosts", isNumeric: true },
              { label: "Drifted hosts", isNumeric: true },
              { label: "Distinct versions", isNumeric: true },
            ]}
            rows={[...series].reverse().map((p) => ({ key: p.snapshotId, cells: [p.label, p.hosts, `${p.driftedHosts} (${p.driftedPercent}%)`, p.distinctVersions] }))}
          />
        </>
      )}
    </Card>
  );
}

function describeDelta(delta: number): string {
  if (delta === 0) return "unchanged";
  return delta > 0 ? `up ${delta}` : `down ${-delta}`;
}
