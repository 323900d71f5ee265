import { withErrors } from "@/lib/http/responses";
import { parseQuery } from "@/lib/http/query";
import { findReportByToken } from "@/lib/reports/queries";
import { reportToCsv } from "@/lib/reports/report-csv";
import { reportCsvQuerySchema } from "@/lib/reports/schemas";
import { reportNotFoundResponse, SHARED_REPORT_HEADERS } from "@/lib/reports/shared-response";

export const dynamic = "force-dynamic";

// GET /r/{token}/report.csv[?table=drift|spread|services|changes] — the shared report's data as CSV
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  return withErrors(async () => {
    const report = await findReportByToken((await params).token);
    if (!report) return reportNotFoundResponse();
    const { csv, fileName } = reportToCsv(report.document, parseQuery(request, reportCsvQuerySchema).table);
    return new Response(csv, {
      headers: { ...SHARED_REPORT_HEADERS, "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${fileName}"` },
    });
  });
}
