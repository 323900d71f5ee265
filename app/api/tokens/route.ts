import { createApiTokenSchema } from "@/lib/auth/api-tokens";
import { enforceRateLimit } from "@/lib/auth/gate";
import { createApiToken } from "@/lib/auth/mutations";
import { listApiTokens } from "@/lib/auth/queries";
import { parseJsonBody } from "@/lib/http/query";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

// GET /api/tokens — every API token (never the tokens themselves)
export const GET = apiRoute(async () => Response.json({ tokens: await listApiTokens() }));

// POST /api/tokens — create a token {name, scope}; the answer holds the token, shown this once
export const POST = apiRoute(async (request) => {
  await enforceRateLimit(request, "token");
  const input = await parseJsonBody(request, createApiTokenSchema);
  const created = await createApiToken(input);
  return Response.json(created, { status: 201, headers: { "cache-control": "no-store" } });
});
