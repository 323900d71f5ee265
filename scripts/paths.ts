import path from "node:path";
import type { Env } from "../lib/env";

/** The embedded Postgres keeps the dashboard's data here across restarts. */
export function defaultDataDir(env: Env): string {
  return path.resolve(env.DRIFTBOARD_DATA_DIR ?? path.join(".driftboard", "postgres"));
}
