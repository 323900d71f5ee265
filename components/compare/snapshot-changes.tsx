import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import type { SnapshotChangeKind } from "@/lib/analysis/compare";
import { compareSnapshots } from "@/lib/analysis/queries";
import type { SnapshotCoverage } from "@/lib/compare/choose-snapshots";
import { countKinds, filterGroupsByKind, groupChangesByService, summarizeComparison } from "@/lib/compare/group-changes";
import { buildCompareHref } from "@/lib/compare/schemas";
import { AppError } from "@/lib/errors";
import { listNames } from "@/lib/format";
import { ChangeKindFilter } from "./change-kind-filter";
import { ServiceChangeSection } from "./service-change-section";

export interface SnapshotChangesProps {
  from: string;
  to: string;
  kind: SnapshotChangeKind | undefined;
  /** Services only one of the snapshots covers, when known. */
  coverage: SnapshotCoverage | null;
}

const KIND_NOUNS: Record<SnapshotChangeKind, string> = { mutated: "mutated", launched: "launched", retired: "retired" };

/** What changed from one snapshot to the other, a section per service. */
export async function SnapshotChanges({ from, to, kind, coverage }: SnapshotChangesProps) {
  let changes;
  try {
    ({ changes } = await compareSnapshots({ from, to }));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return (
      <div role="alert" className="rounded-md border border-rose-300 bg-rose-50 p-4 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100">
        <p className="font-semibold">These snapshots cannot be compared.</p>
        <p className="mt-1">{error.message}. Choose two snapshots from the lists above.</p>
      </div>
    );
  }

  const groups = groupChangesByService(changes);
  const counts = countKinds(changes);
  const shown = filterGroupsByKind(groups, kind);
  const showsEnvironment = new Set(groups.map((g) => g.environment)).size > 1;
  const exportHref = buildCompareHref({ from, to, kind }, "/api/compare");

  if (groups.length === 0) {
    return (
      <EmptyState title="No changes between these snapshots">
        <p>Every host in both snapshots runs the same components, and no host was launched or retired.</p>
      </EmptyState>
    );
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm font-medium" aria-live="polite">
          {summarizeComparison(groups)}.
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <ChangeKindFilter from={from} to={to} current={kind} counts={counts} />
          <a href={exportHref} download={`compare-${from}-${to}${kind ? `-${kind}` : ""}.json`} className="text-sm font-medium text-sky-700 hover:underline dark:text-sky-400">
            Export JSON
          </a>
        </div>
      </div>

      {coverage && (coverage.onlyInFrom.length > 0 || coverage.onlyInTo.length > 0) && (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          These snapshots cover different services
          {coverage.onlyInFrom.length > 0 && <> — only in From: {listNames(coverage.onlyInFrom, 10)}</>}
          {coverage.onlyInTo.length > 0 && <> — only in To: {listNames(coverage.onlyInTo, 10)}</>}. Their hosts show as retired or launched because the other
          snapshot did not look at them, not because they went away.
        </p>
      )}

      {shown.length === 0 && kind ? (
        <EmptyState title={`No ${KIND_NOUNS[kind]} hosts between these snapshots`} actions={<ButtonLink href={buildCompareHref({ from, to })}>Show all changes</ButtonLink>} />
      ) : (
        shown.map((group) => <ServiceChangeSection key={group.key} group={group} snapshots={{ from, to }} showsEnvironment={showsEnvironment} />)
      )}
    </div>
  );
}
