import "server-only";
import { getDb } from "@/lib/db";
import type { ApiTokenScope } from "./scopes";

export interface ApiTokenSummary {
  id: string;
  name: string;
  scope: ApiTokenScope;
  hint: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Every API token, newest first, without anything secret. */
export async function listApiTokens(): Promise<ApiTokenSummary[]> {
  const rows = await getDb().apiToken.findMany({
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, scope: true, hint: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
  return rows.map((row) => ({
    ...row,
    scope: row.scope as ApiTokenScope,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  }));
}

/** The live (not revoked) token with this hash, or null. */
export async function findActiveApiToken({ tokenHash }: { tokenHash: string }): Promise<{ id: string; scope: ApiTokenScope; tokenHash: string } | null> {
  const row = await getDb().apiToken.findUnique({ where: { tokenHash }, select: { id: true, scope: true, tokenHash: true, revokedAt: true } });
  if (!row || row.revokedAt) return null;
  return { id: row.id, scope: row.scope as ApiTokenScope, tokenHash: row.tokenHash };
}
