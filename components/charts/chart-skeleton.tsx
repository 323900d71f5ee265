/** Stands in for a chart while its data loads. */
export function ChartSkeleton({ height = 260, label = "Loading chart" }: { height?: number; label?: string }) {
  return (
    <div role="status" aria-label={label} className="animate-pulse rounded-md bg-slate-100 dark:bg-slate-800" style={{ height }}>
      <span className="sr-only">{label}…</span>
    </div>
  );
}
