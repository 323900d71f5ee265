import { z } from "zod";
import { getHostDetail } from "@/lib/analysis/queries";
import { apiRoute } from "@/lib/http/api-route";
import { parseQuery } from "@/lib/http/query";

export const dynamic = "force-dynamic";

const querySchema = z.object({ environment: z.string().trim().min(1).max(512).optional() });

// GET /api/hosts/{hostKey} — one host against its baseline, and its history snapshot by snapshot
export const GET = apiRoute(async (request, { params }: { params: Promise<{ hostKey: string }> }) => {
  const { hostKey } = await params;
  return Response.json(await getHostDetail({ hostKey, ...parseQuery(request, querySchema) }));
});
