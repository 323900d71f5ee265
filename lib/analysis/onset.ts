/** One snapshot of a service's history with each host's drift at that time. */
export interface DriftHistoryEntry {
  snapshotId: string;
  /** ISO 8601 */
  takenAt: string;
  hosts: ReadonlyArray<{
    hostKey: string;
    drift: ReadonlyArray<{ component: string; actual: string | null; ignored?: boolean }>;
  }>;
}

export interface DriftOnset {
  hostKey: string;
  component: string;
  actual: string | null;
  /** The first snapshot of the unbroken run in which the host had this same drift. */
  since: { snapshotId: string; takenAt: string };
}

function indexDrift(entry: DriftHistoryEntry): Map<string, Map<string, string | null>> {
  const index = new Map<string, Map<string, string | null>>();
  for (const host of entry.hosts) {
    index.set(host.hostKey, new Map(host.drift.map((item) => [item.component, item.actual])));
  }
  return index;
}

/**
 * When each drift of the latest snapshot began. `history` is ascending by `takenAt`. Walking
 * back, a run continues while the host has drift on the same component with the same actual
 * version; it ends at a snapshot where the host was not drifting on it, drifted to another
 * version, or was not present at all (a host that vanished and came back is not one run).
 * The expected version may move during a run: the host did not change, the baseline did.
 * Ignored drift in the latest snapshot gets no onset, since it is not counted as drift.
 */
export function findDriftOnsets(history: readonly DriftHistoryEntry[]): DriftOnset[] {
  const latest = history.at(-1);
  if (!latest) return [];
  const since = { snapshotId: latest.snapshotId, takenAt: latest.takenAt };
  const onsets: DriftOnset[] = latest.hosts.flatMap((host) =>
    host.drift
      .filter((item) => !item.ignored)
      .map((item) => ({ hostKey: host.hostKey, component: item.component, actual: item.actual, since })),
  );

  let open = onsets;
  for (let i = history.length - 2; i >= 0 && open.length > 0; i--) {
    const entry = history[i];
    if (!entry) break;
    const drift = indexDrift(entry);
    const earlier = { snapshotId: entry.snapshotId, takenAt: entry.takenAt };
    open = open.filter((onset) => {
      const hostDrift = drift.get(onset.hostKey);
      const continues = hostDrift?.has(onset.component) === true && hostDrift.get(onset.component) === onset.actual;
      if (continues) onset.since = earlier;
      return continues;
    });
  }
  return onsets;
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

function pluralise(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

/**
 * "drifting for 23 days". Days up to 60 (what operators count in), then months, then years.
 * A `since` after `now` (clock skew between collectors) reads as just started.
 */
export function formatDriftAge(since: string | Date, now: string | Date): string {
  const elapsed = new Date(now).getTime() - new Date(since).getTime();
  if (Number.isNaN(elapsed)) throw new RangeError(`Invalid date: ${String(since)} or ${String(now)}`);
  const days = Math.floor(elapsed / DAY_MS);
  if (elapsed < HOUR_MS) return "drifting for less than an hour";
  if (days < 1) return `drifting for ${pluralise(Math.floor(elapsed / HOUR_MS), "hour")}`;
  if (days < 60) return `drifting for ${pluralise(days, "day")}`;
  if (days < 730) return `drifting for ${pluralise(Math.floor(days / 30), "month")}`;
  return `drifting for ${pluralise(Math.floor(days / 365), "year")}`;
}
