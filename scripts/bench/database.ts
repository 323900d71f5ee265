/**
 * The benchmark's Postgres: the system server on 127.0.0.1:5432 when it answers, else an
 * embedded one of its own; fresh databases on it; the `\copy` reference; storage figures.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { ensureDatabase, migrateDatabase, startEmbeddedPostgres } from "../../lib/database/embedded-postgres";

export const SYSTEM_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
const EMBEDDED_PORT = 54349;

export interface BenchPostgres {
  kind: "system" | "embedded";
  adminUrl: string;
  version: string;
  stop(): Promise<void>;
}

export async function openBenchPostgres(options: { projectDir: string; log: (line: string) => void }): Promise<BenchPostgres> {
  if (await canConnect(SYSTEM_POSTGRES_URL)) {
    return { kind: "system", adminUrl: SYSTEM_POSTGRES_URL, version: await serverVersion(SYSTEM_POSTGRES_URL), stop: async () => {} };
  }
  options.log("Postgres on 127.0.0.1:5432 does not answer: starting an embedded one");
  const server = await startEmbeddedPostgres({
    dataDir: path.join(options.projectDir, ".driftboard", "bench", "postgres"),
    port: EMBEDDED_PORT,
    log: options.log,
  });
  return { kind: "embedded", adminUrl: server.adminUrl, version: await serverVersion(server.adminUrl), stop: server.stop };
}

/** Drops and recreates database `name`, applies the migrations, and returns its URL. */
export async function createFreshDatabase(adminUrl: string, name: string, projectDir: string): Promise<string> {
  const url = await ensureDatabase(adminUrl, name, { fresh: true });
  await migrateDatabase(url, projectDir);
  return url;
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`));
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_500 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function serverVersion(url: string): Promise<string> {
  return withClient(url, async (client) => (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]?.server_version ?? "?");
}

function runPsql(url: string, commands: string[]): Promise<void> {
  const args = [url, "-X", "-q", "-v", "ON_ERROR_STOP=1", ...commands.flatMap((c) => ["-c", c])];
  return new Promise((resolve, reject) => {
    const child = spawn("psql", args, { stdio: ["ignore", "ignore", "pipe"] });
    let errors = "";
    child.stderr.on("data", (chunk) => (errors += chunk));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`psql failed (exit ${code}): ${errors.trim()}`))));
  });
}

export interface CopyReference {
  /** Median wall time of `psql \copy` over the runs, seconds. */
  seconds: number;
  runs: number[];
  rows: number;
  /** Heap bytes per flat (host, service, component, version) row after the copy. */
  bytesPerRow: number;
}

/**
 * The reference every ingest is judged against: `psql \copy` of the snapshot's flat
 * host-component rows from CSV into an unindexed table, timed as a whole psql run (what an
 * operator loading the raw rows would wait for). Median of `runs` runs; the table is dropped.
 */
export async function measureCopyReference(databaseUrl: string, csvFile: string, runs = 3): Promise<CopyReference> {
  const table = "bench_copy_reference";
  const quotedFile = csvFile.replaceAll("'", "''");
  await runPsql(databaseUrl, [
    `DROP TABLE IF EXISTS ${table}`,
    `CREATE TABLE ${table} (host_key text, service text, component text, version text)`,
  ]);
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    if (run > 0) await runPsql(databaseUrl, [`TRUNCATE ${table}`]);
    const startedAt = performance.now();
    await runPsql(databaseUrl, [`\\copy ${table} FROM '${quotedFile}' WITH (FORMAT csv)`]);
    times.push((performance.now() - startedAt) / 1000);
  }
  const { rows, bytes } = await withClient(databaseUrl, async (client) => {
    await client.query(`VACUUM ANALYZE ${table}`);
    const result = await client.query<{ rows: string; bytes: string }>(
      `SELECT count(*)::text AS rows, pg_relation_size('${table}')::text AS bytes FROM ${table}`,
    );
    await client.query(`DROP TABLE ${table}`);
    return { rows: Number(result.rows[0]?.rows ?? 0), bytes: Number(result.rows[0]?.bytes ?? 0) };
  });
  const sorted = [...times].sort((a, b) => a - b);
  return { seconds: sorted[Math.floor(sorted.length / 2)]!, runs: times, rows, bytesPerRow: rows ? bytes / rows : 0 };
}

export interface StorageFigures {
  snapshots: number | null;
  hostRows: number | null;
  manifests: number | null;
  /** Components of all stored manifests together. */
  manifestComponents: number | null;
  databaseBytes: number | null;
  /** Bytes (heap + indexes + toast) per stored host row. */
  bytesPerHostRow: number | null;
  /** Bytes of the manifest table (with its indexes and toast) per stored component. */
  bytesPerManifestComponent: number | null;
  tableBytes: Record<string, number>;
}

/**
 * What the stored snapshots cost. Each figure is read on its own and left null when the
 * schema has changed under it, so the benchmark outlives a storage redesign.
 */
export async function readStorageFigures(databaseUrl: string): Promise<StorageFigures> {
  return withClient(databaseUrl, async (client) => {
    const one = async (sql: string): Promise<number | null> => {
      try {
        const value = (await client.query<{ value: string | null }>(sql)).rows[0]?.value;
        return value === null || value === undefined ? null : Number(value);
      } catch {
        return null;
      }
    };
    await client.query("ANALYZE").catch(() => {});
    const tableBytes: Record<string, number> = {};
    try {
      const { rows } = await client.query<{ name: string; bytes: string }>(
        `SELECT c.relname AS name, pg_total_relation_size(c.oid)::text AS bytes
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY pg_total_relation_size(c.oid) DESC`,
      );
      for (const row of rows) tableBytes[row.name] = Number(row.bytes);
    } catch {
      // leave empty
    }
    const hostRows = await one("SELECT count(*)::text AS value FROM host");
    const manifestComponents = await one("SELECT sum(component_count)::text AS value FROM manifest");
    return {
      snapshots: await one("SELECT count(*)::text AS value FROM snapshot"),
      hostRows,
      manifests: await one("SELECT count(*)::text AS value FROM manifest"),
      manifestComponents,
      databaseBytes: await one("SELECT pg_database_size(current_database())::text AS value"),
      bytesPerHostRow: hostRows && tableBytes.host ? tableBytes.host / hostRows : null,
      bytesPerManifestComponent: manifestComponents && tableBytes.manifest ? tableBytes.manifest / manifestComponents : null,
      tableBytes,
    };
  });
}
