"use client";

import { Bar, BarChart, CartesianGrid, Cell, Tooltip, type TooltipContentProps, XAxis, YAxis } from "recharts";
import type { AgeBucket, InstanceAgeSeries } from "@/lib/charts/service-series";
import { AGE_RAMP, CHART_WRAPPER_CLASSES, pickShade } from "./service-chart-palette";
import { ServiceChartTooltipBox } from "./service-chart-tooltip";

export interface InstanceAgeChartProps {
  series: InstanceAgeSeries;
  height?: number;
}

/** How long the hosts had been running when the snapshot was taken: replaced fleets are young, patched ones old. */
export function InstanceAgeChart({ series, height = 260 }: InstanceAgeChartProps) {
  return (
    <div className={CHART_WRAPPER_CLASSES} aria-hidden="true">
      <BarChart data={series.buckets} responsive style={{ width: "100%", height }} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid vertical={false} strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
        <XAxis dataKey="shortLabel" interval={0} tick={{ fill: "currentColor", fontSize: 11 }} stroke="currentColor" strokeOpacity={0.4} />
        <YAxis allowDecimals={false} tick={{ fill: "currentColor", fontSize: 11 }} stroke="currentColor" strokeOpacity={0.4} />
        <Tooltip cursor={{ fill: "currentColor", fillOpacity: 0.06 }} content={AgeTooltip} />
        <Bar dataKey="hostCount" name="hosts" isAnimationActive={false} maxBarSize={40}>
          {series.buckets.map((bucket, index) => (
            <Cell key={bucket.label} fill={pickShade(AGE_RAMP, index)} />
          ))}
        </Bar>
      </BarChart>
    </div>
  );
}

function AgeTooltip({ active, payload }: TooltipContentProps) {
  const bucket = payload?.[0]?.payload as AgeBucket | undefined;
  if (!active || !bucket) return null;
  return (
    <ServiceChartTooltipBox title={`Launched ${bucket.label} before the snapshot`}>
      {bucket.hostCount} {bucket.hostCount === 1 ? "host" : "hosts"}
    </ServiceChartTooltipBox>
  );
}
