import type { ReportSnapshot } from "@/lib/reports/schemas";
import { formatDateTime } from "@/lib/format";
import { ReportCard } from "./report-card";

export interface ReportSnapshotListProps {
  snapshots: readonly ReportSnapshot[];
}

/** The snapshots the frozen analysis came from, oldest first. */
export function ReportSnapshotList({ snapshots }: ReportSnapshotListProps) {
  return (
    <ReportCard title="Snapshots this report was built from" titleId="report-snapshots">
      <div className="overflow-x-auto print:overflow-visible">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400 print:text-black">
            <tr>
              <th scope="col" className="px-2 py-1.5">
                Snapshot
              </th>
              <th scope="col" className="px-2 py-1.5">
                Taken
              </th>
              <th scope="col" className="px-2 py-1.5">
                Source
              </th>
            </tr>
          </thead>
          <tbody>
            {snapshots.map((snapshot) => (
              <tr key={snapshot.id} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
                <td className="break-all px-2 py-1 font-mono text-xs">{snapshot.id}</td>
                <td className="whitespace-nowrap px-2 py-1">{formatDateTime(snapshot.takenAt)}</td>
                <td className="px-2 py-1">{snapshot.source ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ReportCard>
  );
}
