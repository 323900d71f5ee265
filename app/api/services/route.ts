import { listServicesAnswer } from "@/lib/analysis/queries";
import { serviceQuerySchema } from "@/lib/analysis/schemas";
import { apiRoute } from "@/lib/http/api-route";
import { answerResponse } from "@/lib/http/responses";
import { parseQuery } from "@/lib/http/query";

export const dynamic = "force-dynamic";

// GET /api/services?environment=&snapshot= — every service's current state with drift counts and verdict
export const GET = apiRoute(async (request) => {
  const query = parseQuery(request, serviceQuerySchema);
  return answerResponse(await listServicesAnswer({ environment: query.environment, snapshotId: query.snapshot }));
});
