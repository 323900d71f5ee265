import { FirstUploadHelp } from "@/components/snapshots/first-upload-help";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { formatDateTime } from "@/lib/format";
import { getFleetCounts } from "@/lib/snapshots/queries";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const counts = await getFleetCounts();
  if (counts.snapshotCount === 0) {
    return (
      <>
        <PageHeader title="Fleet overview" />
        <FirstUploadHelp />
      </>
    );
  }
  return (
    <>
      <PageHeader title="Fleet overview" description={`Latest snapshot taken ${formatDateTime(counts.latestTakenAt)}`} />
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat label="Services" value={counts.serviceCount} hint={counts.environments.join(", ")} />
        <Stat label="Hosts" value={counts.hostCount} />
        <Stat label="Snapshots" value={counts.snapshotCount} href="/snapshots" />
      </div>
    </>
  );
}
