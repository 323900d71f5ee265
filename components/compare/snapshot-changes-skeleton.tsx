/** What the list of changes shows while the comparison runs. */
export function SnapshotChangesSkeleton() {
  return (
    <div role="status" aria-label="Comparing snapshots" className="animate-pulse space-y-4">
      <div className="h-8 w-96 max-w-full rounded bg-slate-200 dark:bg-slate-800" />
      {[0, 1].map((i) => (
        <div key={i} className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          <div className="h-5 w-48 rounded bg-slate-200 dark:bg-slate-800" />
          <div className="mt-4 space-y-2">
            {[0, 1, 2].map((j) => (
              <div key={j} className="h-4 rounded bg-slate-100 dark:bg-slate-800/60" />
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
