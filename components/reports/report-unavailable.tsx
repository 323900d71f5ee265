/**
 * What a report link that does not work shows — unknown, revoked or expired alike, so the
 * page tells a visitor nothing about which. It links nowhere inside the dashboard.
 */
export function ReportUnavailable() {
  return (
    <div className="mx-auto max-w-xl rounded-lg border border-dashed border-slate-300 p-10 text-center dark:border-slate-700">
      <h1 className="text-lg font-semibold">This report is not available</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        The link may have expired or been revoked, or it was copied incompletely. Ask whoever shared it for a new link.
      </p>
    </div>
  );
}
