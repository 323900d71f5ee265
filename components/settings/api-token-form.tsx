"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { buttonClasses } from "@/components/ui/button-link";
import { inputClasses, labelClasses, smallButtonClasses } from "@/components/ui/form-controls";
import { API_TOKEN_SCOPES } from "@/lib/auth/scopes";

type Phase = { kind: "idle" } | { kind: "busy" } | { kind: "created"; name: string; token: string } | { kind: "failed"; message: string };

/** Creates an API token and shows it once, with a copy button. */
export function ApiTokenForm() {
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [hasCopied, setHasCopied] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setPhase({ kind: "busy" });
    setHasCopied(false);
    try {
      const response = await fetch("/api/tokens", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: data.get("name"), scope: data.get("scope") }),
      });
      const body = (await response.json().catch(() => null)) as { token?: string; name?: string; error?: { message?: string } } | null;
      if (!response.ok || !body?.token) {
        setPhase({ kind: "failed", message: body?.error?.message ?? `The token was not created (HTTP ${response.status}).` });
        return;
      }
      setPhase({ kind: "created", name: body.name ?? "", token: body.token });
      form.reset();
      router.refresh();
    } catch {
      setPhase({ kind: "failed", message: "The server could not be reached. Check your connection and try again." });
    }
  }

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" aria-label="Create an API token">
        <div className="flex flex-col gap-1">
          <label htmlFor="token-name" className={labelClasses}>
            Token name
          </label>
          <input id="token-name" name="name" required maxLength={100} placeholder="ci-inventory" className={inputClasses} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="token-scope" className={labelClasses}>
            Scope
          </label>
          <select id="token-scope" name="scope" defaultValue="upload" className={inputClasses}>
            {API_TOKEN_SCOPES.map((scope) => (
              <option key={scope} value={scope}>
                {scope}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={phase.kind === "busy"} className={buttonClasses.primary}>
          Create token
        </button>
      </form>
      {phase.kind === "failed" && (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">
          {phase.message}
        </p>
      )}
      {phase.kind === "created" && (
        <div role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm dark:border-emerald-800 dark:bg-emerald-950">
          <p className="font-medium">Token “{phase.name}” created. Copy it now: it will not be shown again.</p>
          <div className="mt-2 flex items-center gap-2">
            <input
              readOnly
              aria-label="New API token"
              value={phase.token}
              onFocus={(event) => event.currentTarget.select()}
              className={`${inputClasses} w-full font-mono text-xs`}
            />
            <button
              type="button"
              className={smallButtonClasses}
              onClick={() => {
                void navigator.clipboard?.writeText(phase.token).then(() => setHasCopied(true), () => setHasCopied(false));
              }}
            >
              {hasCopied ? "Copied" : "Copy"}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
