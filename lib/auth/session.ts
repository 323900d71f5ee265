/**
 * Stateless sessions: the cookie itself says when it expires and carries an HMAC-SHA256 over
 * that, so any replica holding the same key accepts it without shared memory. Format:
 * `v1.<issuedAt>.<expiresAt>.<random>.<mac>` (seconds since the epoch, base64url mac).
 * Pure Node crypto; no Next.js.
 */
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";

export const SESSION_COOKIE = "driftboard_session";

/** Clock difference between replicas that a fresh cookie may show. */
const CLOCK_SKEW_SECONDS = 60;

/**
 * The key that signs session cookies: from DRIFTBOARD_SESSION_SECRET when set, else derived
 * from the admin password (or its hash) — so changing the password signs everyone out.
 */
export function deriveSessionKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "driftboard", "session-cookie-v1", 32));
}

function mac(key: Buffer, payload: string): Buffer {
  return createHmac("sha256", key).update(payload).digest();
}

/** A new session cookie value valid for `ttlSeconds` from `now` (ms). */
export function createSessionValue(key: Buffer, ttlSeconds: number, now: number = Date.now()): { value: string; expiresAt: Date } {
  const issuedAt = Math.floor(now / 1000);
  const expiresAt = issuedAt + Math.max(1, Math.floor(ttlSeconds));
  const payload = `v1.${issuedAt}.${expiresAt}.${randomBytes(12).toString("base64url")}`;
  return { value: `${payload}.${mac(key, payload).toString("base64url")}`, expiresAt: new Date(expiresAt * 1000) };
}

export interface VerifiedSession {
  issuedAt: Date;
  expiresAt: Date;
}

/**
 * The session a cookie value carries, or null when it is forged, malformed or expired. A
 * cookie issued for longer than `maxTtlSeconds` is refused too, so shortening
 * DRIFTBOARD_SESSION_HOURS takes effect on cookies already out there.
 */
export function verifySessionValue(key: Buffer, value: string | undefined, maxTtlSeconds: number, now: number = Date.now()): VerifiedSession | null {
  if (!value || value.length > 256) return null;
  const parts = value.split(".");
  if (parts.length !== 5 || parts[0] !== "v1") return null;
  const [, issuedText, expiresText, , macText] = parts as [string, string, string, string, string];
  if (!/^\d{1,12}$/.test(issuedText) || !/^\d{1,12}$/.test(expiresText)) return null;
  const expected = mac(key, parts.slice(0, 4).join("."));
  const given = Buffer.from(macText, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const issuedAt = Number(issuedText);
  const expiresAt = Number(expiresText);
  const nowSeconds = now / 1000;
  if (expiresAt <= nowSeconds || issuedAt > nowSeconds + CLOCK_SKEW_SECONDS || expiresAt - issuedAt > maxTtlSeconds) return null;
  return { issuedAt: new Date(issuedAt * 1000), expiresAt: new Date(expiresAt * 1000) };
}

/**
 * The Set-Cookie header for a session: httpOnly (no script reads it), SameSite=Lax (not sent
 * on cross-site POSTs), Secure when the browser talks HTTPS to us. `value: null` clears it.
 */
export function serializeSessionCookie(value: string | null, options: { isSecure: boolean; maxAgeSeconds: number }): string {
  const parts = [`${SESSION_COOKIE}=${value ?? ""}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${value === null ? 0 : Math.floor(options.maxAgeSeconds)}`];
  if (options.isSecure) parts.push("Secure");
  return parts.join("; ");
}

/** One cookie's value from a Cookie header. */
export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
