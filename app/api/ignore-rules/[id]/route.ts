import { deleteIgnoreRule } from "@/lib/analysis/mutations";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

// DELETE /api/ignore-rules/{id} — stop ignoring those components
export const DELETE = apiRoute(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  await deleteIgnoreRule({ id: (await params).id });
  return new Response(null, { status: 204 });
});
