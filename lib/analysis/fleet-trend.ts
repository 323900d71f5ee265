/** Fleet totals at one snapshot: every service counted at its latest snapshot up to then. */
export interface FleetTrendPoint {
  snapshotId: string;
  takenAt: string;
  hosts: number;
  driftedHosts: number;
  distinctVersions: number;
}

/** One service's figures at one of its snapshots. */
export type ServiceTrendSample = FleetTrendPoint;

/**
 * Adds services' per-snapshot figures up into fleet totals over time. Snapshots may each
 * cover part of the fleet (one tool uploads the pods, another the VMs), so a service keeps
 * counting with its latest figures until a newer snapshot covers it again: the total at a
 * snapshot is the whole fleet as it stood then — the same definition as the headline
 * figures — rather than only the services that one upload happened to contain.
 *
 * @param histories per service, its samples (any order); a service's samples are distinct snapshots
 */
export function accumulateFleetTrend(histories: Iterable<readonly ServiceTrendSample[]>): FleetTrendPoint[] {
  const bySnapshot = new Map<string, { snapshotId: string; takenAt: string; samples: Array<{ service: number; sample: ServiceTrendSample }> }>();
  let service = 0;
  for (const history of histories) {
    for (const sample of history) {
      let entry = bySnapshot.get(sample.snapshotId);
      if (!entry) {
        entry = { snapshotId: sample.snapshotId, takenAt: sample.takenAt, samples: [] };
        bySnapshot.set(sample.snapshotId, entry);
      }
      entry.samples.push({ service, sample });
    }
    service++;
  }

  const current = new Map<number, ServiceTrendSample>();
  const totals = { hosts: 0, driftedHosts: 0, distinctVersions: 0 };
  const points: FleetTrendPoint[] = [];
  const ordered = [...bySnapshot.values()].sort((a, b) => a.takenAt.localeCompare(b.takenAt) || a.snapshotId.localeCompare(b.snapshotId));
  for (const snapshot of ordered) {
    for (const { service: index, sample } of snapshot.samples) {
      const previous = current.get(index);
      totals.hosts += sample.hosts - (previous?.hosts ?? 0);
      totals.driftedHosts += sample.driftedHosts - (previous?.driftedHosts ?? 0);
      totals.distinctVersions += sample.distinctVersions - (previous?.distinctVersions ?? 0);
      current.set(index, sample);
    }
    points.push({ snapshotId: snapshot.snapshotId, takenAt: snapshot.takenAt, ...totals });
  }
  return points;
}
