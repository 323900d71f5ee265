import Link from "next/link";
import type { HostDetail } from "@/lib/analysis/queries";
import { formatDateTime } from "@/lib/format";

const KIND_CLASSES: Record<HostDetail["history"][number]["kind"], string> = {
  deployed: "bg-immutable",
  "first-seen": "bg-slate-400",
  mutated: "bg-mutable",
  replaced: "bg-immutable",
  removed: "bg-slate-500",
  returned: "bg-mixed",
};

export interface HostHistoryListProps {
  history: HostDetail["history"];
}

/** "Day 1 deployed", "Day 30 packages upgraded (…)": the host's story, snapshot by snapshot. */
export function HostHistoryList({ history }: HostHistoryListProps) {
  if (history.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">No history yet.</p>;
  }
  return (
    <ol aria-label="Host history" className="relative space-y-4 border-l border-slate-200 pl-5 dark:border-slate-800">
      {history.map((entry) => (
        <li key={`${entry.snapshotId}-${entry.kind}`} className="relative">
          <span aria-hidden className={`absolute -left-[1.6rem] top-1.5 h-2.5 w-2.5 rounded-full ring-4 ring-white dark:ring-slate-900 ${KIND_CLASSES[entry.kind]}`} />
          <p className="text-sm font-medium break-words">{entry.text}</p>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            {entry.kind} · snapshot{" "}
            <Link href={`/snapshots/${encodeURIComponent(entry.snapshotId)}`} className="underline-offset-2 hover:underline">
              {formatDateTime(entry.takenAt)}
            </Link>
          </p>
        </li>
      ))}
    </ol>
  );
}
