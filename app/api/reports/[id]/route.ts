import { apiRoute } from "@/lib/http/api-route";
import { revokeReport } from "@/lib/reports/mutations";

export const dynamic = "force-dynamic";

// DELETE /api/reports/{id} — revoke a report: its link answers 404 from now on
export const DELETE = apiRoute(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  await revokeReport({ id: (await params).id });
  return new Response(null, { status: 204 });
});
