import type { Metadata } from "next";
import { ReportsTable } from "@/components/reports/reports-table";
import { ShareReportDialog } from "@/components/reports/share-report-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { listReports } from "@/lib/reports/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Shared reports" };

export default async function ReportsPage() {
  const reports = await listReports();
  return (
    <>
      <PageHeader
        title="Shared reports"
        description="Drift reports shared by link: frozen when shared, readable without signing in until they expire or are revoked."
        actions={<ShareReportDialog />}
      />
      <ReportsTable initial={reports} />
    </>
  );
}
