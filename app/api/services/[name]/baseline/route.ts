import { updateServiceBaseline } from "@/lib/analysis/mutations";
import { baselineUpdateSchema } from "@/lib/analysis/schemas";
import { apiRoute } from "@/lib/http/api-route";
import { parseJsonBody } from "@/lib/http/query";

export const dynamic = "force-dynamic";

// PUT /api/services/{name}/baseline — switch the baseline source, pin golden versions, or accept the majority
export const PUT = apiRoute(async (request, { params }: { params: Promise<{ name: string }> }) => {
  const { name } = await params;
  await updateServiceBaseline(name, await parseJsonBody(request, baselineUpdateSchema));
  return new Response(null, { status: 204 });
});
