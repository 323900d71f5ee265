"use client";

import { useId } from "react";
import { formatDateTime } from "@/lib/format";

export interface SnapshotPickerEntry {
  snapshotId: string;
  takenAt: string;
  hostCount: number;
}

export interface SnapshotPickerProps {
  /** The service's snapshots known so far, newest first. */
  history: readonly SnapshotPickerEntry[];
  /** The latest snapshot's id, once known; it is offered as "latest" (no ?snapshot=). */
  latestSnapshotId: string | undefined;
  /** The snapshot asked for in the URL; undefined means the latest. */
  value: string | undefined;
  onChange: (snapshotId: string | undefined) => void;
  disabled?: boolean;
}

/** A look-back picker labelled "Snapshot": analyse the service as it was at an earlier snapshot. */
export function SnapshotPicker({ history, latestSnapshotId, value, onChange, disabled = false }: SnapshotPickerProps) {
  const id = useId();
  const older = history.filter((entry) => entry.snapshotId !== latestSnapshotId);
  const latest = history.find((entry) => entry.snapshotId === latestSnapshotId);
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm font-medium">
        Snapshot
      </label>
      <select
        id={id}
        className="max-w-xs rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950"
        value={value === latestSnapshotId ? "" : (value ?? "")}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value || undefined)}
      >
        <option value="">{latest ? `${formatDateTime(latest.takenAt)} · ${latest.hostCount} hosts (latest)` : "Latest snapshot"}</option>
        {older.map((entry) => (
          <option key={entry.snapshotId} value={entry.snapshotId}>
            {formatDateTime(entry.takenAt)} · {entry.hostCount} {entry.hostCount === 1 ? "host" : "hosts"}
          </option>
        ))}
      </select>
    </div>
  );
}
