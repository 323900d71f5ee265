import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { deleteSnapshot, ingestSnapshot } from "@/lib/snapshots/mutations";
import type { CanonicalSnapshot } from "@/lib/snapshots/schemas";
import { bumpAnalysisGeneration } from "./answers";
import { createIgnoreRule, updateServiceBaseline } from "./mutations";
import { getFleetTrend, getServiceDetail, listServices } from "./queries";

/**
 * Day `day` of a four-host service: web-0 is patched in place on day 2 (a mutation), and from
 * day 3 on a new host replaces web-3 with a newer openssl (a replacement). `uptime` changes
 * every day and must never count.
 */
function snapshotOf(service: string, day: number): CanonicalSnapshot {
  const hosts = [0, 1, 2, 3].map((i) => {
    const replaced = i === 3 && day >= 3;
    return {
      hostKey: replaced ? `${service}-web-new` : `${service}-web-${i}`,
      service,
      launchedAt: replaced ? "2026-05-03T00:00:00Z" : "2026-04-01T00:00:00Z",
      config: {},
      components: {
        nginx: i === 0 && day >= 2 ? "1.24.0" : "1.22.0",
        openssl: replaced ? "3.0.9" : "3.0.1",
        uptime: String(day * 1000 + i),
      },
    };
  });
  return { takenAt: `2026-05-0${day}T00:00:00Z`, environment: "prod", hosts };
}

async function storedRows(service: string) {
  return getDb().serviceAnalysis.count({ where: { service, summary: { not: { equals: null } } } });
}

/** Every stored analysis and kept answer dropped: the next read computes them from the hosts alone. */
async function forgetStored(service: string) {
  await getDb().serviceAnalysis.deleteMany({ where: { service } });
  await bumpAnalysisGeneration();
}

