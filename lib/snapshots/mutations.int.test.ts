import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { normaliseSnapshot } from "./identity";
import { claimSnapshotStatement, deleteSnapshot, ingestSnapshot } from "./mutations";
import { getSnapshot, listSnapshots } from "./queries";
import type { CanonicalSnapshot } from "./schemas";

/** A fleet with names unique to this test, so tests never see each other's data. */
function fleet(size: number, options: { takenAt?: string; version?: (i: number) => string } = {}): CanonicalSnapshot {
  const tag = randomUUID().slice(0, 8);
  return {
    takenAt: options.takenAt ?? "2026-03-01T12:00:00Z",
    source: "test",
    hosts: Array.from({ length: size }, (_, i) => ({
      hostKey: `pod-${tag}-${i}`,
      service: `svc-${tag}`,
      environment: "prod",
      image: `registry/app:${tag}`,
      components: { app: options.version?.(i) ?? "1.0.0", openssl: "3.0.2" },
      config: { "/etc/app.yaml": "ab12cd" },
    })),
  };
}

async function countRows() {
  const [row] = await getDb().$queryRaw<Array<{ snapshots: bigint; hosts: bigint; manifests: bigint; components: bigint }>>`
    SELECT (SELECT count(*) FROM snapshot) AS snapshots, (SELECT count(*) FROM host) AS hosts,
           (SELECT count(*) FROM manifest) AS manifests, (SELECT count(*) FROM manifest, json_object_keys(manifest.components)) AS components`;
  return row!;
}

/** How many times Postgres has read the manifest table whole, and by index. */
async function manifestScans(): Promise<{ seq: number; index: number }> {
  const [row] = await getDb().$queryRaw<Array<{ seq: number; index: number }>>`
    SELECT seq_scan::int AS seq, coalesce(idx_scan, 0)::int AS index FROM pg_stat_user_tables WHERE relname = 'manifest'`;
  return row!;
}

