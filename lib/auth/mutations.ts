import "server-only";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type CreateApiTokenInput, generateApiToken, hashApiToken, tokenHint } from "./api-tokens";
import type { ApiTokenSummary } from "./queries";
import { evaluateSlidingWindow, type RateLimitOutcome } from "./rate-limit";

/** Creates a token; the answer is the only time the token itself is ever seen. */
export async function createApiToken(input: CreateApiTokenInput): Promise<ApiTokenSummary & { token: string }> {
  const token = generateApiToken();
  const row = await getDb().apiToken.create({
    data: { name: input.name, scope: input.scope, tokenHash: hashApiToken(token), hint: tokenHint(token) },
    select: { id: true, name: true, scope: true, hint: true, createdAt: true },
  });
  return { ...row, scope: input.scope, createdAt: row.createdAt.toISOString(), lastUsedAt: null, revokedAt: null, token };
}

/** Revokes a token for good (it stays listed, marked revoked). Revoking twice is fine. */
export async function revokeApiToken({ id }: { id: string }): Promise<void> {
  const db = getDb();
  const updated = await db.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  if (updated.count === 0 && !(await db.apiToken.findUnique({ where: { id }, select: { id: true } }))) {
    throw new AppError("not_found", { message: `no API token with id "${id}"` });
  }
}

/** Records that a token was used; at most once a minute per token, so reads stay reads. */
export async function touchApiToken({ id }: { id: string }): Promise<void> {
  await getDb().$executeRaw`
    UPDATE api_token SET last_used_at = now()
    WHERE id = ${id} AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`;
}

/**
 * Counts one attempt of `key` (a client address) in `bucket` and says whether it is within
 * `limit` per `windowSeconds`. A sliding window, approximated from two fixed windows: the
 * previous window's count weighs in proportionally to how much of it still overlaps. Kept in
 * Postgres so every replica sees the same counts.
 */
export async function consumeRateLimit(options: { bucket: string; key: string; limit: number; windowSeconds: number; now?: Date }): Promise<RateLimitOutcome> {
  const { bucket, key, limit, windowSeconds } = options;
  const now = options.now ?? new Date();
  const windowMs = windowSeconds * 1000;
  const currentStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const previousStart = new Date(currentStart.getTime() - windowMs);
  const db = getDb();
  const rows = await db.$queryRaw<Array<{ current: number; previous: number }>>`
    WITH hit AS (
      INSERT INTO rate_limit_counter (bucket, key, window_start, count)
      VALUES (${bucket}, ${key}, ${currentStart}, 1)
      ON CONFLICT (bucket, key, window_start) DO UPDATE SET count = rate_limit_counter.count + 1
      RETURNING count)
    SELECT (SELECT count FROM hit)::int AS current,
           COALESCE((SELECT count FROM rate_limit_counter
                     WHERE bucket = ${bucket} AND key = ${key} AND window_start = ${previousStart}), 0)::int AS previous`;
  // Old windows are useless; prune now and then rather than on every request.
  if (Math.random() < 0.02) {
    await db.$executeRaw`DELETE FROM rate_limit_counter WHERE window_start < ${new Date(previousStart.getTime() - windowMs)}`;
  }
  const current = rows[0]?.current ?? 1;
  const previous = rows[0]?.previous ?? 0;
  return evaluateSlidingWindow({ current, previous, limit, windowMs, elapsedMs: now.getTime() - currentStart.getTime() });
}
