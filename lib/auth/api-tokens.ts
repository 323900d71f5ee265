/**
 * API tokens for machines: `dbt_` + 32 random bytes (base64url). Only the SHA-256 of a token
 * is stored; the token itself is shown once, when it is created. Pure; no database.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export { API_TOKEN_SCOPES, type ApiTokenScope, createApiTokenSchema, type CreateApiTokenInput } from "./scopes";

export const API_TOKEN_PREFIX = "dbt_";

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
