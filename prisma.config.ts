import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { parse } from "pg-connection-string";
import type { PoolConfig } from "pg";
import { defineConfig } from "prisma/config";

// `prisma generate` needs the schema's `env("DATABASE_URL")` to resolve, or it falls back to
// downloading an engine, which these machines cannot. Generation never connects, so any URL
// will do; migrate commands get the real one from scripts/db-migrate.ts.
process.env.DATABASE_URL ??= "postgresql://placeholder@localhost:5432/placeholder";
process.env.CHECKPOINT_DISABLE = "1";

// The JS schema engine leaves a 10 s timer pending after its work is done, which keeps every
// migrate command alive for 10 s. Long timers must not hold the process open.
const originalSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = ((handler: (...args: unknown[]) => void, timeout?: number, ...args: unknown[]) => {
  const timer = originalSetTimeout(handler, timeout, ...args);
  if ((timeout ?? 0) >= 5_000) timer.unref();
  return timer;
}) as typeof setTimeout;

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;

// Shim for an adapter bug: catalog columns of type `name` (19) and `char` (18), and their
// arrays (1003, 1002), are unknown to the adapter's type map and fail introspection during
// migrate. They are plain text to the schema engine, so report them as text (25) / text[] (1009).
const CATALOG_TYPE_AS_TEXT: Record<number, number> = { 19: 25, 18: 25, 1003: 1009, 1002: 1009 };

function reportCatalogTypesAsText<T extends object>(queryable: T): T {
  return new Proxy(queryable, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property === "performIO" && typeof value === "function") {
        return async (...args: unknown[]) => {
          const result = await value.apply(target, args);
          for (const field of result?.fields ?? []) {
            field.dataTypeID = CATALOG_TYPE_AS_TEXT[field.dataTypeID] ?? field.dataTypeID;
          }
          return result;
        };
      }
      if (property === "startTransaction" && typeof value === "function") {
        return async (...args: unknown[]) => reportCatalogTypesAsText(await value.apply(target, args));
      }
      return typeof value === "function" ? value.bind(receiver) : value;
    },
  });
}

class MigratePgAdapterFactory extends PrismaPg {
  constructor(private readonly poolConfig: PoolConfig) {
    super(poolConfig);
  }

  override async connect(): Promise<Adapter> {
    return reportCatalogTypesAsText(await super.connect());
  }

  // Shim for an adapter bug: the stock version drops the shadow database while its pool still
  // holds connections, so the DROP fails and shadow databases pile up. Close the pool first.
  // (The pool config comes from `parse`, not `connectionString`, so `database` takes effect.)
  override async connectToShadowDb(): Promise<Adapter> {
    const admin = await this.connect();
    const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID().replaceAll("-", "")}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await new MigratePgAdapterFactory({ ...this.poolConfig, database }).connect();
    const dispose = async () => {
      await shadow.dispose();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      await admin.dispose();
    };
    return new Proxy(shadow, {
      get: (target, property, receiver) =>
        property === "dispose" ? dispose : Reflect.get(target, property, receiver),
    });
  }
}

function poolConfigFromUrl(url: string): PoolConfig {
  const { database, host, port, user, password } = parse(url);
  return {
    database: database ?? undefined,
    host: host ?? undefined,
    port: port ? Number(port) : undefined,
    user,
    password,
    // Idle pooled connections would otherwise hold every migrate command open for 10 s.
    allowExitOnIdle: true,
  };
}

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new MigratePgAdapterFactory(poolConfigFromUrl(process.env.DATABASE_URL!)),
});
