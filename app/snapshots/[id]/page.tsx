import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { HostTable } from "@/components/snapshots/host-table";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { formatDateTime } from "@/lib/format";
import { getSnapshot } from "@/lib/snapshots/queries";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Rendering tens of thousands of rows would make the page unusable; filter to narrow down.
const MAX_HOST_ROWS = 1_000;
const searchParamsSchema = z.object({ q: z.string().max(200).optional(), service: z.string().max(512).optional() });

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Snapshot ${(await params).id}` };
}

export default async function SnapshotPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { q, service } = searchParamsSchema.catch({}).parse(await searchParams);
  const snapshot = await getSnapshot({ id });
  if (!snapshot) notFound();

  const needle = q?.toLowerCase();
  const matching = snapshot.hosts.filter(
    (h) => (!service || h.service === service) && (!needle || h.hostKey.toLowerCase().includes(needle) || h.service.toLowerCase().includes(needle)),
  );
  return (
    <>
      <PageHeader
        title={`Snapshot ${formatDateTime(snapshot.takenAt)}`}
        description={
          <>
            <span className="font-mono">{snapshot.id}</span> · uploaded {formatDateTime(snapshot.createdAt)} · format{" "}
            <span className="font-mono">{snapshot.format}</span>
            {snapshot.source && <> · source {snapshot.source}</>}
          </>
        }
        actions={
          <a className="text-sm text-sky-700 underline dark:text-sky-400" href={`/api/snapshots/${snapshot.id}`}>
            JSON
          </a>
        }
      />
      <div className="mb-6 grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat label="Hosts" value={snapshot.hostCount} />
        <Stat label="Services" value={snapshot.serviceCount} />
        <Stat label="Environment" value={snapshot.environment ?? "per host"} />
      </div>
      <Card title="Services" className="mb-6">
        <ul className="flex flex-wrap gap-2">
          {snapshot.serviceBreakdown.map((s) => (
            <li key={`${s.service}/${s.environment}`}>
              <a
                href={`?service=${encodeURIComponent(s.service)}`}
                aria-current={service === s.service ? "true" : undefined}
                className="inline-flex items-center gap-2 rounded-full border border-slate-200 px-3 py-1 text-sm hover:border-slate-400 aria-[current=true]:border-sky-500 dark:border-slate-700"
              >
                {s.service}
                <span className="text-xs text-slate-500">{s.environment}</span>
                <span className="rounded-full bg-slate-100 px-2 text-xs tabular-nums dark:bg-slate-800">{s.hostCount}</span>
              </a>
            </li>
          ))}
        </ul>
      </Card>
      <form className="mb-3 flex flex-wrap items-center gap-2" role="search">
        <label htmlFor="host-filter" className="text-sm font-medium">
          Filter hosts
        </label>
        <input
          id="host-filter"
          name="q"
          defaultValue={q}
          placeholder="host or service name"
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
        />
        {service && <input type="hidden" name="service" value={service} />}
        <button className="rounded-md border border-slate-300 px-3 py-1 text-sm dark:border-slate-700">Apply</button>
        {(q || service) && (
          <a href="?" className="text-sm underline">
            Clear
          </a>
        )}
      </form>
      <HostTable hosts={matching.slice(0, MAX_HOST_ROWS)} totalCount={matching.length} />
    </>
  );
}
