/** Stands in for the services table while the analysis runs. */
export function ServiceTableSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <div className="animate-pulse overflow-hidden rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="h-9 border-b border-slate-200 bg-slate-100 dark:border-slate-800 dark:bg-slate-800/60" />
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex items-center gap-4 border-b border-slate-100 px-3 py-3 last:border-0 dark:border-slate-800">
          <div className="h-4 w-40 rounded bg-slate-200 dark:bg-slate-800" />
          <div className="h-4 w-24 rounded bg-slate-200 dark:bg-slate-800" />
          <div className="ml-auto h-4 w-16 rounded bg-slate-200 dark:bg-slate-800" />
          <div className="h-5 w-28 rounded-full bg-slate-200 dark:bg-slate-800" />
        </div>
      ))}
    </div>
  );
}
