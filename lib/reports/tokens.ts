import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Report link tokens. A token is 32 bytes from the operating system's CSPRNG (256 bits,
 * twice the 128 the links need), written base64url so it sits in a URL path unescaped. It
 * lives only in the link: the database keeps its SHA-256, so a leaked table or backup
 * opens no report. A fast hash is enough here, unlike for passwords: a 256-bit random
 * token cannot be guessed from its hash by trying candidates.
 */

export const TOKEN_BYTES = 32;

/** 32 bytes in base64url without padding are 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const HASH_PATTERN = /^[0-9a-f]{64}$/;

export function generateReportToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

/** Whether a string could be a token at all; anything else is turned away before the database. */
export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/** The stored form of a token: its SHA-256, hex. */
export function hashReportToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * Whether `token` hashes to `storedHash`, compared in constant time: the time taken does
 * not depend on how many leading characters agree, so it cannot be probed byte by byte.
 */
export function isTokenMatch(token: string, storedHash: string): boolean {
  if (!HASH_PATTERN.test(storedHash)) return false;
  const presented = createHash("sha256").update(token, "utf8").digest();
  const stored = Buffer.from(storedHash, "hex");
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
