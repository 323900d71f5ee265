import type { Metadata } from "next";
import { z } from "zod";
import { EnvironmentSwitcher } from "@/components/services/environment-switcher";
import { ServiceTable } from "@/components/services/service-table";
import { FirstUploadHelp } from "@/components/snapshots/first-upload-help";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listServices } from "@/lib/analysis/queries";
import { formatCount } from "@/lib/format";
import { getFleetCounts } from "@/lib/snapshots/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Services" };

const searchParamsSchema = z.object({
  environment: z.preprocess((v) => (Array.isArray(v) ? v[0] : v) || undefined, z.string().trim().min(1).max(512).optional()).catch(undefined),
});

export default async function ServicesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { environment } = searchParamsSchema.parse(await searchParams);
  const [services, counts] = await Promise.all([listServices({ environment }), getFleetCounts()]);
  const hrefFor = (env: string | undefined) => (env ? `/services?environment=${encodeURIComponent(env)}` : "/services");

  if (counts.snapshotCount === 0) {
    return (
      <>
        <PageHeader title="Services" />
        <FirstUploadHelp />
      </>
    );
  }

  const candidates = services.filter((s) => s.isMigrationCandidate).length;
  return (
    <>
      <PageHeader
        title="Services"
        description={
          <>
            {formatCount(services.length, "service")}
            {environment ? ` in ${environment}` : ""} · {formatCount(candidates, "migration candidate")}. A service is analysed per environment, as of its
            latest snapshot.
          </>
        }
      />
      {counts.environments.length > 0 && (
        <div className="mb-4">
          <EnvironmentSwitcher environments={counts.environments} current={environment} hrefFor={hrefFor} />
        </div>
      )}
      {services.length === 0 ? (
        <EmptyState title={`No services in ${environment ?? "any environment"}`} actions={<ButtonLink href="/services">Show all environments</ButtonLink>}>
          <p>No snapshot has hosts in this environment. Choose another environment, or upload a snapshot that covers it.</p>
        </EmptyState>
      ) : (
        <ServiceTable services={services} />
      )}
    </>
  );
}
