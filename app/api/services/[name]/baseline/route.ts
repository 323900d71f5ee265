import { updateServiceBaseline } from "@/lib/analysis/mutations";
import { baselineUpdateSchema } from "@/lib/analysis/schemas";
import { withErrors } from "@/lib/http/responses";
import { parseJsonBody } from "@/lib/http/query";

export const dynamic = "force-dynamic";

// PUT /api/services/{name}/baseline — switch the baseline source, pin golden versions, or accept the majority
export async function PUT(request: Request, { params }: { params: Promise<{ name: string }> }) {
  return withErrors(async () => {
    const { name } = await params;
    await updateServiceBaseline(name, await parseJsonBody(request, baselineUpdateSchema));
    return new Response(null, { status: 204 });
  });
}
