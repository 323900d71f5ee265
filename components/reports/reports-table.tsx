"use client";

import { useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { smallButtonClasses } from "@/components/ui/form-controls";
import { formatDateTime } from "@/lib/format";
import type { ReportStatus } from "@/lib/reports/expiry";
import type { ReportSummary } from "@/lib/reports/queries";
import { CopyLinkButton } from "./copy-link-button";
import { useRememberedReportLinks } from "./report-link-store";
import { RevokeReportDialog } from "./revoke-report-dialog";
import { useReports } from "./use-reports";

export interface ReportsTableProps {
  initial: ReportSummary[];
}

const STATUS_CLASSES: Record<ReportStatus, string> = {
  active: "border-immutable/40 bg-immutable/10 text-immutable dark:text-teal-300",
  expired: "border-slate-300 bg-slate-100 text-slate-600 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-300",
  revoked: "border-mutable/40 bg-mutable/10 text-mutable dark:text-rose-300",
};

/** Every shared report with its reach (views, last view) and what can still be done with its link. */
export function ReportsTable({ initial }: ReportsTableProps) {
  const query = useReports(initial);
  const links = useRememberedReportLinks();
  const [revoking, setRevoking] = useState<ReportSummary | null>(null);
  const reports = query.data ?? initial;

  if (reports.length === 0) {
    return (
      <EmptyState title="No report shared yet">
        <p>Share a report from the fleet overview, a service or the compare page — or with the Share button above. Its link appears here with its views.</p>
      </EmptyState>
    );
  }

  return (
    <>
      {query.isError && (
        <p role="alert" className="mb-3 text-sm text-rose-600 dark:text-rose-400">
          Could not refresh the list: {query.error.message}
        </p>
      )}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Shared reports</caption>
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
            <tr>
              <th scope="col" className="px-3 py-2">Report</th>
              <th scope="col" className="px-3 py-2">Created</th>
              <th scope="col" className="px-3 py-2">Expires</th>
              <th scope="col" className="px-3 py-2 text-right">Views</th>
              <th scope="col" className="px-3 py-2">Last viewed</th>
              <th scope="col" className="px-3 py-2">Status</th>
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {reports.map((report) => {
              const url = links[report.id];
              return (
                <tr key={report.id} className="border-b border-slate-100 align-top last:border-0 dark:border-slate-800">
                  <th scope="row" className="px-3 py-2 font-normal">
                    <span className="block font-medium break-words">{report.title}</span>
                    <span className="block text-xs text-slate-600 dark:text-slate-400">{report.scopeDescription}</span>
                  </th>
                  <td className="whitespace-nowrap px-3 py-2">{formatDateTime(report.createdAt)}</td>
                  <td className="whitespace-nowrap px-3 py-2">{report.expiresAt ? formatDateTime(report.expiresAt) : "Never"}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{report.viewCount.toLocaleString("en-US")}</td>
                  <td className="whitespace-nowrap px-3 py-2">{report.lastViewedAt ? formatDateTime(report.lastViewedAt) : "Not yet"}</td>
                  <td className="px-3 py-2">
                    <span className={`inline-block rounded-full border px-2 py-0.5 text-xs font-medium ${STATUS_CLASSES[report.status]}`}>{report.status}</span>
                    {report.revokedAt && <span className="mt-0.5 block whitespace-nowrap text-xs text-slate-500 dark:text-slate-400">{formatDateTime(report.revokedAt)}</span>}
                  </td>
                  <td className="px-3 py-2">
                    {report.status === "active" && (
                      <div className="flex flex-wrap items-center gap-2">
                        {url ? (
                          <CopyLinkButton url={url} label="Copy link" />
                        ) : (
                          <span
                            className="max-w-48 text-xs text-slate-500 dark:text-slate-400"
                            title="Driftboard keeps only a fingerprint of each link, so a link can be copied only in the browser tab that shared it."
                          >
                            Link shown once, when shared. Share again for a new link.
                          </span>
                        )}
                        <button type="button" className={`${smallButtonClasses} text-rose-700 dark:text-rose-300`} onClick={() => setRevoking(report)} aria-label={`Revoke ${report.title}`}>
                          Revoke
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <RevokeReportDialog report={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}
