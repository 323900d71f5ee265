import { OPEN_MODE_MESSAGE } from "@/lib/auth/open-mode";

/** Shown on every page while no admin password is set, so nobody mistakes open mode for protected. */
export function OpenModeBanner() {
  return (
    <div role="note" aria-label="Open mode" className="border-b border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
      <p className="mx-auto max-w-7xl px-4 py-2 text-sm sm:px-6">{OPEN_MODE_MESSAGE}</p>
    </div>
  );
}
