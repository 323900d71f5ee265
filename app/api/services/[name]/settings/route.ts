import { updateServiceSettings } from "@/lib/analysis/mutations";
import { serviceSettingsUpdateSchema } from "@/lib/analysis/schemas";
import { apiRoute } from "@/lib/http/api-route";
import { parseJsonBody } from "@/lib/http/query";

export const dynamic = "force-dynamic";

// PUT /api/services/{name}/settings — override the role or the verdict (with a reason); null clears
export const PUT = apiRoute(async (request, { params }: { params: Promise<{ name: string }> }) => {
  const { name } = await params;
  await updateServiceSettings(name, await parseJsonBody(request, serviceSettingsUpdateSchema));
  return new Response(null, { status: 204 });
});
