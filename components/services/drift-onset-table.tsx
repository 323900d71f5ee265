import { Card } from "@/components/ui/card";
import { summariseDriftOnsets } from "@/lib/analysis/drift-matrix";
import { formatDriftAge } from "@/lib/analysis/onset";
import type { ServiceDetail } from "@/lib/analysis/queries";
import { formatDate } from "@/lib/format";

export interface DriftOnsetTableProps {
  hosts: ServiceDetail["hosts"];
  /** Ages are counted up to the snapshot, so a look-back reads as it did then. */
  takenAt: string;
}

/** Since when each component has been drifting, longest-standing first. */
export function DriftOnsetTable({ hosts, takenAt }: DriftOnsetTableProps) {
  const onsets = summariseDriftOnsets(hosts);
  return (
    <Card title="Drift onset">
      {onsets.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Nothing drifts, so nothing has an onset.</p>
      ) : (
        <div className="overflow-x-auto">
          <table aria-label="Drift onset" className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
              <tr>
                <th scope="col" className="py-1.5 pr-3">Component</th>
                <th scope="col" className="py-1.5 pr-3 text-right">Hosts drifting</th>
                <th scope="col" className="py-1.5 pr-3">First drifted</th>
                <th scope="col" className="py-1.5">Most recently</th>
              </tr>
            </thead>
            <tbody>
              {onsets.map((onset) => (
                <tr key={onset.component} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
                  <th scope="row" className="py-1.5 pr-3 font-mono text-xs font-normal break-all">
                    {onset.component}
                  </th>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{onset.hostCount}</td>
                  <td className="py-1.5 pr-3">
                    {onset.firstSince ? (
                      <>
                        {formatDriftAge(onset.firstSince, takenAt)} <span className="text-xs text-slate-500">(since {formatDate(onset.firstSince)})</span>
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="py-1.5 text-xs text-slate-600 dark:text-slate-400">{onset.lastSince && onset.lastSince !== onset.firstSince ? formatDate(onset.lastSince) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
        Onset is the first snapshot of the unbroken run in which the host had the same drift; ages count up to this snapshot.
      </p>
    </Card>
  );
}
