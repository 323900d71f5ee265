/**
 * API tokens for machines: `dbt_` + 32 random bytes (base64url). Only the SHA-256 of a token
 * is stored; the token itself is shown once, when it is created. Pure; no database.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";

export const API_TOKEN_PREFIX = "dbt_";

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

export function generateApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/** The stored form of a token: hex SHA-256. A token is high-entropy, so no salt or slow hash is needed. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The first characters of a token, shown in the Settings list so users can tell tokens apart. */
export function tokenHint(token: string): string {
  return `${token.slice(0, API_TOKEN_PREFIX.length + 6)}…`;
}

/** Compares two secrets in constant time (digests first, so lengths leak nothing either). */
export function secretsEqual(a: string, b: string): boolean {
  const digestA = createHash("sha256").update(a, "utf8").digest();
  const digestB = createHash("sha256").update(b, "utf8").digest();
  return timingSafeEqual(digestA, digestB);
}

/** The token in an `Authorization: Bearer <token>` header; null when there is none or another scheme. */
export function bearerToken(authorization: string | null): string | null {
  if (!authorization) return null;
  const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(authorization);
  return match ? match[1]! : null;
}

/** Is this header a Bearer header at all (even a malformed one)? Other schemes are ignored. */
export function isBearerScheme(authorization: string | null): boolean {
  return !!authorization && /^Bearer(\s|$)/i.test(authorization);
}
