import "server-only";
import { bumpAnalysisGeneration } from "@/lib/analysis/answers";
import { snapshotServiceKey } from "@/lib/analysis/load-history";
import { prepareSnapshotAnalyses } from "@/lib/analysis/queries";
import type { ServiceSnapshot } from "@/lib/analysis/types";
import { forgetAnalysesFrom } from "@/lib/analysis/store";
import { inTransaction, type RunSql } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createLimiter } from "@/lib/limiter";
import { Prisma } from "@/lib/generated/prisma/client";
import { type NormalisedManifest, type NormalisedSnapshot, normaliseSnapshot } from "./identity";
import type { CanonicalSnapshot } from "./schemas";

export interface IngestResult {
  id: string;
  /** False when the identical content was stored before: the upload changed nothing. */
  created: boolean;
  hostCount: number;
  services: string[];
  format: string;
  skipped: Array<{ hostKey: string; reason: string }>;
}

export interface IngestInput {
  snapshot: CanonicalSnapshot;
  /** Which format the upload was in (`json`, `ndjson`, `csv`, or an importer's id). */
  format: string;
  skipped?: Array<{ hostKey: string; reason: string }>;
  uploadedAt?: Date;
}

// Manifests and hosts go in as whole JSON arrays (json_to_recordset): one statement per table
// and chunk, however large the fleet, instead of one round trip per row.
const CHUNK_ROWS = 50_000;
// Manifests in chunks of about this much JSON text: a fleet whose every host runs its own
// manifest is not one parameter of hundreds of megabytes.
const CHUNK_CHARS = 16 * 1024 * 1024;

/**
 * Ingestions in this process at once. Each holds a connection for its transaction while its
 * analysis reads on others, and an upload of the same content waits for the first one's
 * transaction on a connection of its own: unlimited, a dozen identical uploads took every
 * connection of the pool, and the first one's analysis waited for one that never came. The
 * work is CPU-bound in one thread anyway; waiting uploads hold nothing.
 */
const ingestions = createLimiter(2);

/**
 * Stores one snapshot in one transaction: any error leaves the database exactly as before.
 * Idempotent: the same content (by hash) stored twice answers the first snapshot's id, and
 * concurrent uploads of the same content meet on the unique content hash.
 */
export async function ingestSnapshot(input: IngestInput): Promise<IngestResult> {
  return ingestNormalisedSnapshot({ ...input, normalised: normaliseSnapshot(input.snapshot, input.uploadedAt) });
}

