/** The headline figures' placeholder: five cards of the same size. */
export function FleetStatsSkeleton() {
  return (
    <div role="status" aria-label="Loading headline figures" className="grid animate-pulse grid-cols-2 gap-4 md:grid-cols-3 lg:grid-cols-5">
      {[0, 1, 2, 3, 4].map((i) => (
        <div key={i} className="h-[5.5rem] rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          <div className="h-3 w-20 rounded bg-slate-200 dark:bg-slate-800" />
          <div className="mt-3 h-6 w-12 rounded bg-slate-200 dark:bg-slate-800" />
        </div>
      ))}
    </div>
  );
}
