import { describe, expect, it } from "vitest";
import { createPasswordVerifier, hashPassword, verifyPassword } from "./password";

// Low scrypt cost keeps the test fast; the parameters travel in the hash.
const CHEAP = { N: 1024, r: 8, p: 1 };

describe("admin password", () => {
  it("checks a plain password", async () => {
    const verifier = createPasswordVerifier({ password: "correct horse" })!;
    expect(await verifyPassword(verifier, "correct horse")).toBe(true);
    expect(await verifyPassword(verifier, "correct hors")).toBe(false);
    expect(await verifyPassword(verifier, "")).toBe(false);
  });

  it("checks an scrypt hash made by hashPassword", async () => {
    const hash = await hashPassword("correct horse", CHEAP);
    expect(hash).toMatch(/^scrypt:1024:8:1:[\w-]+:[\w-]+$/);
    const verifier = createPasswordVerifier({ passwordHash: hash })!;
    expect(await verifyPassword(verifier, "correct horse")).toBe(true);
    expect(await verifyPassword(verifier, "Correct horse")).toBe(false);
  });

  it("salts: the same password hashes differently each time", async () => {
    expect(await hashPassword("x", CHEAP)).not.toBe(await hashPassword("x", CHEAP));
  });

  it("means open mode when neither is set", () => {
    expect(createPasswordVerifier({})).toBeNull();
  });

  it("rejects a malformed hash at startup rather than at sign-in", () => {
    expect(() => createPasswordVerifier({ passwordHash: "scrypt:1000:8:1:abc:def" })).toThrow(/invalid scrypt parameters/);
    expect(() => createPasswordVerifier({ passwordHash: "bcrypt:1:2:3:4:5" })).toThrow();
  });
});
