"use client";

import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { type DriftByServicePoint, FLEET_CHART_COLORS } from "@/lib/charts/fleet-series";
import { formatCount } from "@/lib/format";
import { FleetChartTooltip } from "./fleet-chart-tooltip";
import { ServiceAxisTick } from "./service-axis-tick";

export interface DriftByServiceChartProps {
  series: DriftByServicePoint[];
}

const ROW_HEIGHT = 34;

/** Drifted and clean hosts per service as stacked bars; a bar or its label opens the service. */
export function DriftByServiceChart({ series }: DriftByServiceChartProps) {
  const router = useRouter();
  const hrefs = useMemo(() => new Map(series.map((p) => [p.label, p.href])), [series]);
  const height = Math.max(140, series.length * ROW_HEIGHT + 64);
  return (
    <div className="text-slate-600 dark:text-slate-300">
      <BarChart
        responsive
        style={{ width: "100%", height }}
        data={series}
        layout="vertical"
        margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
        barCategoryGap={8}
        title="Drifted and clean hosts per service"
        cursor="pointer"
        onClick={(state) => {
          const point = series[Number(state.activeIndex)];
          if (point) router.push(point.href);
        }}
      >
        <CartesianGrid horizontal={false} stroke="currentColor" strokeOpacity={0.15} />
        <XAxis type="number" allowDecimals={false} tick={{ fill: "currentColor", fontSize: 12 }} stroke="currentColor" strokeOpacity={0.4} />
        <YAxis
          type="category"
          dataKey="label"
          width={150}
          interval={0}
          tick={(props) => <ServiceAxisTick {...props} hrefs={hrefs} />}
          stroke="currentColor"
          strokeOpacity={0.4}
        />
        <Tooltip
          cursor={{ fill: "currentColor", fillOpacity: 0.08 }}
          content={({ active, payload }) => {
            const point = payload?.[0]?.payload as DriftByServicePoint | undefined;
            if (!active || !point) return null;
            return (
              <FleetChartTooltip
                title={point.label}
                lines={[
                  { label: "Drifted", value: `${point.drifted} of ${formatCount(point.hosts, "host")}`, color: FLEET_CHART_COLORS.drift },
                  { label: "Clean", value: String(point.clean), color: FLEET_CHART_COLORS.clean },
                  { label: "Snowflakes", value: String(point.snowflakes), color: FLEET_CHART_COLORS.snowflake },
                ]}
                hint="Click to open the service"
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
