import { Card } from "@/components/ui/card";

/** The migration candidates' placeholder: a few list rows. */
export function MigrationCandidatesSkeleton() {
  return (
    <Card title="Migration candidates">
      <div role="status" aria-label="Loading migration candidates" className="animate-pulse space-y-3">
        {[0, 1].map((i) => (
          <div key={i} className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
            <div className="h-4 w-40 rounded bg-slate-200 dark:bg-slate-800" />
            <div className="mt-2 h-3 w-3/4 rounded bg-slate-100 dark:bg-slate-800/60" />
          </div>
        ))}
      </div>
    </Card>
  );
}
