import { describe, expect, it } from "vitest";
import { createSessionValue, deriveSessionKey, readCookie, serializeSessionCookie, verifySessionValue } from "./session";

const key = deriveSessionKey("a secret of at least thirty-two characters!");
const HOUR = 3600;

describe("session cookies", () => {
  it("accepts its own cookie until it expires", () => {
    const now = Date.UTC(2026, 0, 1, 12);
    const { value, expiresAt } = createSessionValue(key, 12 * HOUR, now);
    expect(expiresAt.toISOString()).toBe("2026-01-02T00:00:00.000Z");
    expect(verifySessionValue(key, value, 12 * HOUR, now + 11 * HOUR * 1000)).not.toBeNull();
    expect(verifySessionValue(key, value, 12 * HOUR, now + 12 * HOUR * 1000)).toBeNull();
  });

  it("refuses a cookie signed with another key (another password or secret)", () => {
    const { value } = createSessionValue(deriveSessionKey("another secret, also quite long enough!"), HOUR);
    expect(verifySessionValue(key, value, HOUR)).toBeNull();
  });

  it("refuses a tampered expiry", () => {
    const now = Date.now();
    const { value } = createSessionValue(key, HOUR, now);
    const parts = value.split(".");
    parts[2] = String(Number(parts[2]) + 10 * HOUR);
    expect(verifySessionValue(key, parts.join("."), 100 * HOUR, now)).toBeNull();
  });

  it("refuses cookies issued for longer than the configured lifetime (lifetime shortened)", () => {
    const { value } = createSessionValue(key, 12 * HOUR);
    expect(verifySessionValue(key, value, 1 * HOUR)).toBeNull();
  });

  it.each(["", "v1", "v1.a.b.c.d", "v2.1.2.x.y", "x".repeat(300), "v1.1.2.abc.%%%"])("refuses garbage %j", (value) => {
    expect(verifySessionValue(key, value, HOUR)).toBeNull();
  });

  it("serialises an httpOnly, SameSite=Lax cookie, Secure only over HTTPS", () => {
    expect(serializeSessionCookie("v", { isSecure: false, maxAgeSeconds: 60 })).toBe("driftboard_session=v; Path=/; HttpOnly; SameSite=Lax; Max-Age=60");
    expect(serializeSessionCookie("v", { isSecure: true, maxAgeSeconds: 60 })).toMatch(/; Secure$/);
    expect(serializeSessionCookie(null, { isSecure: false, maxAgeSeconds: 60 })).toContain("Max-Age=0");
  });

  it("reads one cookie from a Cookie header", () => {
    expect(readCookie("a=1; driftboard_session=v1.x; b=2", "driftboard_session")).toBe("v1.x");
    expect(readCookie("a=1", "driftboard_session")).toBeUndefined();
    expect(readCookie(null, "driftboard_session")).toBeUndefined();
  });
});
