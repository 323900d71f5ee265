"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { FLEET_CHART_COLORS } from "@/lib/charts/fleet-series";
import type { ReportDriftPoint } from "@/lib/charts/report-series";
import { formatCount } from "@/lib/format";
import { FleetChartTooltip } from "./fleet-chart-tooltip";

export interface ReportDriftChartProps {
  series: ReportDriftPoint[];
}

const ROW_HEIGHT = 30;

/** A shared report's drifted and clean hosts per service. Bars link nowhere: the report stands alone. */
export function ReportDriftChart({ series }: ReportDriftChartProps) {
  const height = Math.max(140, series.length * ROW_HEIGHT + 64);
  return (
    <div className="text-slate-600 dark:text-slate-300 print:text-slate-800">
      <BarChart responsive style={{ width: "100%", height }} data={series} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }} barCategoryGap={8}>
        <CartesianGrid horizontal={false} stroke="currentColor" strokeOpacity={0.15} />
        <XAxis type="number" allowDecimals={false} tick={{ fill: "currentColor", fontSize: 12 }} stroke="currentColor" strokeOpacity={0.4} />
        <YAxis
          type="category"
          dataKey="label"
          width={160}
          interval={0}
          tick={{ fill: "currentColor", fontSize: 12 }}
          tickFormatter={(label: string) => (label.length > 24 ? `${label.slice(0, 23)}…` : label)}
          stroke="currentColor"
          strokeOpacity={0.4}
        />
        <Tooltip
          cursor={{ fill: "currentColor", fillOpacity: 0.08 }}
          content={({ active, payload }) => {
            const point = payload?.[0]?.payload as ReportDriftPoint | undefined;
            if (!active || !point) return null;
            return (
              <FleetChartTooltip
                title={point.label}
                lines={[
                  { label: "Drifted", value: `${point.drifted} of ${formatCount(point.hosts, "host")}`, color: FLEET_CHART_COLORS.drift },
                  { label: "Clean", value: String(point.clean), color: FLEET_CHART_COLORS.clean },
                  { label: "Snowflakes", value: String(point.snowflakes), color: FLEET_CHART_COLORS.snowflake },
                ]}
              />
            );
          }}
        />
        <Legend verticalAlign="top" itemSorter={null} height={28} iconType="square" wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="drifted" name="Drifted hosts" stackId="hosts" fill={FLEET_CHART_COLORS.drift} isAnimationActive={false} />
        <Bar dataKey="clean" name="Clean hosts" stackId="hosts" fill={FLEET_CHART_COLORS.clean} radius={[0, 3, 3, 0]} isAnimationActive={false} />
      </BarChart>
    </div>
  );
}
