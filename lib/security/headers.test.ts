import { describe, expect, it } from "vitest";
import { buildContentSecurityPolicy, createNonce } from "./headers";

describe("Content-Security-Policy", () => {
  it("allows scripts by nonce only, never eval, and no framing", () => {
    const csp = buildContentSecurityPolicy({ nonce: "abc", isDevelopment: false, isHttps: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("upgrades insecure requests only over HTTPS", () => {
    expect(buildContentSecurityPolicy({ nonce: "n", isDevelopment: false, isHttps: true })).toContain("upgrade-insecure-requests");
  });

  it("makes fresh, unguessable nonces", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    expect([...nonces][0]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
