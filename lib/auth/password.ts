/**
 * The admin password: checked against DRIFTBOARD_ADMIN_PASSWORD (compared as SHA-256 digests
 * in constant time) or against DRIFTBOARD_ADMIN_PASSWORD_HASH, an scrypt hash written as
 * `scrypt:N:r:p:salt:hash` (base64url salt and hash; colons, not `$`, so shells and compose
 * files leave it alone). Pure Node crypto; no Next.js.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

export type PasswordVerifier =
  | { kind: "plain"; digest: Buffer }
  | { kind: "scrypt"; N: number; r: number; p: number; salt: Buffer; hash: Buffer };

/** scrypt cost for new hashes: N=2^15, r=8, p=1 (~32 MB and ~50 ms per check). */
const DEFAULT_COST = { N: 32_768, r: 8, p: 1 } as const;
const HASH_BYTES = 32;

function sha256(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}

function scryptAsync(password: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function scryptOptions(verifier: { N: number; r: number; p: number }): ScryptOptions {
  // Node's default maxmem (32 MB) is just below what N=2^15, r=8 needs.
  return { N: verifier.N, r: verifier.r, p: verifier.p, maxmem: 256 * verifier.N * verifier.r + 1024 * 1024 };
}

/** Hashes a password for DRIFTBOARD_ADMIN_PASSWORD_HASH. */
export async function hashPassword(password: string, cost: { N: number; r: number; p: number } = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, HASH_BYTES, scryptOptions(cost));
  return `scrypt:${cost.N}:${cost.r}:${cost.p}:${salt.toString("base64url")}:${hash.toString("base64url")}`;
}

/** Reads the configured password (or its hash) once, so each check only hashes the candidate. */
export function createPasswordVerifier(source: { password?: string; passwordHash?: string }): PasswordVerifier | null {
  if (source.passwordHash) {
    const [scheme, N, r, p, salt, hash] = source.passwordHash.split(":");
    if (scheme !== "scrypt" || !N || !r || !p || !salt || !hash) throw new Error("DRIFTBOARD_ADMIN_PASSWORD_HASH is not scrypt:N:r:p:salt:hash");
    const verifier = { kind: "scrypt" as const, N: Number(N), r: Number(r), p: Number(p), salt: Buffer.from(salt, "base64url"), hash: Buffer.from(hash, "base64url") };
    // N must be a power of two above 1; scrypt refuses anything else.
    if (!(verifier.N > 1 && (verifier.N & (verifier.N - 1)) === 0) || verifier.r < 1 || verifier.p < 1 || verifier.hash.length < 16) {
      throw new Error("DRIFTBOARD_ADMIN_PASSWORD_HASH has invalid scrypt parameters");
    }
    return verifier;
  }
  if (source.password) return { kind: "plain", digest: sha256(source.password) };
  return null;
}

/** True when `candidate` is the admin password. Takes the same time whatever the candidate. */
export async function verifyPassword(verifier: PasswordVerifier, candidate: string): Promise<boolean> {
  if (verifier.kind === "plain") return timingSafeEqual(sha256(candidate), verifier.digest);
  const derived = await scryptAsync(candidate, verifier.salt, verifier.hash.length, scryptOptions(verifier));
  return timingSafeEqual(derived, verifier.hash);
}
