import { getFleetTrend } from "@/lib/analysis/queries";
import { serviceQuerySchema } from "@/lib/analysis/schemas";
import { withErrors } from "@/lib/http/responses";
import { parseQuery } from "@/lib/http/query";

export const dynamic = "force-dynamic";

// GET /api/fleet/trend?environment= — drifted hosts and distinct versions at each snapshot
export async function GET(request: Request) {
  return withErrors(async () => {
    const query = parseQuery(request, serviceQuerySchema);
    return Response.json({ points: await getFleetTrend({ environment: query.environment }) });
  });
}
