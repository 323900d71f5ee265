import Link from "next/link";
import { buttonClasses } from "@/components/ui/button-link";
import { buildCompareHref, type CompareView } from "@/lib/compare/schemas";
import { formatCount, formatDateTime } from "@/lib/format";
import type { SnapshotSummary } from "@/lib/snapshots/queries";

export interface CompareFormProps {
  snapshots: SnapshotSummary[];
  from: string | null;
  to: string | null;
  kind: CompareView["kind"];
}

/** Two snapshot pickers in a GET form: the comparison lives in the URL, so it can be shared. */
export function CompareForm({ snapshots, from, to, kind }: CompareFormProps) {
  return (
    <form method="get" action="/compare" className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <SnapshotSelect id="compare-from" name="from" label="From snapshot" snapshots={snapshots} value={from} />
      <span aria-hidden className="pb-2 text-slate-400">
        →
      </span>
      <SnapshotSelect id="compare-to" name="to" label="To snapshot" snapshots={snapshots} value={to} />
      {kind && <input type="hidden" name="kind" value={kind} />}
      <div className="flex gap-2">
        <button type="submit" className={buttonClasses.primary}>
          Compare
        </button>
        {from && to && (
          <Link href={buildCompareHref({ from: to, to: from, kind })} className={buttonClasses.secondary}>
            Swap
          </Link>
        )}
      </div>
    </form>
  );
}

interface SnapshotSelectProps {
  id: string;
  name: string;
  label: string;
  snapshots: SnapshotSummary[];
  value: string | null;
}

function SnapshotSelect({ id, name, label, snapshots, value }: SnapshotSelectProps) {
  const isListed = value === null || snapshots.some((s) => s.id === value);
  return (
    <div className="flex min-w-64 flex-1 flex-col gap-1 text-sm">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {/* key: a server render after navigation must show the URL's choice, not the last one typed */}
      <select
        key={value ?? ""}
        id={id}
        name={name}
        defaultValue={value ?? undefined}
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-900"
      >
        {!isListed && value && <option value={value}>Snapshot {value} (older than this list)</option>}
        {snapshots.map((snapshot) => (
          <option key={snapshot.id} value={snapshot.id}>
            {describeSnapshot(snapshot)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** "2026-11-26 02:17 UTC · ansible · 16 hosts" */
export function describeSnapshot(snapshot: Pick<SnapshotSummary, "takenAt" | "source" | "hostCount">): string {
  return `${formatDateTime(snapshot.takenAt)} · ${snapshot.source ?? "unknown source"} · ${formatCount(snapshot.hostCount, "host")}`;
}
