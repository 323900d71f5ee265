"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useMemo } from "react";
import { BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { FleetChartTooltip, type FleetChartTooltipProps } from "./fleet-chart-tooltip";
import { ServiceAxisTick } from "./service-axis-tick";

/** A bar's service; with `href` the bar and its label open the service (shared reports link nowhere). */
export interface ServiceBarPoint {
  label: string;
  href?: string;
}

export interface ServiceBarChartProps<T extends ServiceBarPoint> {
  series: T[];
  title: string;
  /** The tooltip's lines for one bar. */
  describe: (point: T) => FleetChartTooltipProps["lines"];
  /** The Bar (and Legend) elements: Recharts needs them as direct children of its chart. */
  children: ReactNode;
  margin?: { top: number; right: number; bottom: number; left: number };
}

const ROW_HEIGHT = 34;

/** One horizontal bar per service; where the series has links, a bar or its label opens the service. */
export function ServiceBarChart<T extends ServiceBarPoint>({
  series,
  title,
  describe,
  children,
  margin = { top: 4, right: 16, bottom: 4, left: 8 },
}: ServiceBarChartProps<T>) {
  const router = useRouter();
  const hrefs = useMemo(() => new Map(series.flatMap((p) => (p.href ? [[p.label, p.href] as const] : []))), [series]);
  const isLinked = hrefs.size > 0;
  const height = Math.max(140, series.length * ROW_HEIGHT + 64);
  return (
    <div className="text-slate-600 dark:text-slate-300 print:text-slate-800">
      <BarChart
        responsive
        style={{ width: "100%", height }}
        data={series}
        layout="vertical"
        margin={margin}
        barCategoryGap={8}
        title={title}
        cursor={isLinked ? "pointer" : undefined}
        onClick={(state) => {
          const href = series[Number(state.activeIndex)]?.href;
          if (href) router.push(href);
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
            const point = payload?.[0]?.payload as T | undefined;
            if (!active || !point) return null;
            return <FleetChartTooltip title={point.label} lines={describe(point)} hint={point.href ? "Click to open the service" : undefined} />;
          }}
        />
        {children}
      </BarChart>
    </div>
  );
}