describe("ingestSnapshot", () => {
  it("checks each host's manifest by index, whatever the statistics say", async () => {
    // What autovacuum left after large ingestions were rolled back: a table of a few pages
    // whose index is still large, and statistics that call it nearly empty (once seen: 3 rows,
    // a 741-page table, a 916-page index). Checking a row by index then looks dearer than
    // reading the whole table. The planner reads the sizes from the files, so bloat them.
    const db = getDb();
    await db.$executeRawUnsafe("INSERT INTO manifest (hash, component_count, components) SELECT 'index-bloat-' || i, 0, '{}' FROM generate_series(1, 100000) i");
    await db.$executeRawUnsafe("DELETE FROM manifest WHERE hash LIKE 'index-bloat-%'");
    await db.$executeRawUnsafe("VACUUM manifest");
    await db.$executeRawUnsafe("UPDATE pg_class SET reltuples = 3 WHERE oid IN ('manifest'::regclass, 'manifest_pkey'::regclass)");
    const before = await manifestScans();
    const release = randomUUID().slice(0, 8);
    await ingestSnapshot({ snapshot: fleet(400, { version: (i) => `${release}.${i}` }), format: "json" }).finally(() =>
      getDb().$executeRawUnsafe("ANALYZE manifest"),
    );
    // 400 new manifests, each found free by index, and 400 hosts whose manifest is checked:
    // 800 index scans, of which the checks are 400 sequential ones when planned from such
    // statistics without planKeyChecksByIndex. A connection publishes
    // its counts when a statement ends a second or more after it last did (else after 10 s
    // idle), so every pooled connection is given one.
    let after = await manifestScans();
    for (let waited = 0; after.index - before.index < 800 && waited < 15_000; waited += 500) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await Promise.all(Array.from({ length: 10 }, () => getDb().$executeRaw`SELECT pg_sleep(0.01)`));
      after = await manifestScans();
    }
    expect(after.index - before.index).toBeGreaterThanOrEqual(800);
    expect(after.seq - before.seq).toBeLessThan(50);
  });

  it("stores hosts, services and manifests, readable back", async () => {
    const snapshot = fleet(3);
    const result = await ingestSnapshot({ snapshot, format: "json" });
    expect(result.created).toBe(true);
    expect(result.hostCount).toBe(3);
    expect(result.services).toEqual([snapshot.hosts[0]!.service]);

    const stored = await getSnapshot({ id: result.id });
    expect(stored?.hosts.map((h) => h.hostKey).sort()).toEqual(snapshot.hosts.map((h) => h.hostKey).sort());
    expect(stored?.hosts[0]?.componentCount).toBe(3); // app, openssl, config:/etc/app.yaml
    expect(stored?.serviceBreakdown).toEqual([{ service: snapshot.hosts[0]!.service, environment: "prod", hostCount: 3 }]);
    const listed = await listSnapshots({ limit: 500 });
    expect(listed.snapshots.map((s) => s.id)).toContain(result.id);
  });

  it("is idempotent: the same content twice is one snapshot with the same id", async () => {
    const snapshot = fleet(2);
    const first = await ingestSnapshot({ snapshot, format: "json" });
    const before = await countRows();
    const reordered = { ...snapshot, hosts: [...snapshot.hosts].reverse() };
    const second = await ingestSnapshot({ snapshot: reordered, format: "json" });
    expect(second).toMatchObject({ id: first.id, created: false });
    expect(await countRows()).toEqual(before);
  });

  it("without takenAt in the data, uploading the same file twice still gives one snapshot", async () => {
    const { takenAt: _omitted, ...snapshot } = fleet(2);
    const first = await ingestSnapshot({ snapshot, format: "csv", uploadedAt: new Date("2026-03-01T00:00:00Z") });
    const second = await ingestSnapshot({ snapshot, format: "csv", uploadedAt: new Date("2026-03-02T00:00:00Z") });
    expect(second.id).toBe(first.id);
    expect(second.created).toBe(false);
  });

  it("stores each distinct manifest once: 1,000 identical pods share one", async () => {
    const before = await countRows();
    const result = await ingestSnapshot({ snapshot: fleet(1000), format: "json" });
    const after = await countRows();
    expect(after.hosts - before.hosts).toBe(1000n);
    expect(after.manifests - before.manifests).toBeLessThanOrEqual(1n);
    const [row] = await getDb().$queryRaw<Array<{ distinct: bigint }>>`
      SELECT count(DISTINCT manifest_hash) AS distinct FROM host WHERE snapshot_id = ${result.id}`;
    expect(row!.distinct).toBe(1n);
  });

  it("is atomic: a failure part-way leaves no rows behind", async () => {
    const before = await countRows();
    const snapshot = fleet(50, { version: (i) => `1.0.${i}` });
    // A NUL byte is valid in JSON strings but Postgres text cannot hold it, so the host
    // insert fails after the snapshot and manifest rows were written in the same transaction.
    snapshot.hosts[49]!.role = "bad\u0000role";
    await expect(ingestSnapshot({ snapshot, format: "json" })).rejects.toThrow();
    expect(await countRows()).toEqual(before);
  });

  it("deleting a snapshot removes its hosts and the manifests no one else uses", async () => {
    const before = await countRows();
    const result = await ingestSnapshot({ snapshot: fleet(5, { version: (i) => `2.${i}` }), format: "json" });
    expect(await deleteSnapshot({ id: result.id })).toBe(true);
    expect(await countRows()).toEqual(before);
    expect(await deleteSnapshot({ id: result.id })).toBe(false);
  });

  it("keeps concurrent uploads of the same content to one snapshot, each answered without an error", async () => {
    // Twelve at once, more than the pool has connections: one stores it, the rest answer its id.
    for (let round = 0; round < 8; round++) {
      const snapshot = fleet(3);
      const results = await Promise.all(Array.from({ length: 12 }, () => ingestSnapshot({ snapshot, format: "json" })));
      expect(new Set(results.map((r) => r.id)).size).toBe(1);
      expect(results.filter((r) => r.created)).toHaveLength(1);
    }
  });

  it("claims a snapshot once when identical uploads insert at the same instant", async () => {
    // On connections of their own, released together, so the inserts race inside Postgres
    // (through the app's pool they arrive a fraction of a millisecond apart, and rarely do).
    const clients = await Promise.all(Array.from({ length: 8 }, async () => {
      const client = new pg.Client({ connectionString: inject("databaseUrl") });
      await client.connect();
      return client;
    }));
    try {
      for (let round = 0; round < 40; round++) {
        const normalised = normaliseSnapshot(fleet(1));
        const statement = claimSnapshotStatement(normalised, { format: "json", serviceCount: 1 });
        await Promise.all(clients.map((client) => client.query("BEGIN")));
        // Each commits as soon as its insert returns: the others wait for it inside Postgres.
        const claims = await Promise.all(
          clients.map(async (client) => {
            const claim = await client.query(statement.text, statement.values).catch((error: Error) => error);
            await client.query(claim instanceof Error ? "ROLLBACK" : "COMMIT");
            return claim;
          }),
        );
        expect(claims.filter((claim) => claim instanceof Error)).toEqual([]);
        expect(claims.filter((claim) => !(claim instanceof Error) && claim.rowCount === 1)).toHaveLength(1);
        // A claimed snapshot without its hosts would be listed with nothing to analyse.
        await clients[0]!.query("DELETE FROM snapshot WHERE id = $1", [normalised.id]);
      }
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
  });

  it("AppError is what parse failures use, so routes can map them", () => {
    expect(new AppError("invalid_input", { message: "x", line: 2 }).toJSON()).toEqual({
      error: { code: "invalid_input", message: "x", line: 2 },
    });
  });
});
