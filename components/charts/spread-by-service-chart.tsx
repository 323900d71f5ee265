"use client";

import { Bar, LabelList } from "recharts";
import { FLEET_CHART_COLORS, type SpreadByServicePoint } from "@/lib/charts/fleet-series";
import { formatCount } from "@/lib/format";
import { ServiceBarChart } from "./service-bar-chart";

export interface SpreadByServiceChartProps {
  series: SpreadByServicePoint[];
}

/** Components running in more than one version, per service; a bar or its label opens the service. */
export function SpreadByServiceChart({ series }: SpreadByServiceChartProps) {
  return (
    <ServiceBarChart
      series={series}
      title="Components with version spread per service"
      margin={{ top: 32, right: 32, bottom: 4, left: 8 }}
      describe={(point) => [
        { label: "Components with spread", value: String(point.spreadComponents), color: FLEET_CHART_COLORS.spread },
        { label: "Hosts", value: formatCount(point.hosts, "host") },
      ]}
    >
      <Bar dataKey="spreadComponents" name="Components with spread" fill={FLEET_CHART_COLORS.spread} radius={[0, 3, 3, 0]} isAnimationActive={false}>
        <LabelList dataKey="spreadComponents" position="right" fill="currentColor" fontSize={12} />
      </Bar>
    </ServiceBarChart>
  );
}
