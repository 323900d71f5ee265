"use client";

import { Bar, BarChart, CartesianGrid, LabelList, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { FLEET_CHART_COLORS, type HybridPictureRow, VERDICT_LABELS, VERDICT_ORDER } from "@/lib/charts/fleet-series";
import { FleetChartTooltip } from "./fleet-chart-tooltip";

export interface HybridPictureChartProps {
  series: HybridPictureRow[];
}

/** Compute and data services stacked by verdict: the hybrid architecture at a glance. */
export function HybridPictureChart({ series }: HybridPictureChartProps) {
  return (
    <div className="text-slate-600 dark:text-slate-300">
      <BarChart
        responsive
        style={{ width: "100%", height: 170 }}
        data={series}
        layout="vertical"
        margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
        barCategoryGap={12}
        title="Compute and data services by verdict"
      >
        <CartesianGrid horizontal={false} stroke="currentColor" strokeOpacity={0.15} />
        <XAxis type="number" allowDecimals={false} tick={{ fill: "currentColor", fontSize: 12 }} stroke="currentColor" strokeOpacity={0.4} />
        <YAxis type="category" dataKey="label" width={72} tick={{ fill: "currentColor", fontSize: 12 }} stroke="currentColor" strokeOpacity={0.4} />
        <Tooltip
          cursor={{ fill: "currentColor", fillOpacity: 0.08 }}
          content={({ active, payload }) => {
            const row = payload?.[0]?.payload as HybridPictureRow | undefined;
            if (!active || !row) return null;
            return (
              <FleetChartTooltip
                title={`${row.label} (${row.role}): ${row.total} ${row.total === 1 ? "service" : "services"}`}
                lines={VERDICT_ORDER.map((verdict) => ({ label: VERDICT_LABELS[verdict], value: String(row[verdict]), color: FLEET_CHART_COLORS[verdict] }))}
              />
            );
          }}
        />
        <Legend verticalAlign="top" itemSorter={null} height={28} iconType="square" wrapperStyle={{ fontSize: 12 }} />
        {VERDICT_ORDER.map((verdict) => (
          <Bar key={verdict} dataKey={verdict} name={VERDICT_LABELS[verdict]} stackId="verdict" fill={FLEET_CHART_COLORS[verdict]} isAnimationActive={false}>
            <LabelList dataKey={verdict} position="center" fill="#ffffff" fontSize={12} formatter={(value) => (Number(value) > 0 ? String(value) : "")} />
          </Bar>
        ))}
      </BarChart>
    </div>
  );
}