/** Stores an already normalised snapshot (the streaming upload path builds one host by host). */
export async function ingestNormalisedSnapshot(input: {
  normalised: NormalisedSnapshot;
  format: string;
  skipped?: Array<{ hostKey: string; reason: string }>;
}): Promise<IngestResult> {
  const { normalised } = input;
  const serviceNames = [...new Set(normalised.services.map((s) => s.service))].sort();
  const result = {
    hostCount: normalised.hosts.length,
    services: serviceNames,
    format: input.format,
    skipped: input.skipped ?? [],
  };

  // The analysis is computed while Postgres stores the snapshot, and stored in the same
  // transaction: a snapshot is never found without it, and once committed the upload is as good
  // as answered (a server killed then has nothing left to do). The snapshot is stored whatever
  // happens to its analysis: a read computes what this could not.
  const failed = (error: unknown) => {
    console.error(`analysis of snapshot ${normalised.id} failed; it will be computed when read`, error);
    return null;
  };
  let analysis: Promise<((run: RunSql) => Promise<void>) | null> = Promise.resolve(null);
  // On a plain connection of the pool: Prisma copies every parameter into its query engine,
  // and for 50,000-row arrays that cost more time and memory than the statements themselves.
  const stored = await ingestions(() => inTransaction(async (run) => {
    await planKeyChecksByIndex(run);
    const [claimed] = await run<{ id: string; has_later: boolean }>(claimSnapshotStatement(normalised, { format: input.format, serviceCount: serviceNames.length }));
    if (!claimed) {
      const [existing] = await run<{ id: string }>(Prisma.sql`SELECT id FROM snapshot WHERE content_hash = ${normalised.contentHash}`);
      // Only a different content whose hash shares the id's 64 bits gets here.
      if (!existing) throw new AppError("conflict", { message: `snapshot id ${normalised.id} is taken by different content` });
      return { ...result, id: existing.id, created: false };
    }
    // Starts at the next statement's await, once that statement is on its way to Postgres.
    analysis = Promise.resolve()
      .then(() => prepareSnapshotAnalyses(normalised, normalised.services, toServiceSnapshots(normalised, input.format)))
      .catch(failed);

    // Only a snapshot older than the newest of its services changes later analyses.
    if (claimed.has_later) await run(forgetAnalysesFrom(normalised.services, normalised.takenAt));

    // Most manifests of a fleet's next snapshot are stored already: send only the others.
    const hashes = normalised.manifests.map((m) => m.hash);
    const stored = new Set<string>();
    for (let i = 0; i < hashes.length; i += CHUNK_ROWS) {
      const rows = await run<{ hash: string }>(Prisma.sql`SELECT hash FROM manifest WHERE hash = ANY(${hashes.slice(i, i + CHUNK_ROWS)}::text[])`);
      for (const row of rows) stored.add(row.hash);
    }
    // One JSON array per chunk, not a text[] per column: the driver would escape every quote
    // of every manifest's JSON to fit it in an array literal.
    let chunk: string[] = [];
    let chunkChars = 0;
    const flush = async () => {
      if (chunk.length === 0) return;
      await run(Prisma.sql`
        INSERT INTO manifest (hash, component_count, components)
        SELECT hash, component_count, components
        FROM json_to_recordset(${`[${chunk.join(",")}]`}::json) AS m(hash text, component_count int, components json)
        ON CONFLICT (hash) DO NOTHING`);
      chunk = [];
      chunkChars = 0;
    };
    for (const manifest of normalised.manifests) {
      if (stored.has(manifest.hash)) continue;
      const row = `{"hash":"${manifest.hash}","component_count":${manifest.components.length},"components":${manifestJson(manifest)}}`;
      chunk.push(row);
      chunkChars += row.length;
      if (chunkChars >= CHUNK_CHARS) await flush();
    }
    await flush();

    // As one JSON array (serialised natively) rather than seven text[] literals, which the
    // driver builds element by element.
    for (let i = 0; i < normalised.hosts.length; i += CHUNK_ROWS) {
      await run(Prisma.sql`
        INSERT INTO host (snapshot_id, host_key, service, environment, role, image, launched_at, manifest_hash)
        SELECT ${normalised.id}::text, h."hostKey", h.service, h.environment, h.role, h.image, h."launchedAt", h."manifestHash"
        FROM json_to_recordset(${JSON.stringify(normalised.hosts.slice(i, i + CHUNK_ROWS))}::json)
          AS h("hostKey" text, service text, environment text, role text, image text, "launchedAt" timestamptz, "manifestHash" text)`);
    }

    const writeAnalyses = await analysis;
    if (writeAnalyses) {
      await run(Prisma.sql`SAVEPOINT analysis`);
      await writeAnalyses(run).catch(async (error: unknown) => {
        // When even that fails, the connection is gone and the snapshot with it: the analysis's
        // error (a lost database, say) is the upload's answer.
        await run(Prisma.sql`ROLLBACK TO SAVEPOINT analysis`).catch(() => {
          throw error;
        });
        failed(error);
      });
    }
    return { ...result, id: normalised.id, created: true };
  }));
  if (stored.created) await bumpAnalysisGeneration();
  return stored;
}

/**
 * Inserts the snapshot's row and its services' rows, returning its id, or no row when that
 * content (or its id) is stored already; and whether any of its services has a snapshot taken
 * at or after it (whose analyses it then changes). One statement, so that the ingestion's
 * first round trip does all that a new snapshot needs before its manifests and hosts.
 * The id is the content hash's first 64 bits, so identical uploads racing each other collide
 * on both unique keys, and Postgres may find either first: naming no conflict target covers
 * both (with `ON CONFLICT (content_hash)`, a race on the id was an error).
 */
export function claimSnapshotStatement(normalised: NormalisedSnapshot, counts: { format: string; serviceCount: number }): Prisma.Sql {
  const services = normalised.services.map((s) => s.service);
  const environments = normalised.services.map((s) => s.environment);
  return Prisma.sql`
    WITH claimed AS (
      INSERT INTO snapshot (id, content_hash, taken_at, source, environment, format, host_count, service_count)
      VALUES (${normalised.id}, ${normalised.contentHash}, ${normalised.takenAt}, ${normalised.source},
              ${normalised.environment}, ${counts.format}, ${normalised.hosts.length}, ${counts.serviceCount})
      ON CONFLICT DO NOTHING
      RETURNING id
    ), listed AS (
      INSERT INTO snapshot_service (snapshot_id, service, environment, taken_at, host_count)
      SELECT c.id, s.service, s.environment, ${normalised.takenAt}::timestamptz, s.host_count
      FROM claimed c, unnest(${services}::text[], ${environments}::text[], ${normalised.services.map((s) => s.hostCount)}::int[])
        AS s(service, environment, host_count)
    )
    SELECT c.id, EXISTS (
      SELECT 1 FROM unnest(${services}::text[], ${environments}::text[]) AS s(service, environment)
      JOIN snapshot_service x ON x.service = s.service AND x.environment = s.environment
      WHERE x.taken_at >= ${normalised.takenAt}::timestamptz
    ) AS has_later
    FROM claimed c`;
}

