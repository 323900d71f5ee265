"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { smallButtonClasses } from "@/components/ui/form-controls";
import type { ApiTokenSummary } from "@/lib/auth/queries";
import { formatDateTime } from "@/lib/format";

export interface ApiTokenTableProps {
  tokens: ApiTokenSummary[];
}

/** The API tokens with when each was last used; revoking asks for a second click. */
export function ApiTokenTable({ tokens }: ApiTokenTableProps) {
  const router = useRouter();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function revoke(id: string) {
    setError(null);
    const response = await fetch(`/api/tokens/${encodeURIComponent(id)}`, { method: "DELETE" }).catch(() => null);
    setConfirming(null);
    if (!response || !response.ok) {
      setError(`The token was not revoked${response ? ` (HTTP ${response.status})` : ""}. Try again.`);
      return;
    }
    router.refresh();
  }

  if (tokens.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No API tokens yet.</p>;
  return (
    <>
      {error && (
        <p role="alert" className="mb-2 text-sm text-rose-700 dark:text-rose-400">
          {error}
        </p>
      )}
      <table className="w-full text-left text-sm" aria-label="API tokens">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2 pr-4 font-medium">Name</th>
            <th className="py-2 pr-4 font-medium">Scope</th>
            <th className="py-2 pr-4 font-medium">Token</th>
            <th className="py-2 pr-4 font-medium">Created</th>
            <th className="py-2 pr-4 font-medium">Last used</th>
            <th className="py-2 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {tokens.map((token) => (
            <tr key={token.id} className={token.revokedAt ? "text-slate-400" : undefined}>
              <td className="py-2 pr-4">{token.name}</td>
              <td className="py-2 pr-4">{token.scope}</td>
              <td className="py-2 pr-4 font-mono text-xs">{token.hint}</td>
              <td className="py-2 pr-4">{formatDateTime(token.createdAt)}</td>
              <td className="py-2 pr-4">{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "never"}</td>
              <td className="py-2 text-right">
                {token.revokedAt ? (
                  <span>revoked {formatDateTime(token.revokedAt)}</span>
                ) : confirming === token.id ? (
                  <span className="inline-flex gap-2">
                    <button type="button" className={smallButtonClasses} onClick={() => void revoke(token.id)}>
                      Confirm revoke {token.name}
                    </button>
                    <button type="button" className={smallButtonClasses} onClick={() => setConfirming(null)}>
                      Cancel
                    </button>
                  </span>
                ) : (
                  <button type="button" className={smallButtonClasses} onClick={() => setConfirming(token.id)} aria-label={`Revoke ${token.name}`}>
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
