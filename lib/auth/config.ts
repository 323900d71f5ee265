/**
 * The access configuration, read once from lib/env.ts: open mode (no password set) or
 * password mode, the session key and lifetime, and the environment's full-scope token.
 */
import { type Env, env } from "@/lib/env";
import { createPasswordVerifier, type PasswordVerifier } from "./password";
import { deriveSessionKey } from "./session";

export interface AuthConfig {
  /** No admin password: anyone who can reach the server may read and change everything. */
  isOpenMode: boolean;
  password: PasswordVerifier | null;
  /** Signs session cookies (null in open mode without DRIFTBOARD_SESSION_SECRET: no sessions needed). */
  sessionKey: Buffer | null;
  sessionTtlSeconds: number;
  /** DRIFTBOARD_API_TOKEN: full scope. */
  envToken: string | null;
  signinRateLimit: number;
  tokenRateLimit: number;
}

export function readAuthConfig(source: Env): AuthConfig {
  const password = createPasswordVerifier({ password: source.DRIFTBOARD_ADMIN_PASSWORD, passwordHash: source.DRIFTBOARD_ADMIN_PASSWORD_HASH });
  const secret = source.DRIFTBOARD_SESSION_SECRET ?? source.DRIFTBOARD_ADMIN_PASSWORD_HASH ?? source.DRIFTBOARD_ADMIN_PASSWORD;
  return {
    isOpenMode: password === null,
    password,
    sessionKey: secret ? deriveSessionKey(secret) : null,
    sessionTtlSeconds: Math.round(source.DRIFTBOARD_SESSION_HOURS * 3600),
    envToken: source.DRIFTBOARD_API_TOKEN ?? null,
    signinRateLimit: source.DRIFTBOARD_RATE_LIMIT_SIGNIN,
    tokenRateLimit: source.DRIFTBOARD_RATE_LIMIT_TOKENS,
  };
}

let cached: AuthConfig | undefined;

/** The running server's access configuration. */
export function getAuthConfig(): AuthConfig {
  cached ??= readAuthConfig(env);
  return cached;
}
