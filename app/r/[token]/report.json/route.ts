import { withErrors } from "@/lib/http/responses";
import { findReportByToken } from "@/lib/reports/queries";
import { toReportFileName } from "@/lib/reports/scope";
import { reportNotFoundResponse, SHARED_REPORT_HEADERS } from "@/lib/reports/shared-response";

export const dynamic = "force-dynamic";

// GET /r/{token}/report.json — the shared report's frozen document
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  return withErrors(async () => {
    const report = await findReportByToken((await params).token);
    if (!report) return reportNotFoundResponse();
    return Response.json(report.document, {
      headers: { ...SHARED_REPORT_HEADERS, "content-disposition": `attachment; filename="${toReportFileName(report.title)}.json"` },
    });
  });
}
