/** Whether a path is a shared report or one of its files (`/r/{token}`, `/r/{token}/report.csv`). */
export function isSharedReportPath(pathname: string | null | undefined): boolean {
  return !!pathname && (pathname === "/r" || pathname.startsWith("/r/"));
}
