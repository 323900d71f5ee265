import "server-only";
import { getDb, runSql } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ServiceSnapshot } from "./types";

/** Identifies one service in one environment: the unit every analysis works on. */
export interface ServiceRef {
  service: string;
  environment: string;
}

export function serviceKey({ service, environment }: ServiceRef): string {
  return JSON.stringify([service, environment]);
}

/**
 * Classification looks this far back; older snapshots change no verdict a user acts on,
 * and bounding the history bounds the cost of every page.
 */
export const HISTORY_LIMIT = 30;

/**
 * Loads services' snapshot histories (ascending by takenAt, at most HISTORY_LIMIT each),
 * up to `until` when looking back in time. Hosts point to content-addressed manifests, so
 * each distinct manifest is read once and shared by every host that runs it: a fleet of
 * 1,000 identical pods costs one manifest's worth of rows.
 */
export async function loadServiceHistories(filter: {
  service?: string;
  environment?: string;
  until?: Date;
  limit?: number;
}): Promise<Map<string, ServiceSnapshot[]>> {
  const limit = filter.limit ?? HISTORY_LIMIT;
  const chosen = await runSql<{ snapshot_id: string; service: string; environment: string }>(Prisma.sql`
    SELECT snapshot_id, service, environment
    FROM (
      SELECT snapshot_id, service, environment, taken_at,
             row_number() OVER (PARTITION BY service, environment ORDER BY taken_at DESC, snapshot_id DESC) AS age
      FROM snapshot_service
      WHERE (${filter.service ?? null}::text IS NULL OR service = ${filter.service ?? null})
        AND (${filter.environment ?? null}::text IS NULL OR environment = ${filter.environment ?? null})
        AND (${filter.until ?? null}::timestamptz IS NULL OR taken_at <= ${filter.until ?? null})
    ) ranked
    WHERE age <= ${limit}
    ORDER BY taken_at, snapshot_id`);
  const wanted = chosen.map((row) => ({ snapshotId: row.snapshot_id, service: row.service, environment: row.environment }));
  const snapshots = await loadServiceSnapshots(wanted);
  const histories = new Map<string, ServiceSnapshot[]>();
  for (const target of wanted) {
    const snapshot = snapshots.get(snapshotServiceKey(target));
    if (!snapshot) continue;
    const history = histories.get(serviceKey(target));
    if (history) history.push(snapshot);
    else histories.set(serviceKey(target), [snapshot]);
  }
  return histories;
}

/** Components of each manifest, as shared read-only objects. */
export async function loadManifests(hashes: string[]): Promise<Map<string, Record<string, string>>> {
  const manifests = new Map<string, Record<string, string>>();
  if (hashes.length === 0) return manifests;
  const rows = await runSql<{ hash: string; components: string }>(Prisma.sql`
    SELECT hash, components::text AS components FROM manifest WHERE hash = ANY(${hashes}::text[])`);
  // Null-prototype objects, so a component named like an Object.prototype member is plain data.
  for (const hash of hashes) manifests.set(hash, Object.create(null) as Record<string, string>);
  for (const row of rows) Object.assign(manifests.get(row.hash)!, JSON.parse(row.components));
  return manifests;
}

/** One service's hosts in each of the given snapshots, keyed by `snapshotServiceKey`. */
export async function loadServiceSnapshots(
  wanted: ReadonlyArray<ServiceRef & { snapshotId: string }>,
  knownManifests: ReadonlyMap<string, Record<string, string>> = new Map(),
): Promise<Map<string, ServiceSnapshot>> {
  const snapshots = new Map<string, ServiceSnapshot>();
  if (wanted.length === 0) return snapshots;
  // The snapshots' own fields once each, not on every host row; launch times as the ISO text
  // ingestion keeps (10,000 timestamps parsed into Dates and printed again cost 30 ms).
  const [headers, rows] = await Promise.all([
    runSql<{ id: string; taken_at: Date; source: string | null; format: string }>(Prisma.sql`
      SELECT id, taken_at, source, format FROM snapshot WHERE id = ANY(${[...new Set(wanted.map((w) => w.snapshotId))]}::text[])`),
    runSql<{
      snapshot_id: string;
      host_key: string;
      service: string;
      environment: string;
      role: string | null;
      image: string | null;
      launched_at: string | null;
      manifest_hash: string;
    }>(Prisma.sql`
      SELECT h.snapshot_id, h.host_key, h.service, h.environment, h.role, h.image,
             to_char(h.launched_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS launched_at, h.manifest_hash
      FROM unnest(${wanted.map((w) => w.snapshotId)}::text[], ${wanted.map((w) => w.service)}::text[],
                  ${wanted.map((w) => w.environment)}::text[]) AS w(snapshot_id, service, environment)
      JOIN host h ON h.snapshot_id = w.snapshot_id AND h.service = w.service AND h.environment = w.environment`),
  ]);
  const headerOf = new Map(headers.map((row) => [row.id, { takenAt: row.taken_at.toISOString(), source: row.source ?? row.format }]));
  const manifests = new Map(knownManifests);
  const unknown = [...new Set(rows.map((r) => r.manifest_hash))].filter((hash) => !manifests.has(hash));
  for (const [hash, components] of await loadManifests(unknown)) manifests.set(hash, components);
  const byService = new Map<string, ServiceSnapshot & { ref: ServiceRef }>();
  for (const row of rows) {
    const key = `${row.snapshot_id}\u0000${row.service}\u0000${row.environment}`;
    let snapshot = byService.get(key);
    if (!snapshot) {
      const header = headerOf.get(row.snapshot_id);
      if (!header) continue; // deleted between the two reads
      byService.set(key, (snapshot = { snapshotId: row.snapshot_id, ...header, hosts: [], ref: { service: row.service, environment: row.environment } }));
    }
    snapshot.hosts.push({
      hostKey: row.host_key,
      service: row.service,
      environment: row.environment,
      role: row.role,
      image: row.image,
      launchedAt: row.launched_at,
      manifestHash: row.manifest_hash,
      components: manifests.get(row.manifest_hash) ?? {},
    });
  }
  // In time order, and each snapshot's hosts as ingestion orders them in memory (by code
  // unit, not by the database's collation), so an analysis is the same whichever way its
  // hosts arrived.
  const ordered = [...byService.values()].sort(
    (a, b) =>
      compareCodeUnits(a.takenAt, b.takenAt) ||
      compareCodeUnits(a.snapshotId, b.snapshotId) ||
      compareCodeUnits(a.ref.service, b.ref.service) ||
      compareCodeUnits(a.ref.environment, b.ref.environment),
  );
  for (const { ref, ...snapshot } of ordered) {
    snapshot.hosts.sort(compareHostKeys);
    snapshots.set(snapshotServiceKey({ ...ref, snapshotId: snapshot.snapshotId }), snapshot);
  }
  return snapshots;
}

function compareHostKeys(a: { hostKey: string }, b: { hostKey: string }): number {
  return compareCodeUnits(a.hostKey, b.hostKey);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function snapshotServiceKey({ snapshotId, service, environment }: ServiceRef & { snapshotId: string }): string {
  return JSON.stringify([snapshotId, service, environment]);
}

/** The snapshot's time, for `?snapshot=ID` look-backs; null when there is no such snapshot. */
export async function findSnapshotTime(snapshotId: string): Promise<Date | null> {
  const row = await getDb().snapshot.findUnique({ where: { id: snapshotId }, select: { takenAt: true } });
  return row?.takenAt ?? null;
}