describe("stored analyses", () => {
  it("are written at ingest, and equal what a read computes from scratch", async () => {
    const service = `svc-${randomUUID().slice(0, 8)}`;
    for (const day of [1, 2, 3, 4]) await ingestSnapshot({ snapshot: snapshotOf(service, day), format: "json" });
    expect(await storedRows(service)).toBe(4);

    const stepped = { detail: await getServiceDetail({ service }), list: await listServices({ environment: "prod" }), trend: await getFleetTrend() };
    expect(stepped.detail.classification).toMatchObject({ verdict: "mixed", mutations: 1, replacements: 1 });
    expect(stepped.detail.hosts.find((h) => h.hostKey === `${service}-web-0`)!.drift[0]).toMatchObject({ component: "nginx", since: "2026-05-02T00:00:00.000Z" });

    await forgetStored(service);
    expect(await storedRows(service)).toBe(0);
    expect(await getServiceDetail({ service })).toEqual(stepped.detail);
    expect(await listServices({ environment: "prod" })).toEqual(stepped.list);
    expect(await getFleetTrend()).toEqual(stepped.trend);
    expect(await storedRows(service)).toBe(4);
  });

  it("are answered again from memory until something changes, then recomputed", async () => {
    const service = `svc-${randomUUID().slice(0, 8)}`;
    await ingestSnapshot({ snapshot: snapshotOf(service, 1), format: "json" });
    const first = await getServiceDetail({ service });
    // Kept: even without its stored analysis, the same answer comes back.
    await getDb().serviceAnalysis.deleteMany({ where: { service } });
    expect(await getServiceDetail({ service })).toEqual(first);
    expect(await storedRows(service)).toBe(0);
    // A new snapshot moves the generation on: the answer is recomputed, and the new
    // snapshot's analysis stored (the first one's is not asked for again).
    await ingestSnapshot({ snapshot: snapshotOf(service, 2), format: "json" });
    expect((await getServiceDetail({ service })).snapshotId).not.toBe(first.snapshotId);
    expect(await storedRows(service)).toBe(1);
  });

  it("are the same whether computed at ingest from memory or later from Postgres, whatever the collation", async () => {
    const service = `svc-${randomUUID().slice(0, 8)}`;
    // Mixed case and punctuation sort differently by code unit than by most collations.
    const keys = ["b-host", "B-host", "a-host", "_x", "Ä-host"];
    const snapshot = (day: number): CanonicalSnapshot => ({
      takenAt: `2026-06-0${day}T00:00:00Z`,
      environment: "prod",
      hosts: keys.map((key, i) => ({
        hostKey: `${service}-${key}`,
        service,
        config: { "/etc/Zed.conf": i === 1 && day === 2 ? "edited" : "golden" },
        components: { Zlib: i === 0 && day === 2 ? "1.3" : "1.2", alpha: "2", "beta-Tool": i === 3 ? "9" : "8", uptime: String(day * 10 + i) },
      })),
    });
    for (const day of [1, 2]) await ingestSnapshot({ snapshot: snapshot(day), format: "json" });
    const atIngest = { detail: await getServiceDetail({ service }), list: await listServices({ environment: "prod" }) };
    expect(atIngest.detail.classification.mutations).toBe(1);

    await forgetStored(service);
    expect(await getServiceDetail({ service })).toEqual(atIngest.detail);
    expect(await listServices({ environment: "prod" })).toEqual(atIngest.list);
  });

  it("are the same at ingest as from scratch when the history is longer than the window", async () => {
    const service = `svc-${randomUUID().slice(0, 8)}`;
    // web-0 is patched in place between the first two snapshots; 33 snapshots later that
    // change has left the 30-snapshot window, and the analysis stepped at each ingest must say so.
    const snapshot = (index: number): CanonicalSnapshot => ({
      takenAt: new Date(Date.UTC(2026, 7, 1) + index * 3_600_000).toISOString(),
      environment: "prod",
      hosts: [0, 1, 2].map((i) => ({ hostKey: `${service}-web-${i}`, service, config: {}, components: { nginx: i === 0 && index >= 1 ? "1.24.0" : "1.22.0" } })),
    });
    for (let index = 0; index < 33; index++) await ingestSnapshot({ snapshot: snapshot(index), format: "json" });
    const atIngest = await getServiceDetail({ service });
    expect(atIngest.classification.mutations).toBe(0);

    await forgetStored(service);
    expect(await getServiceDetail({ service })).toEqual(atIngest);
  });

  it("follow settings changes: an ignore rule or a declared baseline changes the next read", async () => {
    const service = `svc-${randomUUID().slice(0, 8)}`;
    for (const day of [1, 2]) await ingestSnapshot({ snapshot: snapshotOf(service, day), format: "json" });
    expect((await getServiceDetail({ service })).driftedHostCount).toBe(1);

    await createIgnoreRule({ pattern: "nginx", service, environment: null, reason: "rolled out by hand this week" });
    const ignored = await getServiceDetail({ service });
    expect(ignored.driftedHostCount).toBe(0);
    expect(ignored.classification.mutations).toBe(0);

    await updateServiceBaseline(service, { environment: "prod", source: "declared", pins: { openssl: "3.0.9" } });
    expect((await getServiceDetail({ service })).driftedHostCount).toBe(4);
  });

  it("are recomputed when a snapshot arrives out of order or is deleted", async () => {
    const service = `svc-${randomUUID().slice(0, 8)}`;
    await ingestSnapshot({ snapshot: snapshotOf(service, 1), format: "json" });
    const day3 = await ingestSnapshot({ snapshot: snapshotOf(service, 3), format: "json" });
    // Day 1 → day 3 holds both changes in one transition.
    expect((await getServiceDetail({ service })).classification).toMatchObject({ mutations: 1, replacements: 1 });

    await ingestSnapshot({ snapshot: snapshotOf(service, 2), format: "json" });
    const withDay2 = await getServiceDetail({ service });
    expect(withDay2.history.map((h) => h.takenAt.slice(0, 10))).toEqual(["2026-05-03", "2026-05-02", "2026-05-01"]);
    expect(withDay2.hosts.find((h) => h.hostKey === `${service}-web-0`)!.drift[0]!.since).toBe("2026-05-02T00:00:00.000Z");

    await deleteSnapshot({ id: day3.id });
    const afterDelete = await getServiceDetail({ service });
    expect(afterDelete.snapshotId).not.toBe(day3.id);
    expect(afterDelete.classification).toMatchObject({ mutations: 1, replacements: 0 });
  });
});
