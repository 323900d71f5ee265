import * as crypto from "node:crypto";
import { describe, expect, it, vi } from "vitest";

// Spy on timingSafeEqual while keeping the real implementation, to see the comparison use it.
vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const { TOKEN_BYTES, generateReportToken, hashReportToken, isTokenMatch, isWellFormedToken } = await import("./tokens");

describe("generateReportToken", () => {
  it("is 32 random bytes (256 bits, over the 128 required) in base64url, 43 characters, URL-safe", () => {
    const token = generateReportToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(TOKEN_BYTES);
    expect(TOKEN_BYTES * 8).toBeGreaterThanOrEqual(128);
    expect(encodeURIComponent(token)).toBe(token);
  });

  it("never repeats and spreads its bits evenly", () => {
    const tokens = Array.from({ length: 2000 }, generateReportToken);
    expect(new Set(tokens).size).toBe(tokens.length);
    let ones = 0;
    for (const token of tokens) for (const byte of Buffer.from(token, "base64url")) for (let bit = 0; bit < 8; bit++) ones += (byte >> bit) & 1;
    const share = ones / (tokens.length * TOKEN_BYTES * 8);
    // 512,000 fair bits: the share of ones is 0.5 ± 0.0007 (1σ); 0.49–0.51 is over 14σ wide.
    expect(share).toBeGreaterThan(0.49);
    expect(share).toBeLessThan(0.51);
  });

  it("takes its bytes from the CSPRNG", () => {
    const spy = vi.spyOn(crypto, "randomBytes");
    generateReportToken();
    expect(spy).toHaveBeenCalledWith(TOKEN_BYTES);
    spy.mockRestore();
  });
});

describe("hashReportToken", () => {
  it("stores a SHA-256 hex digest that neither equals nor contains the token", () => {
    const token = generateReportToken();
    const hash = hashReportToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(crypto.createHash("sha256").update(token).digest("hex"));
    expect(hash).not.toContain(token);
    expect(hash.includes(Buffer.from(token, "base64url").toString("hex"))).toBe(false);
  });

  it("is deterministic, and differs for different tokens", () => {
    const token = generateReportToken();
    expect(hashReportToken(token)).toBe(hashReportToken(token));
    expect(hashReportToken(token)).not.toBe(hashReportToken(generateReportToken()));
  });
});

describe("isTokenMatch", () => {
  it("matches a token against its stored hash with timingSafeEqual", () => {
    const token = generateReportToken();
    vi.mocked(crypto.timingSafeEqual).mockClear();
    expect(isTokenMatch(token, hashReportToken(token))).toBe(true);
    expect(crypto.timingSafeEqual).toHaveBeenCalledTimes(1);
  });

  it("refuses another token, a one-character change, and the hash itself", () => {
    const token = generateReportToken();
    const hash = hashReportToken(token);
    expect(isTokenMatch(generateReportToken(), hash)).toBe(false);
    const flipped = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect(isTokenMatch(flipped, hash)).toBe(false);
    expect(isTokenMatch(hash, hash)).toBe(false);
  });

  it("compares fixed-length digests, so a malformed stored hash is a plain false, not a throw", () => {
    const token = generateReportToken();
    expect(isTokenMatch(token, "")).toBe(false);
    expect(isTokenMatch(token, "abc")).toBe(false);
    expect(isTokenMatch(token, "z".repeat(64))).toBe(false);
    expect(isTokenMatch("", hashReportToken(token))).toBe(false);
  });
});

describe("isWellFormedToken", () => {
  it("accepts generated tokens only", () => {
    expect(isWellFormedToken(generateReportToken())).toBe(true);
    expect(isWellFormedToken("")).toBe(false);
    expect(isWellFormedToken("short")).toBe(false);
    expect(isWellFormedToken(`${generateReportToken()}x`)).toBe(false);
    expect(isWellFormedToken(`${generateReportToken().slice(0, 42)}/`)).toBe(false);
    expect(isWellFormedToken(`${generateReportToken().slice(0, 42)}=`)).toBe(false);
  });
});
