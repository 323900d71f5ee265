import { getFleetTrend } from "@/lib/analysis/queries";
import { serviceQuerySchema } from "@/lib/analysis/schemas";
import { apiRoute } from "@/lib/http/api-route";
import { parseQuery } from "@/lib/http/query";

export const dynamic = "force-dynamic";

// GET /api/fleet/trend?environment= — drifted hosts and distinct versions at each snapshot
export const GET = apiRoute(async (request) => {
  const query = parseQuery(request, serviceQuerySchema);
  return Response.json({ points: await getFleetTrend({ environment: query.environment }) });
});
