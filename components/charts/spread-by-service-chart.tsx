"use client";

import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { FLEET_CHART_COLORS, type SpreadByServicePoint } from "@/lib/charts/fleet-series";
import { formatCount } from "@/lib/format";
import { FleetChartTooltip } from "./fleet-chart-tooltip";
import { ServiceAxisTick } from "./service-axis-tick";

export interface SpreadByServiceChartProps {
  series: SpreadByServicePoint[];
}

const ROW_HEIGHT = 34;

/** Components running in more than one version, per service; a bar or its label opens the service. */
export function SpreadByServiceChart({ series }: SpreadByServiceChartProps) {
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
        margin={{ top: 32, right: 32, bottom: 4, left: 8 }}
        barCategoryGap={8}
        title="Components with version spread per service"
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
            const point = payload?.[0]?.payload as SpreadByServicePoint | undefined;
            if (!active || !point) return null;
            return (
              <FleetChartTooltip
                title={point.label}
                lines={[
                  { label: "Components with spread", value: String(point.spreadComponents), color: FLEET_CHART_COLORS.spread },
                  { label: "Hosts", value: formatCount(point.hosts, "host") },
                ]}
                hint="Click to open the service"
              />
            );
          }}
        />
        <Bar dataKey="spreadComponents" name="Components with spread" fill={FLEET_CHART_COLORS.spread} radius={[0, 3, 3, 0]} isAnimationActive={false}>
          <LabelList dataKey="spreadComponents" position="right" fill="currentColor" fontSize={12} />
        </Bar>
      </BarChart>
    </div>
  );
}