/**
 * Every host row checks its manifest (the foreign key) with a query Postgres plans from the
 * table's statistics and then keeps per connection. Those plans went wrong in
 * two ways: one made while the table was small stays a sequential scan after it has grown;
 * and autovacuum, cleaning up after rolled-back ingestions, can leave statistics that say the
 * table is nearly empty while its index is large, so a check planned anew in the middle of an
 * ingestion scans the whole table. The second turned the SIGKILL fault test's 20,000-manifest
 * upload from 20 seconds into more than 5 minutes; the first was shown in psql. The checks are
 * single-row lookups by primary key: within this transaction they are planned anew, by index.
 */
async function planKeyChecksByIndex(run: RunSql): Promise<void> {
  await run(Prisma.sql`SET LOCAL enable_seqscan = off`);
  await run(Prisma.sql`DISCARD PLANS`);
}

/** A manifest's components as stored: one JSON object, in name order (as hashed). */
function manifestJson(manifest: NormalisedManifest): string {
  // Written out, not JSON.stringify(Object.fromEntries(…)): an object puts names like "10" first.
  return `{${manifest.components.map(([name, version]) => `${JSON.stringify(name)}:${JSON.stringify(version)}`).join(",")}}`;
}

/** The snapshot as the analysis sees it, per service, from memory: what reading it back would give. */
function toServiceSnapshots(normalised: NormalisedSnapshot, format: string): Map<string, ServiceSnapshot> {
  const components = new Map<string, Record<string, string>>();
  for (const manifest of normalised.manifests) {
    // Null-prototype, as loadManifests gives them: a component named "constructor" is data.
    const byName = Object.create(null) as Record<string, string>;
    for (const [name, version] of manifest.components) byName[name] = version;
    components.set(manifest.hash, byName);
  }
  const takenAt = normalised.takenAt.toISOString();
  const snapshots = new Map<string, ServiceSnapshot>();
  // Found by a plain key per host; snapshotServiceKey (JSON) is made once per service.
  const byService = new Map<string, ServiceSnapshot>();
  // The hosts come sorted by key (SnapshotBuilder.finish), so each service's hosts are too.
  for (const host of normalised.hosts) {
    const key = `${host.service}\u0000${host.environment}`;
    let snapshot = byService.get(key);
    if (!snapshot) {
      snapshot = { snapshotId: normalised.id, takenAt, source: normalised.source ?? format, hosts: [] };
      byService.set(key, snapshot);
      snapshots.set(snapshotServiceKey({ snapshotId: normalised.id, service: host.service, environment: host.environment }), snapshot);
    }
    snapshot.hosts.push({
      hostKey: host.hostKey,
      service: host.service,
      environment: host.environment,
      role: host.role,
      image: host.image,
      launchedAt: host.launchedAt,
      manifestHash: host.manifestHash,
      components: components.get(host.manifestHash)!,
    });
  }
  return snapshots;
}

/** Removes a snapshot and its hosts; manifests no other snapshot uses go with it. */
export async function deleteSnapshot({ id }: { id: string }): Promise<boolean> {
  const deleted = await inTransaction(async (run) => {
    // The cascades find the snapshot's hosts, and the foreign key each unused manifest's, by key.
    await planKeyChecksByIndex(run);
    const [snapshot] = await run<{ taken_at: Date }>(Prisma.sql`SELECT taken_at FROM snapshot WHERE id = ${id} FOR UPDATE`);
    if (!snapshot) return false;
    const services = await run<{ service: string; environment: string }>(Prisma.sql`SELECT service, environment FROM snapshot_service WHERE snapshot_id = ${id}`);
    await run(forgetAnalysesFrom(services, snapshot.taken_at));
    await run(Prisma.sql`DELETE FROM snapshot WHERE id = ${id}`);
    await run(Prisma.sql`DELETE FROM manifest m WHERE NOT EXISTS (SELECT 1 FROM host h WHERE h.manifest_hash = m.hash)`);
    return true;
  });
  if (deleted) await bumpAnalysisGeneration();
  return deleted;
}
