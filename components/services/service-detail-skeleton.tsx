const block = "rounded-lg bg-slate-200 dark:bg-slate-800";

/** The service page's layout in grey while the analysis runs. */
export function ServiceDetailSkeleton() {
  return (
    <div role="status" aria-label="Loading the service" className="animate-pulse space-y-6">
      <div className="space-y-2">
        <div className={`h-8 w-56 ${block}`} />
        <div className={`h-4 w-96 max-w-full ${block}`} />
      </div>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className={`h-20 ${block}`} />
        ))}
      </div>
      <div className="grid gap-6 lg:grid-cols-5">
        <div className={`h-72 lg:col-span-3 ${block}`} />
        <div className={`h-72 lg:col-span-2 ${block}`} />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <div className={`h-72 ${block}`} />
        <div className={`h-72 ${block}`} />
      </div>
      <div className={`h-96 ${block}`} />
    </div>
  );
}
