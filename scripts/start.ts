// `npm start`: the dashboard on http://localhost:3000 with nothing to set up. Without
// DATABASE_URL it starts an embedded Postgres (data kept in .driftboard/postgres), applies
// the migrations, loads the demo fleet on first start, builds the app when the build is
// missing or stale, and serves it. `npm run dev` does the same with `next dev`.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, statSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { ensureDatabase, migrateDatabase, startEmbeddedPostgres } from "../lib/database/embedded-postgres";
import { readEnv } from "../lib/env";
import { defaultDataDir } from "./paths";
import { spawnStandaloneServer } from "./standalone";

const isDev = process.argv.includes("--dev");
const log = (line: string) => console.log(`[driftboard] ${line}`);

async function main() {
  const startedAt = Date.now();
  const env = readEnv();
  let databaseUrl = env.DATABASE_URL;
  let stopDatabase = async () => {};
  let demoMarker: string | null = null;

  if (!databaseUrl) {
    const dataDir = defaultDataDir(env);
    const server = await startEmbeddedPostgres({ dataDir, port: env.DRIFTBOARD_PG_PORT, log });
    stopDatabase = server.stop;
    databaseUrl = await ensureDatabase(server.adminUrl, "driftboard");
    demoMarker = path.join(dataDir, "..", "demo-loaded");
    log(`Embedded Postgres ready on port ${env.DRIFTBOARD_PG_PORT} (data: ${dataDir})`);
  } else {
    log("Using the database in DATABASE_URL");
  }

  await migrateDatabase(databaseUrl, process.cwd());
  log("Migrations applied");

  // Demo data goes only into the embedded database on its first start, or where asked for.
  const wantsDemo = env.DRIFTBOARD_DEMO === "1" || (demoMarker !== null && !existsSync(demoMarker));
  if (wantsDemo && (await isEmpty(databaseUrl))) {
    log("Loading the demo fleet…");
    run(process.execPath, ["--conditions=react-server", "--import", "tsx", "prisma/seed.ts"], { DATABASE_URL: databaseUrl });
  }
  if (demoMarker) writeFileSync(demoMarker, new Date().toISOString());

  if (!isDev && isBuildStale()) {
    log("Building the dashboard (first start, or sources changed)…");
    run(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], {});
  }

  // The production server is the standalone server.js the Docker image runs.
  const serverEnv = { ...process.env, DATABASE_URL: databaseUrl, PORT: String(env.PORT), NEXT_TELEMETRY_DISABLED: "1" };
  const next = isDev
    ? spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "dev", "-p", String(env.PORT)], { stdio: "inherit", env: serverEnv })
    : spawnStandaloneServer(serverEnv);
  log(`Dashboard starting on http://localhost:${env.PORT} (${((Date.now() - startedAt) / 1000).toFixed(1)} s of setup)`);

  const shutdown = (signal: NodeJS.Signals) => {
    next.kill(signal);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  next.on("exit", async (code) => {
    await stopDatabase();
    process.exit(code ?? 0);
  });
}

async function isEmpty(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ exists: boolean }>("SELECT EXISTS (SELECT 1 FROM snapshot) AS exists");
    return !rows[0]?.exists;
  } finally {
    await client.end();
  }
}

function run(command: string, args: string[], extraEnv: Record<string, string>) {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extraEnv } });
  if (result.status !== 0) throw new Error(`${path.basename(args[args.length - 1] ?? command)} failed (exit ${result.status})`);
}

/** True when there is no production build, or a source file is newer than it. */
function isBuildStale(): boolean {
  const buildId = path.join(".next", "BUILD_ID");
  if (!existsSync(buildId) || !existsSync(path.join(".next", "standalone", "server.js"))) return true;
  const builtAt = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "public", "next.config.ts", "package-lock.json", "prisma/schema.prisma"];
  return sources.some((source) => newestMtime(source) > builtAt);
}

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

main().catch((error: unknown) => {
  console.error("[driftboard] failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
