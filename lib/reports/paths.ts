/** Whether a path is a shared report or one of its files (`/r/{token}`, `/r/{token}/report.csv`). */
export function isSharedReportPath(pathname: string | null | undefined): boolean {
  return !!pathname && (pathname === "/r" || pathname.startsWith("/r/"));
}

/** Where proxy.ts sends a report link that does not work, answering 404. */
export const REPORT_UNAVAILABLE_PATH = "/r/unavailable";

/** The token of a shared report's page (`/r/{token}`, not its files), or null for any other path. */
export function matchSharedReportPage(pathname: string): string | null {
  const match = /^\/r\/([^/]+)\/?$/.exec(pathname);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1]; // a malformed escape is simply not a token
  }
}
