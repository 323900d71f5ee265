import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

function createPrismaClient(): PrismaClient {
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set: start Driftboard with `npm start`, which provides a database.");
  }
  // A small pool per replica: several replicas share one Postgres (max_connections 100).
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 10 });
  // A replica killed in the middle of an ingestion leaves its backend running the statement
  // to its end (a 50,000-row insert) before it notices; with this, Postgres checks the client
  // every second and stops. Postgres 13 and older do not know the setting: nothing lost.
  pool.on("connect", (client) => {
    client.query("SET client_connection_check_interval = 1000").catch(() => {});
  });
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}

// One client per process; in development Next.js re-evaluates modules on every change,
// so the client is kept on globalThis to avoid opening a new pool each time.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export function getDb(): PrismaClient {
  globalForPrisma.prisma ??= createPrismaClient();
  return globalForPrisma.prisma;
}

export type Db = PrismaClient;
