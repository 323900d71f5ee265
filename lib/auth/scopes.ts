/** Token scopes and the create-token input; no Node imports, so client components may use them. */
import { z } from "zod";

/**
 * What a token may do. `read`: GET/HEAD of the API. `upload`: that, plus POST /api/snapshots
 * (a CI job that uploads usually also reads its result). Everything else that changes data —
 * ignore rules, baselines, shared reports, deleting, tokens — needs a signed-in session or
 * the environment's full-scope DRIFTBOARD_API_TOKEN.
 */
export const API_TOKEN_SCOPES = ["read", "upload"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, { error: "name the token (what uses it)" }).max(100, { error: "must be at most 100 characters" }),
  scope: z.enum(API_TOKEN_SCOPES, { error: 'scope must be "read" or "upload"' }),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;
