import Link from "next/link";
import type { SnapshotChangeKind } from "@/lib/analysis/compare";
import type { ChangeKindCounts } from "@/lib/compare/group-changes";
import { buildCompareHref } from "@/lib/compare/schemas";

export interface ChangeKindFilterProps {
  from: string;
  to: string;
  current: SnapshotChangeKind | undefined;
  counts: ChangeKindCounts;
}

const OPTIONS: Array<{ kind: SnapshotChangeKind | undefined; label: string }> = [
  { kind: undefined, label: "All" },
  { kind: "mutated", label: "Mutated" },
  { kind: "launched", label: "Launched" },
  { kind: "retired", label: "Retired" },
];

/** All / Mutated / Launched / Retired, as links: the filter is part of the shareable URL. */
export function ChangeKindFilter({ from, to, current, counts }: ChangeKindFilterProps) {
  const total = counts.mutated + counts.launched + counts.retired;
  return (
    <nav aria-label="Change kind">
      <ul className="flex flex-wrap gap-1 text-sm">
        {OPTIONS.map(({ kind, label }) => {
          const isCurrent = kind === current;
          const count = kind ? counts[kind] : total;
          return (
            <li key={label}>
              <Link
                href={buildCompareHref({ from, to, kind })}
                aria-current={isCurrent ? "page" : undefined}
                className={`inline-flex items-center gap-1.5 rounded-full border px-3 py-1 ${
                  isCurrent
                    ? "border-slate-900 bg-slate-900 text-white dark:border-white dark:bg-white dark:text-slate-900"
                    : "border-slate-300 text-slate-700 hover:border-slate-500 dark:border-slate-700 dark:text-slate-200 dark:hover:border-slate-500"
                }`}
              >
                {label} <span className="tabular-nums opacity-75">({count})</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
