export default function Loading() {
  const block = "rounded-lg bg-slate-200 dark:bg-slate-800";
  return (
    <div role="status" aria-label="Loading the host" className="animate-pulse space-y-6">
      <div className="space-y-2">
        <div className={`h-8 w-72 ${block}`} />
        <div className={`h-4 w-96 max-w-full ${block}`} />
      </div>
      <div className="grid gap-6 lg:grid-cols-5">
        <div className={`h-96 lg:col-span-3 ${block}`} />
        <div className={`h-96 lg:col-span-2 ${block}`} />
      </div>
    </div>
  );
}
