"use client";

import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, type TooltipContentProps, XAxis, YAxis } from "recharts";
import type { ChangeTimelinePoint } from "@/lib/charts/service-series";
import { formatDateTime } from "@/lib/format";
import { CHART_COLORS, CHART_WRAPPER_CLASSES } from "./service-chart-palette";
import { ServiceChartTooltipBox } from "./service-chart-tooltip";

export interface ChangeTimelineChartProps {
  series: readonly ChangeTimelinePoint[];
  /** The snapshot the page looks at, marked on the axis. */
  currentSnapshotId?: string;
  height?: number;
}

const SERIES = [
  { key: "mutations", label: "mutation: changed in place", color: CHART_COLORS.mutable },
  { key: "replacements", label: "replacement: new hosts, new versions", color: CHART_COLORS.immutable },
  { key: "scale", label: "scale: hosts added or removed", color: CHART_COLORS.unknown },
] as const;

/** Per snapshot, how many hosts changed in place, were replaced, or came and went. */
export function ChangeTimelineChart({ series, currentSnapshotId, height = 260 }: ChangeTimelineChartProps) {
  const dayOf = new Map(series.map((point) => [point.snapshotId, point.day]));
  return (
    <div className={CHART_WRAPPER_CLASSES} aria-hidden="true">
      <BarChart data={[...series]} responsive style={{ width: "100%", height }} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid vertical={false} strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
        <XAxis
          dataKey="snapshotId"
          tickFormatter={(id: string) => (dayOf.get(id) ?? id).slice(5)}
          tick={{ fill: "currentColor", fontSize: 11 }}
          stroke="currentColor"
          strokeOpacity={0.4}
          minTickGap={8}
        />
        <YAxis allowDecimals={false} tick={{ fill: "currentColor", fontSize: 11 }} stroke="currentColor" strokeOpacity={0.4} />
        <Tooltip cursor={{ fill: "currentColor", fillOpacity: 0.06 }} content={TimelineTooltip} />
        <Legend wrapperStyle={{ fontSize: 12 }} iconType="square" itemSorter={null} />
        {currentSnapshotId && dayOf.has(currentSnapshotId) && (
          <ReferenceLine x={currentSnapshotId} stroke="currentColor" strokeDasharray="4 2" strokeOpacity={0.6} />
        )}
        {SERIES.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} maxBarSize={18} />
        ))}
      </BarChart>
    </div>
  );
}

function TimelineTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as ChangeTimelinePoint | undefined;
  if (!active || !point) return null;
  return (
    <ServiceChartTooltipBox title={`Snapshot ${formatDateTime(point.takenAt)}`}>
      <ul className="space-y-0.5">
        {SERIES.map((s) => (
          <li key={s.key} className="flex items-center gap-2">
            <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: s.color }} />
            <span>{s.label}</span>
            <span className="ml-auto pl-3 tabular-nums">{point[s.key]}</span>
          </li>
        ))}
      </ul>
      {point.retired > 0 && (
        <p className="mt-1 text-slate-500 dark:text-slate-400">
          {point.retired} {point.retired === 1 ? "host was" : "hosts were"} retired by the replacement.
        </p>
      )}
    </ServiceChartTooltipBox>
  );
}
