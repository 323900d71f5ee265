import { createApiTokenSchema } from "@/lib/auth/api-tokens";
import { enforceRateLimit } from "@/lib/auth/gate";
import { createApiToken } from "@/lib/auth/mutations";
import { listApiTokens } from "@/lib/auth/queries";
import { parseJsonBody } from "@/lib/http/query";
import { withErrors } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

// GET /api/tokens — every API token (never the tokens themselves)
export async function GET() {
  return withErrors(async () => Response.json({ tokens: await listApiTokens() }));
}

// POST /api/tokens — create a token {name, scope}; the answer holds the token, shown this once
export async function POST(request: Request) {
  return withErrors(async () => {
    await enforceRateLimit(request, "token");
    const input = await parseJsonBody(request, createApiTokenSchema);
    const created = await createApiToken(input);
    return Response.json(created, { status: 201, headers: { "cache-control": "no-store" } });
  });
}
