"use client";

import { useState, type FormEvent } from "react";
import { buttonClasses } from "@/components/ui/button-link";
import { inputClasses, labelClasses } from "@/components/ui/form-controls";

export interface SignInFormProps {
  /** Where to go once signed in (already checked to be a local path). */
  next: string;
  hasExpired: boolean;
  initialError?: string | null;
}

/**
 * Posts the password as JSON and shows the answer in place (wrong password, too many
 * attempts). Without JavaScript the same form posts natively and the server redirects.
 */
export function SignInForm({ next, hasExpired, initialError = null }: SignInFormProps) {
  const [error, setError] = useState<string | null>(initialError);
  const [isBusy, setIsBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    setIsBusy(true);
    setError(null);
    try {
      const response = await fetch("/api/auth/signin", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ password, next }),
      });
      if (response.ok) {
        // A full navigation, so every server component renders with the new session.
        window.location.assign(next);
        return;
      }
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      setError(
        response.status === 401
          ? "Wrong password."
          : response.status === 429
            ? `Too many attempts. Try again in ${response.headers.get("retry-after") ?? "a few"} seconds.`
            : (body?.error?.message ?? `Sign-in failed (HTTP ${response.status}).`),
      );
    } catch {
      setError("The server could not be reached. Check your connection and try again.");
    }
    setIsBusy(false);
  }

  return (
    <form method="post" action="/api/auth/signin" onSubmit={onSubmit} className="space-y-4">
      {hasExpired && !error && (
        <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
          Your session has ended. Sign in again to continue.
        </p>
      )}
      <input type="hidden" name="next" value={next} />
      <div className="flex flex-col gap-1">
        <label htmlFor="signin-password" className={labelClasses}>
          Password
        </label>
        <input
          id="signin-password"
          name="password"
          type="password"
          required
          autoComplete="current-password"
          autoFocus
          className={inputClasses}
          aria-invalid={error !== null}
          aria-describedby={error ? "signin-error" : undefined}
        />
      </div>
      {error && (
        <p id="signin-error" role="alert" className="text-sm text-rose-700 dark:text-rose-400">
          {error}
        </p>
      )}
      <button type="submit" disabled={isBusy} className={buttonClasses.primary}>
        {isBusy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
