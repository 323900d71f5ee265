import { decodeSegment } from "@/lib/format";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { TimelineResult } from "@/components/services/change-timeline-section";
import { EnvironmentSwitcher } from "@/components/services/environment-switcher";
import { ServiceDetailView } from "@/components/services/service-detail-view";
import { packServiceDetail } from "@/lib/analysis/detail-wire";
import { ShareReportDialog } from "@/components/reports/share-report-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getServiceDetail, getServiceTimeline, listServiceEnvironments, type ServiceDetail } from "@/lib/analysis/queries";
import { buildServiceHref, parseServiceViewParams, type ServiceDataParams, serializeServiceViewParams } from "@/lib/analysis/service-view";
import { toTimelineEvent } from "@/lib/charts/service-series";
import { isAppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Service ${decodeSegment((await params).name)}` };
}

export default async function ServicePage({ params, searchParams }: Props) {
  const name = decodeSegment((await params).name);
  const view = parseServiceViewParams(await searchParams);
  const dataParams: ServiceDataParams = { environment: view.environment, snapshot: view.snapshot, baseline: view.baseline };

  let detail: ServiceDetail;
  try {
    detail = await getServiceDetail({ service: name, environment: view.environment, snapshotId: view.snapshot, baseline: view.baseline });
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    // The service runs in several environments and the link named none: let the user choose.
    if (isAppError(error) && error.code === "invalid_input" && error.path === "environment") {
      return <ChooseEnvironment name={name} environments={await listServiceEnvironments(name)} />;
    }
    throw error;
  }

  // Streams into its own Suspense boundary; a failure shows in the chart's place, not as an error page.
  const timeline: Promise<TimelineResult> = getServiceTimeline({ service: name, environment: detail.environment }).then(
    (events) => ({ events: events.map(toTimelineEvent) }),
    (error: unknown) => ({ error: isAppError(error) ? error.message : "the timeline could not be computed" }),
  );

  // Keyed by the view, so a real navigation (another service, environment or bookmarked view)
  // starts from fresh state, while the view's own URL updates (history.replaceState) keep it.
  const viewKey = `${name}?${serializeServiceViewParams(view)}`;
  return <><ShareReportDialog className="float-right ml-3" scope={{ services: [name], environment: detail.environment }} /><ServiceDetailView key={viewKey} name={name} initial={{ params: dataParams, detail: packServiceDetail(detail) }} timeline={timeline} /></>;
}

function ChooseEnvironment({ name, environments }: { name: string; environments: string[] }) {
  return (
    <>
      <PageHeader title={name} />
      <EmptyState title="Choose an environment">
        <p className="mb-4">
          {name} runs in {environments.length} environments; each is analysed on its own.
        </p>
        <div className="flex justify-center">
          <EnvironmentSwitcher
            environments={environments}
            current={undefined}
            allowAll={false}
            hrefFor={(environment) => buildServiceHref(name, { environment })}
          />
        </div>
      </EmptyState>
    </>
  );
}
