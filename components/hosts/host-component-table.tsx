import { formatVersion } from "@/lib/analysis/format-display";
import type { HostDetail } from "@/lib/analysis/queries";

export type HostComponentStatus = "matches" | "differs" | "missing" | "extra" | "ignored";

const STATUS_CLASSES: Record<HostComponentStatus, string> = {
  matches: "text-immutable",
  differs: "bg-drift/15 text-amber-800 dark:text-amber-300",
  missing: "bg-mutable/15 text-rose-800 dark:text-rose-300",
  extra: "bg-snowflake/15 text-violet-800 dark:text-violet-300",
  ignored: "bg-slate-200 text-slate-600 dark:bg-slate-800 dark:text-slate-300",
};

export interface HostComponentTableProps {
  components: HostDetail["components"];
  /** The host's drift, for which differences an ignore rule covers. */
  drift: NonNullable<HostDetail["current"]>["drift"];
}

function statusOf(component: HostDetail["components"][number], ignored: ReadonlySet<string>): HostComponentStatus {
  if (component.version === component.baseline) return "matches";
  if (ignored.has(component.name)) return "ignored";
  if (component.version === null) return "missing";
  if (component.baseline === null) return "extra";
  return "differs";
}

/** The host's components against its service's baseline, differences first. */
export function HostComponentTable({ components, drift }: HostComponentTableProps) {
  const ignored = new Set(drift.filter((item) => item.ignored).map((item) => item.component));
  const rows = components
    .map((component) => ({ ...component, status: statusOf(component, ignored) }))
    .sort((a, b) => Number(a.status === "matches") - Number(b.status === "matches") || (a.name < b.name ? -1 : 1));
  return (
    <div className="overflow-x-auto">
      <table aria-label="Components against the baseline" className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
          <tr>
            <th scope="col" className="py-1.5 pr-3">Component</th>
            <th scope="col" className="py-1.5 pr-3">Version</th>
            <th scope="col" className="py-1.5 pr-3">Baseline</th>
            <th scope="col" className="py-1.5">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
              <th scope="row" className="py-1.5 pr-3 font-mono text-xs font-normal break-all">
                {row.name}
              </th>
              <td className="py-1.5 pr-3 font-mono text-xs" title={row.version ?? undefined}>
                {row.version === null ? "(absent)" : formatVersion(row.version)}
              </td>
              <td className="py-1.5 pr-3 font-mono text-xs" title={row.baseline ?? undefined}>
                {row.baseline === null ? "(absent)" : formatVersion(row.baseline)}
              </td>
              <td className="py-1.5">
                <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_CLASSES[row.status]}`}>{row.status}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
