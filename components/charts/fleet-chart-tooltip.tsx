export interface FleetChartTooltipLine {
  label: string;
  value: string;
  /** The series colour, shown as a swatch beside the label. */
  color?: string;
}

export interface FleetChartTooltipProps {
  title: string;
  lines: FleetChartTooltipLine[];
  /** A closing hint, e.g. "Click to open the service". */
  hint?: string;
}

/** The tooltip box of the overview's charts, styled for light and dark mode (Recharts' default is light only). */
export function FleetChartTooltip({ title, lines, hint }: FleetChartTooltipProps) {
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md dark:border-slate-700 dark:bg-slate-800">
      <p className="mb-1 font-semibold text-slate-900 dark:text-slate-100">{title}</p>
      <dl className="grid grid-cols-[auto_auto] gap-x-3 gap-y-0.5">
        {lines.map((line) => (
          <div key={line.label} className="contents">
            <dt className="flex items-center gap-1.5 text-slate-600 dark:text-slate-300">
              {line.color && <span aria-hidden className="inline-block h-2 w-2 rounded-sm" style={{ backgroundColor: line.color }} />}
              {line.label}
            </dt>
            <dd className="text-right font-medium tabular-nums text-slate-900 dark:text-slate-100">{line.value}</dd>
          </div>
        ))}
      </dl>
      {hint && <p className="mt-1 text-slate-500 dark:text-slate-400">{hint}</p>}
    </div>
  );
}
