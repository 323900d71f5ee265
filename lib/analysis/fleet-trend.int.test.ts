import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ingestSnapshot } from "@/lib/snapshots/mutations";
import { compareSnapshots, getFleetSummary, getFleetTrend } from "./queries";

/** Each test works in an environment of its own, so fleet-wide figures count only its hosts. */
function uniqueEnvironment() {
  return `env-${randomUUID().slice(0, 8)}`;
}

describe("fleet trend and comparison against Postgres", () => {
  it("counts the whole fleet at each snapshot when uploads each cover part of it", async () => {
    const environment = uniqueEnvironment();
    const at = (day: number, minute: number) => `2026-04-${String(day).padStart(2, "0")}T02:${String(minute).padStart(2, "0")}:00Z`;
    const pods = (release: string) =>
      [1, 2].map((i) => ({ hostKey: `web-${environment}-${release}-${i}`, service: "web", components: { app: release }, config: {} }));
    const vms = (versions: string[]) =>
      versions.map((openssl, i) => ({ hostKey: `db-${environment}-${i}`, service: "db", components: { openssl }, config: {} }));
    const upload = (takenAt: string, source: string, hosts: ReturnType<typeof pods> | ReturnType<typeof vms>) =>
      ingestSnapshot({ snapshot: { takenAt, source, environment, hosts }, format: "json" });

    await upload(at(1, 0), "kubernetes", pods("1.0"));
    await upload(at(1, 17), "ansible", vms(["3.0.1", "3.0.1", "3.0.1"]));
    await upload(at(8, 0), "kubernetes", pods("1.1"));
    await upload(at(8, 17), "ansible", vms(["3.0.2", "3.0.1", "3.0.1"]));

    const trend = await getFleetTrend({ environment });
    expect(trend.map((p) => [p.hosts, p.driftedHosts])).toEqual([
      [2, 0],
      [5, 0],
      [5, 0],
      [5, 1],
    ]);
    const fleet = await getFleetSummary({ environment });
    expect({ hosts: trend.at(-1)?.hosts, driftedHosts: trend.at(-1)?.driftedHosts }).toEqual({ hosts: fleet.hosts, driftedHosts: fleet.driftedHosts });
  });

  it("leaves volatile facts out of a comparison, as the classification does", async () => {
    const environment = uniqueEnvironment();
    const hosts = (uptime: string, openssl: string): Array<{ hostKey: string; service: string; components: Record<string, string>; config: Record<string, string> }> => [
      { hostKey: `db-${environment}-1`, service: "orders-db", components: { postgresql: "15.5", uptime_seconds: uptime }, config: {} },
      { hostKey: `db-${environment}-2`, service: "orders-db", components: { postgresql: "15.5", openssl, uptime_seconds: uptime }, config: {} },
    ];
    const from = await ingestSnapshot({ snapshot: { takenAt: "2026-04-01T00:00:00Z", environment, hosts: hosts("1000", "3.0.1") }, format: "json" });
    const to = await ingestSnapshot({ snapshot: { takenAt: "2026-04-08T00:00:00Z", environment, hosts: hosts("605800", "3.0.2") }, format: "json" });

    const { changes } = await compareSnapshots({ from: from.id, to: to.id });
    expect(changes).toEqual([
      { service: "orders-db", environment, hostKey: `db-${environment}-2`, kind: "mutated", components: [{ name: "openssl", from: "3.0.1", to: "3.0.2" }] },
    ]);
  });
});
