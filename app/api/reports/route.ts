import { apiRoute } from "@/lib/http/api-route";
import { parseJsonBody } from "@/lib/http/query";
import { createReport } from "@/lib/reports/mutations";
import { resolveRequestOrigin } from "@/lib/reports/origin";
import { listReports } from "@/lib/reports/queries";
import { createReportInputSchema } from "@/lib/reports/schemas";

export const dynamic = "force-dynamic";

// GET /api/reports — every shared report with its scope, expiry and views (never a token)
export const GET = apiRoute(async () => Response.json({ reports: await listReports() }, { headers: { "cache-control": "no-store" } }));

// POST /api/reports — freeze a drift report and answer its link, shown this once
export const POST = apiRoute(async (request) => {
  const input = await parseJsonBody(request, createReportInputSchema);
  const report = await createReport(input, { origin: resolveRequestOrigin(request.headers, request.url) });
  // The answer carries the only copy of the token: no cache may keep it.
  return Response.json(report, { status: 201, headers: { "cache-control": "no-store" } });
});
