import { Suspense } from "react";
import { z } from "zod";
import { ChartCardSkeleton } from "@/components/overview/chart-card-skeleton";
import { DriftByServiceCard } from "@/components/overview/drift-by-service-card";
import { FleetStats } from "@/components/overview/fleet-stats";
import { FleetStatsSkeleton } from "@/components/overview/fleet-stats-skeleton";
import { FleetTrendCard } from "@/components/overview/fleet-trend-card";
import { HybridPictureCard } from "@/components/overview/hybrid-picture-card";
import { MigrationCandidates } from "@/components/overview/migration-candidates";
import { MigrationCandidatesSkeleton } from "@/components/overview/migration-candidates-skeleton";
import { VersionSpreadCard } from "@/components/overview/version-spread-card";
import { WidgetErrorBoundary } from "@/components/overview/widget-error-boundary";
import { EnvironmentSwitcher } from "@/components/services/environment-switcher";
import { FirstUploadHelp } from "@/components/snapshots/first-upload-help";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ShareReportDialog } from "@/components/reports/share-report-dialog";
import { formatDateTime } from "@/lib/format";
import { getFleetCounts } from "@/lib/snapshots/queries";

export const dynamic = "force-dynamic";

const searchParamsSchema = z.object({
  environment: z.preprocess((v) => (Array.isArray(v) ? v[0] : v) || undefined, z.string().trim().min(1).max(512).optional()).catch(undefined),
});

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { environment } = searchParamsSchema.parse(await searchParams);
  const counts = await getFleetCounts();
  if (counts.snapshotCount === 0) {
    return (
      <>
        <PageHeader title="Fleet overview" />
        <FirstUploadHelp />
      </>
    );
  }

  const hrefFor = (env: string | undefined) => (env ? `/?environment=${encodeURIComponent(env)}` : "/");
  const header = (
    <>
      <PageHeader
        title="Fleet overview"
        description={`${environment ? `Environment ${environment} · ` : ""}latest snapshot taken ${formatDateTime(counts.latestTakenAt)}`}
        actions={<><ShareReportDialog scope={environment ? { environment } : {}} /><ButtonLink href="/compare">Compare snapshots</ButtonLink></>}
      />
      <div className="mb-5">
        <EnvironmentSwitcher environments={counts.environments} current={environment} hrefFor={hrefFor} />
      </div>
    </>
  );
  if (environment && !counts.environments.includes(environment)) {
    return (
      <>
        {header}
        <EmptyState title={`No services in ${environment}`} actions={<ButtonLink href="/">Show all environments</ButtonLink>}>
          <p>No snapshot has hosts in this environment. Choose another environment, or upload a snapshot that covers it.</p>
        </EmptyState>
      </>
    );
  }

  // Each widget reads what it needs and streams on its own; `key` shows the skeletons again
  // when the environment changes instead of keeping the previous environment's figures.
  const key = environment ?? "";
  return (
    <>
      {header}
      <div className="space-y-6">
        <WidgetErrorBoundary title="Headline figures">
          <Suspense key={key} fallback={<FleetStatsSkeleton />}>
            <FleetStats environment={environment} />
          </Suspense>
        </WidgetErrorBoundary>

        <div className="grid gap-6 lg:grid-cols-2">
          <WidgetErrorBoundary title="Drift by service">
            <Suspense key={key} fallback={<ChartCardSkeleton title="Drift by service" height={260} />}>
              <DriftByServiceCard environment={environment} />
            </Suspense>
          </WidgetErrorBoundary>
          <WidgetErrorBoundary title="Version spread">
            <Suspense key={key} fallback={<ChartCardSkeleton title="Version spread" height={260} />}>
              <VersionSpreadCard environment={environment} />
            </Suspense>
          </WidgetErrorBoundary>
        </div>

        <div className="grid gap-6 lg:grid-cols-2">
          <WidgetErrorBoundary title="Trends">
            <Suspense key={key} fallback={<ChartCardSkeleton title="Trends" height={280} />}>
              <FleetTrendCard environment={environment} />
            </Suspense>
          </WidgetErrorBoundary>
          <WidgetErrorBoundary title="Hybrid picture">
            <Suspense key={key} fallback={<ChartCardSkeleton title="Hybrid picture" height={200} />}>
              <HybridPictureCard environment={environment} />
            </Suspense>
          </WidgetErrorBoundary>
        </div>

        <WidgetErrorBoundary title="Migration candidates">
          <Suspense key={key} fallback={<MigrationCandidatesSkeleton />}>
            <MigrationCandidates environment={environment} />
          </Suspense>
        </WidgetErrorBoundary>
      </div>
    </>
  );
}
