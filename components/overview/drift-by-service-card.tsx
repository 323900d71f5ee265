import Link from "next/link";
import { DriftByServiceChart } from "@/components/charts/drift-by-service-chart";
import { Card } from "@/components/ui/card";
import { buildDriftByServiceSeries } from "@/lib/charts/fleet-series";
import { formatCount } from "@/lib/format";
import { getOverviewSummary } from "@/lib/overview/queries";
import { ChartDataTable } from "./chart-data-table";

/**
 * Bars beyond this make the chart a scroll. The table lists the same services: listing all
 * of them (hundreds) here, twice over in the page's HTML and its React payload, made the
 * overview slow to paint; the services list is the complete, sortable table.
 */
const CHART_LIMIT = 15;

export interface DriftByServiceCardProps {
  environment: string | undefined;
}

/** Drifted vs clean hosts per service, most drifted first. */
export async function DriftByServiceCard({ environment }: DriftByServiceCardProps) {
  const fleet = await getOverviewSummary(environment);
  const series = buildDriftByServiceSeries(fleet.serviceSummaries);
  const driftingServices = series.filter((p) => p.drifted > 0).length;
  return (
    <Card title="Drift by service">
      <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">
        {fleet.driftedHosts === 0
          ? `No host differs from its service's baseline (${formatCount(fleet.hosts, "host")}).`
          : `${fleet.driftedHosts.toLocaleString("en-US")} of ${formatCount(fleet.hosts, "host")} differ from their service's baseline, in ${driftingServices} of ${formatCount(series.length, "service")}.`}
      </p>
      <DriftByServiceChart series={series.slice(0, CHART_LIMIT)} />
      {series.length > CHART_LIMIT && (
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          The {CHART_LIMIT} most drifted services of {series.length}; the <Link href="/services" className="underline">services list</Link> has them all.
        </p>
      )}
      <ChartDataTable
        caption="Drift by service"
        columns={[{ label: "Service" }, { label: "Drifted", isNumeric: true }, { label: "Clean", isNumeric: true }, { label: "Snowflakes", isNumeric: true }]}
        rows={series.slice(0, CHART_LIMIT).map((p) => ({
          key: p.key,
          cells: [
            <Link key="service" href={p.href} className="text-sky-700 hover:underline dark:text-sky-400">
              {p.label}
            </Link>,
            p.drifted,
            p.clean,
            p.snowflakes,
          ],
        }))}
      />
    </Card>
  );
}
