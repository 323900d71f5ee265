/**
 * What every answer under /r/{token} carries, so the token does not leak: no Referer to
 * wherever a reader clicks next, no search index, no shared or stored cache. next.config.ts
 * sends the same for the page; route handlers set them too so they hold on their own.
 */
export const SHARED_REPORT_HEADERS = {
  "referrer-policy": "no-referrer",
  "x-robots-tag": "noindex",
  "cache-control": "private, no-store",
} as const;

/** The one answer for an unknown, malformed, revoked or expired token: nothing tells them apart. */
export function reportNotFoundResponse(): Response {
  return Response.json(
    { error: { code: "not_found", message: "this report link does not work: it may have expired or been revoked, or it was mistyped" } },
    { status: 404, headers: SHARED_REPORT_HEADERS },
  );
}
