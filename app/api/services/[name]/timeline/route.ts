import { z } from "zod";
import { getServiceTimeline } from "@/lib/analysis/queries";
import { apiRoute } from "@/lib/http/api-route";
import { parseQuery } from "@/lib/http/query";

export const dynamic = "force-dynamic";

const querySchema = z.object({ environment: z.string().trim().min(1).max(512).optional() });

// GET /api/services/{name}/timeline — mutations, replacements and scale events in time order
export const GET = apiRoute(async (request, { params }: { params: Promise<{ name: string }> }) => {
  const { name } = await params;
  const { environment } = parseQuery(request, querySchema);
  return Response.json({ events: await getServiceTimeline({ service: name, environment }) });
});
