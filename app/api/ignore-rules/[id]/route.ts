import { deleteIgnoreRule } from "@/lib/analysis/mutations";
import { withErrors } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

// DELETE /api/ignore-rules/{id} — stop ignoring those components
export async function DELETE(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withErrors(async () => {
    await deleteIgnoreRule({ id: (await params).id });
    return new Response(null, { status: 204 });
  });
}
