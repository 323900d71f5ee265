import type { Metadata } from "next";
import { z } from "zod";
import { FirstUploadHelp } from "@/components/snapshots/first-upload-help";
import { SnapshotTable } from "@/components/snapshots/snapshot-table";
import { ButtonLink } from "@/components/ui/button-link";
import { PageHeader } from "@/components/ui/page-header";
import { listSnapshots } from "@/lib/snapshots/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Snapshots" };

const searchParamsSchema = z.object({ cursor: z.string().max(64).optional() });

export default async function SnapshotsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { cursor } = searchParamsSchema.catch({}).parse(await searchParams);
  const { snapshots, nextCursor } = await listSnapshots({ cursor });
  return (
    <>
      <PageHeader
        title="Snapshots"
        description="Every uploaded inventory snapshot, newest first."
        actions={<ButtonLink href="/upload" variant="primary">Upload a snapshot</ButtonLink>}
      />
      {snapshots.length === 0 && !cursor ? (
        <FirstUploadHelp />
      ) : (
        <>
          <SnapshotTable snapshots={snapshots} />
          <div className="mt-4 flex gap-3">
            {cursor && <ButtonLink href="/snapshots">Newest</ButtonLink>}
            {nextCursor && <ButtonLink href={`/snapshots?cursor=${encodeURIComponent(nextCursor)}`}>Older snapshots</ButtonLink>}
          </div>
        </>
      )}
    </>
  );
}
