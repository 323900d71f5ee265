import { z } from "zod";

/**
 * The one place that reads process.env. Everything configurable about Driftboard is here,
 * validated once, with defaults that suit a laptop.
 */
const envSchema = z.object({
  /** Postgres to use. Unset: scripts/start.ts starts an embedded Postgres and sets it. */
  DATABASE_URL: z.string().min(1).optional(),
  /** "1" loads the demo fleet on start even when DATABASE_URL points at your own server. */
  DRIFTBOARD_DEMO: z.enum(["0", "1"]).optional(),
  /** Where the embedded Postgres keeps its data (default: .driftboard/postgres in the project). */
  DRIFTBOARD_DATA_DIR: z.string().min(1).optional(),
  /** Port of the embedded Postgres. */
  DRIFTBOARD_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  /** Largest accepted upload, in megabytes (answered with 413 above it). */
  DRIFTBOARD_MAX_UPLOAD_MB: z.coerce.number().positive().default(256),
  /** Archives (.tar.gz, .zip) may hold at most this many files… */
  DRIFTBOARD_MAX_ARCHIVE_ENTRIES: z.coerce.number().int().positive().default(10_000),
  /** …and unpack to at most this many megabytes, so a zip bomb fails fast. */
  DRIFTBOARD_MAX_UNPACKED_MB: z.coerce.number().positive().default(1024),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return result.data;
}

export const env = readEnv();
