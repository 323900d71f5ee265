import { MIGRATION_PATH, type MigrationStep } from "@/lib/analysis/classification/migration-step";

export interface MigrationPathProps {
  nextStep: MigrationStep;
}

/** The path from mutable to immutable, with the step this service stands at highlighted. */
export function MigrationPath({ nextStep }: MigrationPathProps) {
  const currentIndex = MIGRATION_PATH.findIndex((entry) => entry.step === nextStep.step);
  return (
    <div>
      <h3 className="text-sm font-semibold">Next migration step</h3>
      <p className="mt-1 text-sm">
        <strong>{nextStep.title}</strong>
      </p>
      <p className="mt-0.5 text-sm text-slate-600 dark:text-slate-400">Why: {nextStep.why}.</p>
      <ol aria-label="Migration path" className="mt-3 space-y-1.5">
        {MIGRATION_PATH.map((entry, index) => {
          const isCurrent = index === currentIndex;
          const isBehind = index < currentIndex;
          return (
            <li
              key={entry.step}
              aria-current={isCurrent ? "step" : undefined}
              className={`flex items-start gap-2 rounded-md px-2 py-1 text-sm ${
                isCurrent
                  ? "bg-mutable/10 font-semibold text-slate-900 ring-1 ring-mutable/40 dark:text-white"
                  : isBehind
                    ? "text-slate-500 dark:text-slate-400"
                    : "text-slate-700 dark:text-slate-300"
              }`}
            >
              <span
                aria-hidden
                className={`mt-0.5 inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs ${
                  isCurrent ? "bg-mutable text-white" : isBehind ? "bg-immutable/20 text-immutable" : "bg-slate-200 dark:bg-slate-800"
                }`}
              >
                {isBehind ? "✓" : index + 1}
              </span>
              <span>
                {entry.title}
                {isCurrent && <span className="sr-only"> (current step)</span>}
                {isBehind && <span className="sr-only"> (apparently done)</span>}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
