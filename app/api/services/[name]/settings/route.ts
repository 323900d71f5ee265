import { updateServiceSettings } from "@/lib/analysis/mutations";
import { serviceSettingsUpdateSchema } from "@/lib/analysis/schemas";
import { withErrors } from "@/lib/http/responses";
import { parseJsonBody } from "@/lib/http/query";

export const dynamic = "force-dynamic";

// PUT /api/services/{name}/settings — override the role or the verdict (with a reason); null clears
export async function PUT(request: Request, { params }: { params: Promise<{ name: string }> }) {
  return withErrors(async () => {
    const { name } = await params;
    await updateServiceSettings(name, await parseJsonBody(request, serviceSettingsUpdateSchema));
    return new Response(null, { status: 204 });
  });
}
