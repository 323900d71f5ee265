"use client";

import { Bar, Legend } from "recharts";
import { FLEET_CHART_COLORS } from "@/lib/charts/fleet-series";
import type { ReportChangesPoint } from "@/lib/charts/report-series";
import { ServiceBarChart } from "./service-bar-chart";

export interface ReportChangesChartProps {
  series: ReportChangesPoint[];
}

/** Colours say how a host changed: in place (as mutable), new (as immutable), gone (neutral). */
const KIND_COLORS = { mutated: FLEET_CHART_COLORS.mutable, launched: FLEET_CHART_COLORS.immutable, retired: FLEET_CHART_COLORS.clean } as const;

/** A shared comparison's hosts mutated, launched and retired per service. */
export function ReportChangesChart({ series }: ReportChangesChartProps) {
  return (
    <ServiceBarChart
      series={series}
      title="Hosts mutated, launched and retired per service"
      describe={(point) => [
        { label: "Mutated in place", value: String(point.mutated), color: KIND_COLORS.mutated },
        { label: "Launched", value: String(point.launched), color: KIND_COLORS.launched },
        { label: "Retired", value: String(point.retired), color: KIND_COLORS.retired },
      ]}
    >
      <Legend verticalAlign="top" itemSorter={null} height={28} iconType="square" wrapperStyle={{ fontSize: 12 }} />
      <Bar dataKey="mutated" name="Mutated in place" stackId="hosts" fill={KIND_COLORS.mutated} isAnimationActive={false} />
      <Bar dataKey="launched" name="Launched" stackId="hosts" fill={KIND_COLORS.launched} isAnimationActive={false} />
      <Bar dataKey="retired" name="Retired" stackId="hosts" fill={KIND_COLORS.retired} radius={[0, 3, 3, 0]} isAnimationActive={false} />
    </ServiceBarChart>
  );
}
