"use client";

import { Bar, BarChart, CartesianGrid, Cell, Tooltip, type TooltipContentProps, XAxis, YAxis } from "recharts";
import { formatComponentLabel, formatVersion } from "@/lib/analysis/format-display";
import type { VersionSpreadRow, VersionSpreadSeries } from "@/lib/charts/service-series";
import { CHART_COLORS, CHART_WRAPPER_CLASSES, IGNORED_SHADES, OFF_BASELINE_SHADES, OTHER_SEGMENT_COLOR, pickShade } from "./service-chart-palette";
import { ServiceChartTooltipBox } from "./service-chart-tooltip";

export interface VersionSpreadChartProps {
  series: VersionSpreadSeries;
  /** Called when a version's segment is clicked (the keyboard path is the table beside the chart). */
  onSelectVersion?: (component: string, version: string) => void;
}

const ROW_HEIGHT = 30;

function segmentColor(row: VersionSpreadRow, index: number): string {
  const segment = row.segments[index];
  if (!segment) return "transparent";
  if (row.ignored) return pickShade(IGNORED_SHADES, index);
  if (segment.version === null) return OTHER_SEGMENT_COLOR;
  if (segment.isBaseline) return CHART_COLORS.immutable;
  // Count only the non-baseline segments before this one, so shades stay distinct.
  const offIndex = row.segments.slice(0, index).filter((s) => !s.isBaseline).length;
  return pickShade(OFF_BASELINE_SHADES, offIndex);
}

/** One stacked bar per component with spread; a segment per version, its length the hosts running it. */
export function VersionSpreadChart({ series, onSelectVersion }: VersionSpreadChartProps) {
  const height = series.rows.length * ROW_HEIGHT + 48;
  const slots = Array.from({ length: series.segmentCount }, (_, index) => index);
  return (
    // On the service page a keyboard-usable table carries the same data (hidden from screen
    // readers here to avoid reading it twice); a read-only chart, as in shared reports, stays visible.
    <div className={`${CHART_WRAPPER_CLASSES} print:text-slate-800`} aria-hidden={onSelectVersion ? "true" : undefined}>
      <BarChart layout="vertical" data={series.rows} responsive style={{ width: "100%", height }} margin={{ top: 4, right: 16, bottom: 16, left: 8 }}>
        <CartesianGrid horizontal={false} strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
        <XAxis
          type="number"
          domain={[0, "dataMax"]}
          allowDecimals={false}
          tick={{ fill: "currentColor", fontSize: 12 }}
          stroke="currentColor"
          strokeOpacity={0.4}
          label={{ value: "hosts", position: "insideBottomRight", offset: -8, fill: "currentColor", fontSize: 12 }}
        />
        <YAxis
          type="category"
          dataKey="component"
          width={200}
          interval={0}
          tick={{ fill: "currentColor", fontSize: 12 }}
          tickFormatter={(name: string) => formatComponentLabel(name, 28)}
          stroke="currentColor"
          strokeOpacity={0.4}
        />
        <Tooltip
          cursor={{ fill: "currentColor", fillOpacity: 0.06 }}
          content={(props: TooltipContentProps) => <SpreadTooltip {...props} canPin={onSelectVersion !== undefined} />}
        />
        {slots.map((index) => (
          <Bar
            key={index}
            dataKey={(row: VersionSpreadRow) => row.segments[index]?.hostCount ?? 0}
            name={`version ${index + 1}`}
            stackId="spread"
            isAnimationActive={false}
            stroke={CHART_COLORS.gap}
            strokeWidth={1}
            cursor={onSelectVersion ? "pointer" : undefined}
            onClick={(item) => {
              const row = item.payload as VersionSpreadRow | undefined;
              const version = row?.segments[index]?.version;
              if (row && !row.ignored && version && onSelectVersion) onSelectVersion(row.component, version);
            }}
          >
            {series.rows.map((row) => (
              <Cell key={row.component} fill={segmentColor(row, index)} fillOpacity={row.ignored ? 0.6 : 1} />
            ))}
          </Bar>
        ))}
      </BarChart>
    </div>
  );
}

function SpreadTooltip({ active, payload, canPin }: TooltipContentProps & { canPin: boolean }) {
  const row = payload?.[0]?.payload as VersionSpreadRow | undefined;
  if (!active || !row) return null;
  return (
    <ServiceChartTooltipBox title={`${row.component}${row.ignored ? " (ignored)" : ""}`}>
      <ul className="space-y-0.5">
        {row.segments.map((segment, index) => (
          <li key={segment.version ?? "other"} className="flex items-center gap-2">
            <span aria-hidden className="inline-block h-2.5 w-2.5 shrink-0 rounded-sm" style={{ background: segmentColor(row, index) }} />
            <span className="font-mono">{segment.version === null ? `${segment.versionCount} other versions` : formatVersion(segment.version)}</span>
            {segment.isBaseline && <span className="text-immutable">baseline</span>}
            <span className="ml-auto tabular-nums">{segment.hostCount}</span>
          </li>
        ))}
      </ul>
      {canPin && !row.ignored && <p className="mt-1 text-slate-500 dark:text-slate-400">Click a version to pin it as the baseline.</p>}
    </ServiceChartTooltipBox>
  );
}
