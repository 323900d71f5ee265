"use client";

import { Bar, Legend } from "recharts";
import { FLEET_CHART_COLORS } from "@/lib/charts/fleet-series";
import type { ReportDriftPoint } from "@/lib/charts/report-series";
import { formatCount } from "@/lib/format";
import { ServiceBarChart } from "./service-bar-chart";

export interface DriftByServiceChartProps {
  /** The overview's points carry links to the services; a shared report's do not. */
  series: Array<ReportDriftPoint & { href?: string }>;
}

/** Drifted and clean hosts per service as stacked bars. */
export function DriftByServiceChart({ series }: DriftByServiceChartProps) {
  return (
    <ServiceBarChart
      series={series}
      title="Drifted and clean hosts per service"
      describe={(point) => [
        { label: "Drifted", value: `${point.drifted} of ${formatCount(point.hosts, "host")}`, color: FLEET_CHART_COLORS.drift },
        { label: "Clean", value: String(point.clean), color: FLEET_CHART_COLORS.clean },
        { label: "Snowflakes", value: String(point.snowflakes), color: FLEET_CHART_COLORS.snowflake },
      ]}
    >
      <Legend verticalAlign="top" itemSorter={null} height={28} iconType="square" wrapperStyle={{ fontSize: 12 }} />
      <Bar dataKey="drifted" name="Drifted hosts" stackId="hosts" fill={FLEET_CHART_COLORS.drift} isAnimationActive={false} />
      <Bar dataKey="clean" name="Clean hosts" stackId="hosts" fill={FLEET_CHART_COLORS.clean} radius={[0, 3, 3, 0]} isAnimationActive={false} />
    </ServiceBarChart>
  );
}
