import { z } from "zod";
import { enforceRateLimit } from "@/lib/auth/gate";
import { revokeApiToken } from "@/lib/auth/mutations";
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

const idSchema = z.uuid();

// DELETE /api/tokens/{id} — revoke a token for good
export const DELETE = apiRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  await enforceRateLimit(request, "token");
  const { id } = await params;
  if (!idSchema.safeParse(id).success) throw new AppError("not_found", { message: `no API token with id "${id.slice(0, 64)}"` });
  await revokeApiToken({ id });
  return new Response(null, { status: 204 });
});
