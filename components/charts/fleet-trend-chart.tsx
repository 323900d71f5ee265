"use client";

import { Area, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { FLEET_CHART_COLORS, type FleetTrendSeriesPoint } from "@/lib/charts/fleet-series";
import { FleetChartTooltip } from "./fleet-chart-tooltip";

export interface FleetTrendChartProps {
  series: FleetTrendSeriesPoint[];
}

/** Hosts and drifted hosts (left axis) and distinct versions (right axis) over time. */
export function FleetTrendChart({ series }: FleetTrendChartProps) {
  return (
    <div className="text-slate-600 dark:text-slate-300">
      <ComposedChart
        responsive
        style={{ width: "100%", height: 280 }}
        data={series}
        margin={{ top: 4, right: 8, bottom: 4, left: 0 }}
        title="Hosts, drifted hosts and distinct versions over time"
      >
        <CartesianGrid vertical={false} stroke="currentColor" strokeOpacity={0.15} />
        <XAxis dataKey="label" tick={{ fill: "currentColor", fontSize: 12 }} stroke="currentColor" strokeOpacity={0.4} minTickGap={16} />
        <YAxis
          yAxisId="hosts"
          allowDecimals={false}
          width={44}
          tick={{ fill: "currentColor", fontSize: 12 }}
          stroke="currentColor"
          strokeOpacity={0.4}
          label={{ value: "hosts", angle: -90, position: "insideLeft", fill: "currentColor", fontSize: 12, dy: 20 }}
        />
        <YAxis
          yAxisId="versions"
          orientation="right"
          allowDecimals={false}
          width={48}
          tick={{ fill: "currentColor", fontSize: 12 }}
          stroke="currentColor"
          strokeOpacity={0.4}
          label={{ value: "versions", angle: 90, position: "insideRight", fill: "currentColor", fontSize: 12, dy: -24 }}
        />
        <Tooltip
          content={({ active, payload }) => {
            const point = payload?.[0]?.payload as FleetTrendSeriesPoint | undefined;
            if (!active || !point) return null;
            return (
              <FleetChartTooltip
                title={point.label}
                lines={[
                  { label: "Hosts", value: String(point.hosts), color: FLEET_CHART_COLORS.clean },
                  { label: "Drifted hosts", value: `${point.driftedHosts} (${point.driftedPercent}%)`, color: FLEET_CHART_COLORS.drift },
                  { label: "Distinct versions", value: String(point.distinctVersions), color: FLEET_CHART_COLORS.spread },
                ]}
              />
            );
          }}
        />
        <Legend verticalAlign="top" itemSorter={null} height={28} wrapperStyle={{ fontSize: 12 }} />
        <Line
          yAxisId="hosts"
          type="monotone"
          dataKey="hosts"
          name="Hosts"
          stroke={FLEET_CHART_COLORS.clean}
          strokeDasharray="4 3"
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
        <Area
          yAxisId="hosts"
          type="monotone"
          dataKey="driftedHosts"
          name="Drifted hosts"
          stroke={FLEET_CHART_COLORS.drift}
          fill={FLEET_CHART_COLORS.drift}
          fillOpacity={0.25}
          strokeWidth={2}
          isAnimationActive={false}
        />
        <Line
          yAxisId="versions"
          type="monotone"
          dataKey="distinctVersions"
          name="Distinct versions"
          stroke={FLEET_CHART_COLORS.spread}
          strokeWidth={2}
          dot={{ r: 2 }}
          isAnimationActive={false}
        />
      </ComposedChart>
    </div>
  );
}
