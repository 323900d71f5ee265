import type { Metadata } from "next";
import { Suspense } from "react";
import { CompareForm } from "@/components/compare/compare-form";
import { SnapshotChanges } from "@/components/compare/snapshot-changes";
import { SnapshotChangesSkeleton } from "@/components/compare/snapshot-changes-skeleton";
import { FirstUploadHelp } from "@/components/snapshots/first-upload-help";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ShareReportDialog } from "@/components/reports/share-report-dialog";
import { chooseComparedSnapshots, compareCoverage } from "@/lib/compare/choose-snapshots";
import { compareViewSchema } from "@/lib/compare/schemas";
import { listSnapshots } from "@/lib/snapshots/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare snapshots" };

/** How many snapshots the pickers offer, newest first. */
const PICKER_LIMIT = 200;

export default async function ComparePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const view = compareViewSchema.parse(await searchParams);
  const { snapshots } = await listSnapshots({ limit: PICKER_LIMIT });
  const header = (
    <PageHeader title="Compare snapshots" description="What changed between two snapshots, where, and how: changed in place (mutation) or by new hosts (replacement)." />
  );

  if (snapshots.length === 0) {
    return (
      <>
        {header}
        <FirstUploadHelp />
      </>
    );
  }
  if (snapshots.length < 2 && !(view.from && view.to)) {
    return (
      <>
        {header}
        <EmptyState title="Comparing needs two snapshots" actions={<ButtonLink href="/upload" variant="primary">Upload a snapshot</ButtonLink>}>
          <p>There is one snapshot so far. Upload another one of the same fleet — after a release or a patch run — to see what changed and how.</p>
        </EmptyState>
      </>
    );
  }

  const { from, to, reason } = chooseComparedSnapshots(snapshots, view);
  const fromSnapshot = snapshots.find((s) => s.id === from);
  const toSnapshot = snapshots.find((s) => s.id === to);
  const coverage = fromSnapshot && toSnapshot ? compareCoverage(fromSnapshot.services, toSnapshot.services) : null;

  return (
    <>
      {header}
      <div className="space-y-4">
        <CompareForm snapshots={snapshots} from={from} to={to} kind={view.kind} />
        {from && to && from !== to && <ShareReportDialog className="flex justify-end" scope={{ compare: { from, to } }} />}
        {reason === "previous-of-same-kind" && toSnapshot && (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Showing the newest snapshot against the previous one from the same source ({toSnapshot.source ?? "unknown"}). Choose any two above.
          </p>
        )}
        {from && to && from === to ? (
          <EmptyState title="Choose two different snapshots">
            <p>A snapshot compared with itself has no changes. Pick another snapshot in one of the lists.</p>
          </EmptyState>
        ) : from && to ? (
          <Suspense key={`${from}\u0000${to}\u0000${view.kind ?? ""}`} fallback={<SnapshotChangesSkeleton />}>
            <SnapshotChanges from={from} to={to} kind={view.kind} coverage={coverage} />
          </Suspense>
        ) : null}
      </div>
    </>
  );
}
