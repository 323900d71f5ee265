import { ServiceTableSkeleton } from "@/components/services/service-table-skeleton";

export default function Loading() {
  return (
    <div role="status" aria-label="Loading services">
      <div className="mb-6 animate-pulse space-y-2">
        <div className="h-8 w-40 rounded bg-slate-200 dark:bg-slate-800" />
        <div className="h-4 w-96 max-w-full rounded bg-slate-200 dark:bg-slate-800" />
      </div>
      <ServiceTableSkeleton />
    </div>
  );
}
