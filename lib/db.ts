import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

function createPool(): pg.Pool {
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set: start Driftboard with `npm start`, which provides a database.");
  }
  // A small pool per replica: several replicas share one Postgres (max_connections 100).
  const pool = new pg.Pool({
    connectionString: env.DATABASE_URL,
    max: 10,
    // A replica killed in the middle of an ingestion leaves its backend running the statement
    // to its end (a 50,000-row insert) before it notices; with this, Postgres checks the client
    // every second and stops. Postgres 13 and older do not know the setting: nothing lost.
    // Awaited before the connection is handed out (a query sent alongside it made pg warn).
    onConnect: async (client) => {
      await client.query("SET client_connection_check_interval = 1000").catch(() => {});
    },
  });
  // An idle connection the server closes (a restart, an administrator) is dropped from the pool;
  // without a listener the event would be an uncaught exception.
  pool.on("error", (error) => console.error("an idle database connection was closed:", error.message));
  return pool;
}

// One pool and client per process; in development Next.js re-evaluates modules on every
// change, so they are kept on globalThis to avoid opening a new pool each time.
const globalForDb = globalThis as unknown as { pool?: pg.Pool; prisma?: PrismaClient };

export function getDb(): PrismaClient {
  globalForDb.prisma ??= new PrismaClient({ adapter: new PrismaPg(getPool()) });
  return globalForDb.prisma;
}

/**
 * The pool under Prisma, used directly where Prisma's query building costs more than the
 * statement: the one-row queries every read runs (the analysis generation, the health check)
 * and the snapshot writes (inTransaction).
 */
export function getPool(): pg.Pool {
  globalForDb.pool ??= createPool();
  return globalForDb.pool;
}

export type Db = PrismaClient;

/** Runs one statement built with `Prisma.sql` and returns its rows. */
export type RunSql = <Row = Record<string, unknown>>(statement: Prisma.Sql) => Promise<Row[]>;

/** Opens a first connection and has Prisma build its query engine, so no request waits for either. */
export async function warmUpDatabase(): Promise<void> {
  await getDb().$queryRaw`SELECT 1`.catch(() => {});
}

/**
 * Runs one statement on the pool. For the bulk reads and writes (a snapshot's hosts, its
 * analyses): Prisma copies every parameter and every row through its query engine.
 */
export const runSql: RunSql = async <Row>(statement: Prisma.Sql) => (await getPool().query(statement.text, statement.values)).rows as Row[];

/**
 * Runs `work` in one transaction on a connection of its own from the pool, for the snapshot
 * writes. Their bulk inserts carry 50,000-element arrays, which Prisma would copy whole into
 * its query engine, whose memory then never shrinks.
 */
export async function inTransaction<T>(work: (run: RunSql) => Promise<T>): Promise<T> {
  const client = await getPool().connect();
  let isBroken = false;
  // A connection lost between statements (an ingestion waits for its analysis in the middle of
  // its transaction) is reported as an event, not by a statement: the next one throws it, so
  // callers see why (a database shutting down is a 503) rather than "not queryable".
  let lostWith: Error | null = null;
  const onError = (error: Error) => (lostWith = error);
  client.on("error", onError);
  try {
    await client.query("BEGIN");
    const result = await work(async <Row>(statement: Prisma.Sql) => {
      if (lostWith) throw lostWith;
      return (await client.query(statement.text, statement.values)).rows as Row[];
    });
    await client.query("COMMIT");
    return result;
  } catch (error) {
    // A connection that cannot even roll back is not handed out again.
    await client.query("ROLLBACK").catch(() => (isBroken = true));
    throw lostWith ?? error;
  } finally {
    client.off("error", onError);
    client.release(isBroken || lostWith !== null);
  }
}
