import { z } from "zod";
import { getServiceTimeline } from "@/lib/analysis/queries";
import { withErrors } from "@/lib/http/responses";
import { parseQuery } from "@/lib/http/query";

export const dynamic = "force-dynamic";

const querySchema = z.object({ environment: z.string().trim().min(1).max(512).optional() });

// GET /api/services/{name}/timeline — mutations, replacements and scale events in time order
export async function GET(request: Request, { params }: { params: Promise<{ name: string }> }) {
  return withErrors(async () => {
    const { name } = await params;
    const { environment } = parseQuery(request, querySchema);
    return Response.json({ events: await getServiceTimeline({ service: name, environment }) });
  });
}
