"use client";

import { buttonClasses } from "@/components/ui/button-link";
import { Dialog } from "@/components/ui/dialog";
import type { ReportSummary } from "@/lib/reports/queries";
import { useRevokeReport } from "./use-reports";

export interface RevokeReportDialogProps {
  report: Pick<ReportSummary, "id" | "title"> | null;
  onClose: () => void;
}

/** Confirms revoking a link: it stops working at once, for everyone, for good. */
export function RevokeReportDialog({ report, onClose }: RevokeReportDialogProps) {
  const mutation = useRevokeReport();
  const close = () => {
    mutation.reset();
    onClose();
  };
  return (
    <Dialog
      open={report !== null}
      onClose={close}
      title={report ? `Revoke “${report.title}”?` : "Revoke the link"}
      description="The link stops working at once: anyone who opens it gets a page saying the report is not available. This cannot be undone; share again for a new link."
    >
      {report && (
        <div>
          {mutation.isError && (
            <p role="alert" className="mb-3 text-sm text-rose-600 dark:text-rose-400">
              Could not revoke: {mutation.error.message}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <button type="button" className={buttonClasses.secondary} onClick={close}>
              Cancel
            </button>
            <button
              type="button"
              className={`${buttonClasses.primary} bg-rose-700 hover:bg-rose-600 dark:bg-rose-600 dark:text-white dark:hover:bg-rose-500`}
              disabled={mutation.isPending}
              onClick={() => mutation.mutate(report.id, { onSuccess: close })}
            >
              {mutation.isPending ? "Revoking…" : "Revoke link"}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
