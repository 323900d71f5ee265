import { getServiceDetailAnswer } from "@/lib/analysis/queries";
import { serviceQuerySchema } from "@/lib/analysis/schemas";
import { apiRoute } from "@/lib/http/api-route";
import { answerResponse } from "@/lib/http/responses";
import { parseQuery } from "@/lib/http/query";

export const dynamic = "force-dynamic";

// GET /api/services/{name}?environment=&snapshot=&baseline= — one service: spread, drift with onset, snowflakes, verdict
export const GET = apiRoute(async (request, { params }: { params: Promise<{ name: string }> }) => {
  const { name } = await params;
  const query = parseQuery(request, serviceQuerySchema);
  return answerResponse(await getServiceDetailAnswer({ service: name, environment: query.environment, snapshotId: query.snapshot, baseline: query.baseline }));
});
