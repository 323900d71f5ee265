import { z } from "zod";
import { getHostDetail } from "@/lib/analysis/queries";
import { withErrors } from "@/lib/http/responses";
import { parseQuery } from "@/lib/http/query";

export const dynamic = "force-dynamic";

const querySchema = z.object({ environment: z.string().trim().min(1).max(512).optional() });

// GET /api/hosts/{hostKey} — one host against its baseline, and its history snapshot by snapshot
export async function GET(request: Request, { params }: { params: Promise<{ hostKey: string }> }) {
  return withErrors(async () => {
    const { hostKey } = await params;
    return Response.json(await getHostDetail({ hostKey, ...parseQuery(request, querySchema) }));
  });
}
