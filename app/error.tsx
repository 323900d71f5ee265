"use client";

import { EmptyState } from "@/components/ui/empty-state";
import { buttonClasses } from "@/components/ui/button-link";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <EmptyState
      title="Something went wrong"
      actions={
        <button type="button" className={buttonClasses.primary} onClick={reset}>
          Try again
        </button>
      }
    >
      <p>The page could not be loaded. If the database was restarting, trying again usually helps.</p>
      {error.digest && <p className="mt-2 font-mono text-xs">Reference: {error.digest}</p>}
    </EmptyState>
  );
}
