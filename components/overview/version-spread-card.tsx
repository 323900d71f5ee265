import Link from "next/link";
import { SpreadByServiceChart } from "@/components/charts/spread-by-service-chart";
import { Card } from "@/components/ui/card";
import { buildSpreadByServiceSeries } from "@/lib/charts/fleet-series";
import { formatCount } from "@/lib/format";
import { getOverviewSummary } from "@/lib/overview/queries";
import { ChartDataTable } from "./chart-data-table";

/**
 * Bars beyond this make the chart a scroll. The table lists the same services: listing all
 * of them (hundreds) here, twice over in the page's HTML and its React payload, made the
 * overview slow to paint; the services list is the complete, sortable table.
 */
const CHART_LIMIT = 15;

export interface VersionSpreadCardProps {
  environment: string | undefined;
}

/** Per service, how many components run in more than one version. */
export async function VersionSpreadCard({ environment }: VersionSpreadCardProps) {
  const fleet = await getOverviewSummary(environment);
  const series = buildSpreadByServiceSeries(fleet.serviceSummaries);
  const spreadServices = series.filter((p) => p.spreadComponents > 0).length;
  return (
    <Card title="Version spread">
      <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">
        {fleet.spreadComponents === 0
          ? "Every component runs in a single version within its service."
          : `${formatCount(fleet.spreadComponents, "component")} ${fleet.spreadComponents === 1 ? "runs" : "run"} in more than one version, in ${spreadServices} of ${formatCount(series.length, "service")}.`}
      </p>
      <SpreadByServiceChart series={series.slice(0, CHART_LIMIT)} />
      {series.length > CHART_LIMIT && (
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          The {CHART_LIMIT} services with the widest spread, of {series.length}; the <Link href="/services" className="underline">services list</Link> has them all.
        </p>
      )}
      <ChartDataTable
        caption="Version spread by service"
        columns={[{ label: "Service" }, { label: "Components with spread", isNumeric: true }, { label: "Hosts", isNumeric: true }]}
        rows={series.slice(0, CHART_LIMIT).map((p) => ({
          key: p.key,
          cells: [
            <Link key="service" href={p.href} className="text-sky-700 hover:underline dark:text-sky-400">
              {p.label}
            </Link>,
            p.spreadComponents,
            p.hosts,
          ],
        }))}
      />
    </Card>
  );
}
