import { formatDateTime } from "@/lib/format";
import type { SnapshotDetail } from "@/lib/snapshots/queries";

export interface HostTableProps {
  hosts: SnapshotDetail["hosts"];
  /** How many hosts there are before filtering and truncation, for the caption. */
  totalCount: number;
}

export function HostTable({ hosts, totalCount }: HostTableProps) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full text-left text-sm">
        <caption className="px-4 py-2 text-left text-xs text-slate-500">
          Showing {hosts.length.toLocaleString("en-US")} of {totalCount.toLocaleString("en-US")} hosts
        </caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
          <tr>
            <th scope="col" className="px-4 py-2">Host</th>
            <th scope="col" className="px-4 py-2">Service</th>
            <th scope="col" className="px-4 py-2">Environment</th>
            <th scope="col" className="px-4 py-2">Role</th>
            <th scope="col" className="px-4 py-2">Image</th>
            <th scope="col" className="px-4 py-2">Launched</th>
            <th scope="col" className="px-4 py-2 text-right">Components</th>
            <th scope="col" className="px-4 py-2">Manifest</th>
          </tr>
        </thead>
        <tbody>
          {hosts.map((host) => (
            <tr key={host.hostKey} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
              <td className="px-4 py-1.5 font-mono text-xs">{host.hostKey}</td>
              <td className="px-4 py-1.5">{host.service}</td>
              <td className="px-4 py-1.5">{host.environment}</td>
              <td className="px-4 py-1.5">{host.role ?? "—"}</td>
              <td className="max-w-xs truncate px-4 py-1.5 font-mono text-xs" title={host.image ?? undefined}>
                {host.image ?? "—"}
              </td>
              <td className="px-4 py-1.5 whitespace-nowrap">{formatDateTime(host.launchedAt)}</td>
              <td className="px-4 py-1.5 text-right tabular-nums">{host.componentCount}</td>
              <td className="px-4 py-1.5 font-mono text-xs" title={host.manifestHash}>
                {host.manifestHash.slice(0, 10)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
