import { HybridPictureChart } from "@/components/charts/hybrid-picture-chart";
import { Card } from "@/components/ui/card";
import { buildHybridPictureSeries, describeHybridPicture, VERDICT_LABELS, VERDICT_ORDER } from "@/lib/charts/fleet-series";
import { getOverviewSummary } from "@/lib/overview/queries";
import { ChartDataTable } from "./chart-data-table";

export interface HybridPictureCardProps {
  environment: string | undefined;
}

/** Compute (stateless) vs data (stateful) services by verdict: immutable compute, mutable data is the goal. */
export async function HybridPictureCard({ environment }: HybridPictureCardProps) {
  const fleet = await getOverviewSummary(environment);
  const series = buildHybridPictureSeries(fleet.byRole);
  return (
    <Card title="Hybrid picture">
      <p className="text-sm font-medium">{describeHybridPicture(fleet.byRole)}</p>
      <p className="mb-2 mt-1 text-xs text-slate-600 dark:text-slate-400">
        Compute (web, API, workers) is best replaced from images; data (databases, caches, queues, storage) must persist, so it is expected to be mutable.
      </p>
      <HybridPictureChart series={series} />
      <ChartDataTable
        caption="Services by role and verdict"
        columns={[{ label: "Role" }, ...VERDICT_ORDER.map((v) => ({ label: VERDICT_LABELS[v], isNumeric: true })), { label: "Total", isNumeric: true }]}
        rows={series.map((row) => ({ key: row.role, cells: [`${row.label} (${row.role})`, ...VERDICT_ORDER.map((v) => row[v]), row.total] }))}
      />
    </Card>
  );
}
