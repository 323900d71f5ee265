import { describe, expect, it } from "vitest";
import { accumulateFleetTrend, type ServiceTrendSample } from "./fleet-trend";

function sample(snapshotId: string, takenAt: string, hosts: number, driftedHosts: number, distinctVersions: number): ServiceTrendSample {
  return { snapshotId, takenAt, hosts, driftedHosts, distinctVersions };
}

describe("accumulateFleetTrend", () => {
  it("carries a service's latest figures forward through snapshots that do not cover it", () => {
    // Pods are uploaded at 02:00, VMs at 02:17: each snapshot covers half of the fleet.
    const pods = [sample("k1", "2026-01-01T02:00:00Z", 10, 0, 15), sample("k2", "2026-01-08T02:00:00Z", 14, 0, 15)];
    const vms = [sample("a1", "2026-01-01T02:17:00Z", 16, 1, 47), sample("a2", "2026-01-08T02:17:00Z", 16, 3, 50)];
    expect(accumulateFleetTrend([pods, vms])).toEqual([
      { snapshotId: "k1", takenAt: "2026-01-01T02:00:00Z", hosts: 10, driftedHosts: 0, distinctVersions: 15 },
      { snapshotId: "a1", takenAt: "2026-01-01T02:17:00Z", hosts: 26, driftedHosts: 1, distinctVersions: 62 },
      { snapshotId: "k2", takenAt: "2026-01-08T02:00:00Z", hosts: 30, driftedHosts: 1, distinctVersions: 62 },
      { snapshotId: "a2", takenAt: "2026-01-08T02:17:00Z", hosts: 30, driftedHosts: 3, distinctVersions: 65 },
    ]);
  });

  it("adds up the services one snapshot covers together", () => {
    const web = [sample("s1", "2026-01-01T00:00:00Z", 3, 1, 4)];
    const db = [sample("s1", "2026-01-01T00:00:00Z", 2, 0, 3)];
    expect(accumulateFleetTrend([web, db])).toEqual([{ snapshotId: "s1", takenAt: "2026-01-01T00:00:00Z", hosts: 5, driftedHosts: 1, distinctVersions: 7 }]);
  });

  it("orders by time whatever the input order, and is empty without samples", () => {
    const history = [sample("b", "2026-01-02T00:00:00Z", 2, 0, 1), sample("a", "2026-01-01T00:00:00Z", 1, 0, 1)];
    expect(accumulateFleetTrend([history]).map((p) => p.snapshotId)).toEqual(["a", "b"]);
    expect(accumulateFleetTrend([])).toEqual([]);
  });
});
