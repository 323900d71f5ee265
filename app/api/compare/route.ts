import { compareSnapshots } from "@/lib/analysis/queries";
import { compareQuerySchema } from "@/lib/analysis/schemas";
import { apiRoute } from "@/lib/http/api-route";
import { parseQuery } from "@/lib/http/query";

export const dynamic = "force-dynamic";

// GET /api/compare?from=ID&to=ID[&kind=&service=] — what changed between two snapshots, per service and host
export const GET = apiRoute(async (request) => {
  const query = parseQuery(request, compareQuerySchema);
  const { changes } = await compareSnapshots({ from: query.from, to: query.to });
  return Response.json({
    from: query.from,
    to: query.to,
    changes: changes.filter((c) => (!query.kind || c.kind === query.kind) && (!query.service || c.service === query.service)),
  });
});
