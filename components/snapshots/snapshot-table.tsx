import Link from "next/link";
import { formatDateTime, listNames } from "@/lib/format";
import type { SnapshotSummary } from "@/lib/snapshots/queries";

export interface SnapshotTableProps {
  snapshots: SnapshotSummary[];
}

export function SnapshotTable({ snapshots }: SnapshotTableProps) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Snapshots, newest first</caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
          <tr>
            <th scope="col" className="px-4 py-2">Taken at</th>
            <th scope="col" className="px-4 py-2">Source</th>
            <th scope="col" className="px-4 py-2">Environment</th>
            <th scope="col" className="px-4 py-2 text-right">Hosts</th>
            <th scope="col" className="px-4 py-2">Services</th>
            <th scope="col" className="px-4 py-2">Format</th>
          </tr>
        </thead>
        <tbody>
          {snapshots.map((snapshot) => (
            <tr key={snapshot.id} className="border-b border-slate-100 last:border-0 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800/50">
              <td className="px-4 py-2 whitespace-nowrap">
                <Link href={`/snapshots/${snapshot.id}`} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
                  {formatDateTime(snapshot.takenAt)}
                </Link>
              </td>
              <td className="px-4 py-2">{snapshot.source ?? "—"}</td>
              <td className="px-4 py-2">{snapshot.environment ?? "—"}</td>
              <td className="px-4 py-2 text-right tabular-nums">{snapshot.hostCount.toLocaleString("en-US")}</td>
              {/* A 50,000-host snapshot names 1,828 services: the whole list made this page 3.7 MB. */}
              <td className="max-w-md truncate px-4 py-2" title={listNames(snapshot.services, 50)}>
                {listNames(snapshot.services)}
              </td>
              <td className="px-4 py-2 font-mono text-xs">{snapshot.format}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
