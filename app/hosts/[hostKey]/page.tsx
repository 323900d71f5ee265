import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { HostComponentTable } from "@/components/hosts/host-component-table";
import { HostHistoryList } from "@/components/hosts/host-history-list";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getHostDetail, type HostDetail } from "@/lib/analysis/queries";
import { buildServiceHref } from "@/lib/analysis/service-view";
import { isAppError } from "@/lib/errors";
import { formatDateTime, decodeSegment } from "@/lib/format";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ hostKey: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const searchParamsSchema = z.object({
  environment: z.preprocess((v) => (Array.isArray(v) ? v[0] : v) || undefined, z.string().trim().min(1).max(512).optional()).catch(undefined),
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Host ${decodeSegment((await params).hostKey)}` };
}

export default async function HostPage({ params, searchParams }: Props) {
  const hostKey = decodeSegment((await params).hostKey);
  const { environment } = searchParamsSchema.parse(await searchParams);
  let host: HostDetail;
  try {
    host = await getHostDetail({ hostKey, environment });
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }

  const current = host.current;
  const latestSighting = host.sightings.at(-1);
  const serviceHref = buildServiceHref(host.service, { environment: host.environment });
  const differing = host.components.filter((c) => c.version !== c.baseline).length;

  return (
    <>
      <PageHeader
        title={<span className="font-mono">{host.hostKey}</span>}
        description={
          <>
            Host of service{" "}
            <Link href={serviceHref} className="font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
              {host.service}
            </Link>{" "}
            in {host.environment}
            {latestSighting && <> · last seen in the snapshot of {formatDateTime(latestSighting.takenAt)}</>}
          </>
        }
        actions={
          <Link href={serviceHref} className="text-sm text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
            ← Back to {host.service}
          </Link>
        }
      />
      {!current && (
        <p role="note" className="mb-4 rounded-md border border-slate-300 bg-slate-100 px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900">
          This host is not in {host.service}&apos;s latest snapshot: it was removed or replaced. Its components below are as last seen.
        </p>
      )}
      {current?.isSnowflake && (
        <Card title="Snowflake" className="mb-6 border-snowflake/40">
          <ul className="list-disc space-y-0.5 pl-5 text-sm">
            {current.snowflakeReasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </Card>
      )}
      <div className="grid gap-6 lg:grid-cols-5">
        <Card title={`Components against the baseline (${differing} differ)`} className="lg:col-span-3">
          <HostComponentTable components={host.components} drift={current?.drift ?? []} />
        </Card>
        <Card title="History" className="lg:col-span-2">
          <HostHistoryList history={host.history} />
          {latestSighting?.image && (
            <p className="mt-4 text-xs text-slate-500 dark:text-slate-400">
              Image <span className="break-all font-mono">{latestSighting.image}</span>
            </p>
          )}
        </Card>
      </div>
    </>
  );
}
