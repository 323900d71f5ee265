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
  /** Uploads may describe at most this many hosts (answered with 413 above it). */
  DRIFTBOARD_MAX_HOSTS: z.coerce.number().int().positive().default(200_000),
  /** …and each host at most this many components plus config fingerprints. */
  DRIFTBOARD_MAX_COMPONENTS_PER_HOST: z.coerce.number().int().positive().default(20_000),
  /** JSON nested deeper than this is refused before it is parsed (a 1 MB `[[[[…` must not cost the stack). */
  DRIFTBOARD_MAX_JSON_DEPTH: z.coerce.number().int().min(2).max(10_000).default(64),

  // Access (docs/security.md). Without a password Driftboard runs in open mode, with a banner.
  /** The admin password; setting it (or its hash) makes the dashboard require sign-in. */
  DRIFTBOARD_ADMIN_PASSWORD: z.string().min(8, { error: "must be at least 8 characters" }).optional(),
  /** The admin password as an scrypt hash (`npx tsx scripts/hash-password.ts`), instead of the password itself. */
  DRIFTBOARD_ADMIN_PASSWORD_HASH: z
    .string()
    .regex(/^scrypt:\d+:\d+:\d+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/, {
      error: "must be scrypt:N:r:p:salt:hash as printed by scripts/hash-password.ts",
    })
    .optional(),
  /** Key that signs session cookies; all replicas need the same. Default: derived from the admin password (hash). */
  DRIFTBOARD_SESSION_SECRET: z.string().min(32, { error: "must be at least 32 characters" }).optional(),
  /** How long a sign-in lasts. */
  DRIFTBOARD_SESSION_HOURS: z.coerce.number().positive().max(24 * 366).default(12),
  /** A full-scope API token for automation, sent as `Authorization: Bearer <token>`. */
  DRIFTBOARD_API_TOKEN: z.string().min(32, { error: "must be at least 32 characters" }).optional(),
  /** Sign-in attempts per client address and minute (Postgres-backed, shared by all replicas). */
  DRIFTBOARD_RATE_LIMIT_SIGNIN: z.coerce.number().int().positive().default(10),
  /** Token requests (creating, revoking, failed Bearer attempts) per client address and minute. */
  DRIFTBOARD_RATE_LIMIT_TOKENS: z.coerce.number().int().positive().default(30),

  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
}).refine((env) => !(env.DRIFTBOARD_ADMIN_PASSWORD && env.DRIFTBOARD_ADMIN_PASSWORD_HASH), {
  error: "set DRIFTBOARD_ADMIN_PASSWORD or DRIFTBOARD_ADMIN_PASSWORD_HASH, not both",
  path: ["DRIFTBOARD_ADMIN_PASSWORD_HASH"],
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
