/**
 * Which two snapshots the compare page shows when the URL names none (or only one).
 * Snapshots often cover part of the fleet each — one tool uploads the pods, another the VMs —
 * so "the two newest" would compare pods with VMs and report every host as launched or
 * retired. The default pairs the newest snapshot with the one before it from the same source
 * and environment covering the same services; with nothing like it, the next older one.
 */

export interface ComparableSnapshot {
  id: string;
  takenAt: string;
  source: string | null;
  environment: string | null;
  services: readonly string[];
}

export type ChosenPairReason = "chosen" | "previous-of-same-kind" | "previous";

export interface ChosenPair {
  from: string | null;
  to: string | null;
  /** chosen: both came from the URL; otherwise how the missing one was picked. */
  reason: ChosenPairReason;
}

/**
 * @param snapshots newest first, as listSnapshots returns them
 * @param requested the ids in the URL, if any
 */
export function chooseComparedSnapshots(snapshots: readonly ComparableSnapshot[], requested: { from?: string; to?: string }): ChosenPair {
  if (requested.from && requested.to) return { from: requested.from, to: requested.to, reason: "chosen" };
  const to = requested.to ?? snapshots.find((s) => s.id !== requested.from)?.id ?? null;
  if (requested.from) return { from: requested.from, to, reason: "chosen" };
  if (!to) return { from: null, to: null, reason: "previous" };

  const index = snapshots.findIndex((s) => s.id === to);
  const target = snapshots[index];
  if (!target) return { from: null, to, reason: "previous" };
  const older = snapshots.slice(index + 1);
  const sameKind = older.find(
    (s) => s.source === target.source && s.environment === target.environment && s.services.some((name) => target.services.includes(name)),
  );
  if (sameKind) return { from: sameKind.id, to, reason: "previous-of-same-kind" };
  const overlapping = older.find((s) => s.services.some((name) => target.services.includes(name)));
  const fallback = overlapping ?? older[0] ?? snapshots.find((s) => s.id !== to);
  return { from: fallback?.id ?? null, to, reason: "previous" };
}

export interface SnapshotCoverage {
  /** Services only the From snapshot covers: their hosts read as retired. */
  onlyInFrom: string[];
  /** Services only the To snapshot covers: their hosts read as launched. */
  onlyInTo: string[];
}

/** Services that one snapshot covers and the other does not. */
export function compareCoverage(from: readonly string[], to: readonly string[]): SnapshotCoverage {
  const fromSet = new Set(from);
  const toSet = new Set(to);
  return {
    onlyInFrom: [...fromSet].filter((s) => !toSet.has(s)).sort(),
    onlyInTo: [...toSet].filter((s) => !fromSet.has(s)).sort(),
  };
}
