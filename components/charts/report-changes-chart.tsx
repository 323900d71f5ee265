"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { FLEET_CHART_COLORS } from "@/lib/charts/fleet-series";
import type { ReportChangesPoint } from "@/lib/charts/report-series";
import { FleetChartTooltip } from "./fleet-chart-tooltip";

export interface ReportChangesChartProps {
  series: ReportChangesPoint[];
}

const ROW_HEIGHT = 30;

/** Colours say how a host changed: in place (as mutable), new (as immutable), gone (neutral). */
const KIND_COLORS = { mutated: FLEET_CHART_COLORS.mutable, launched: FLEET_CHART_COLORS.immutable, retired: FLEET_CHART_COLORS.clean } as const;

/** A shared comparison's hosts mutated, launched and retired per service. */
export function ReportChangesChart({ series }: ReportChangesChartProps) {
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
            const point = payload?.[0]?.payload as ReportChangesPoint | undefined;
            if (!active || !point) return null;
            return (
              <FleetChartTooltip
                title={point.label}
                lines={[
                  { label: "Mutated in place", value: String(point.mutated), color: KIND_COLORS.mutated },
                  { label: "Launched", value: String(point.launched), color: KIND_COLORS.launched },
                  { label: "Retired", value: String(point.retired), color: KIND_COLORS.retired },
                ]}
              />
            );
          }}
        />
        <Legend verticalAlign="top" itemSorter={null} height={28} iconType="square" wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="mutated" name="Mutated in place" stackId="hosts" fill={KIND_COLORS.mutated} isAnimationActive={false} />
        <Bar dataKey="launched" name="Launched" stackId="hosts" fill={KIND_COLORS.launched} isAnimationActive={false} />
        <Bar dataKey="retired" name="Retired" stackId="hosts" fill={KIND_COLORS.retired} radius={[0, 3, 3, 0]} isAnimationActive={false} />
      </BarChart>
    </div>
  );
}
