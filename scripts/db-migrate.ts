// `npm run db:migrate` (create a migration from schema changes) and `npm run db:deploy`
// (apply committed migrations), against DATABASE_URL or the embedded Postgres.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { readEnv } from "../lib/env";
import { ensureDatabase, startEmbeddedPostgres } from "../lib/database/embedded-postgres";
import { defaultDataDir } from "./paths";

async function main() {
  const mode = process.argv[2] === "deploy" ? "deploy" : "dev";
  const env = readEnv();
  let url = env.DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    const server = await startEmbeddedPostgres({ dataDir: defaultDataDir(env), port: env.DRIFTBOARD_PG_PORT, log: console.log });
    stop = server.stop;
    url = await ensureDatabase(server.adminUrl, "driftboard");
  }
  const args = mode === "deploy" ? ["migrate", "deploy"] : ["migrate", "dev", ...process.argv.slice(3)];
  const result = spawnSync(process.execPath, [path.join("node_modules", "prisma", "build", "index.js"), ...args], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" },
  });
  await stop();
  process.exit(result.status ?? 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
