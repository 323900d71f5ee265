import { getFleetSummaryAnswer } from "@/lib/analysis/queries";
import { serviceQuerySchema } from "@/lib/analysis/schemas";
import { apiRoute } from "@/lib/http/api-route";
import { answerResponse } from "@/lib/http/responses";
import { parseQuery } from "@/lib/http/query";

export const dynamic = "force-dynamic";

// GET /api/fleet?environment= — fleet health: counts, verdicts, the hybrid picture, migration candidates
export const GET = apiRoute(async (request) => {
  const query = parseQuery(request, serviceQuerySchema);
  return answerResponse(await getFleetSummaryAnswer({ environment: query.environment, snapshotId: query.snapshot }));
});
