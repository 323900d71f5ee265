import { describe, expect, it } from "vitest";
import { bearerToken, generateApiToken, hashApiToken, isBearerScheme, secretsEqual, tokenHint } from "./api-tokens";
import { createApiTokenSchema } from "./scopes";

describe("API tokens", () => {
  it("are long, random and prefixed", () => {
    const a = generateApiToken();
    expect(a).toMatch(/^dbt_[\w-]{43}$/);
    expect(generateApiToken()).not.toBe(a);
  });

  it("are stored as a SHA-256 hex digest and shown by a short hint", () => {
    expect(hashApiToken("dbt_x")).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHint("dbt_abcdefghijkl")).toBe("dbt_abcdef…");
  });

  it("compare equal only when identical", () => {
    expect(secretsEqual("abc", "abc")).toBe(true);
    expect(secretsEqual("abc", "abd")).toBe(false);
    expect(secretsEqual("abc", "abcd")).toBe(false);
  });

  it("are read from Bearer headers only", () => {
    expect(bearerToken("Bearer dbt_x")).toBe("dbt_x");
    expect(bearerToken("bearer   dbt_x ")).toBe("dbt_x");
    expect(bearerToken("Basic dXNlcjpwYXNz")).toBeNull();
    expect(bearerToken("Bearer")).toBeNull();
    expect(bearerToken(null)).toBeNull();
    expect(isBearerScheme("Bearer")).toBe(true);
    expect(isBearerScheme("Basic x")).toBe(false);
  });

  it("are created with a name and a read or upload scope", () => {
    expect(createApiTokenSchema.parse({ name: " ci ", scope: "upload" })).toEqual({ name: "ci", scope: "upload" });
    expect(createApiTokenSchema.safeParse({ name: "ci", scope: "admin" }).success).toBe(false);
    expect(createApiTokenSchema.safeParse({ name: "", scope: "read" }).success).toBe(false);
  });
});
