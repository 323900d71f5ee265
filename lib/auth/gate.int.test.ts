import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";

// Password mode, configured before the modules read the environment.
process.env.DRIFTBOARD_ADMIN_PASSWORD = "integration-password";
process.env.DRIFTBOARD_API_TOKEN = "integration-env-token-0123456789abcdef0123";
process.env.DRIFTBOARD_RATE_LIMIT_TOKENS = "5";
process.env.DRIFTBOARD_RATE_LIMIT_SIGNIN = "3";

const { authorizeRequest, enforceRateLimit } = await import("./gate");
const { createApiToken, revokeApiToken, consumeRateLimit } = await import("./mutations");
const { listApiTokens } = await import("./queries");
const { createSessionValue } = await import("./session");
const { getAuthConfig } = await import("./config");

const BASE = "http://driftboard.test";

function request(method: string, path: string, headers: Record<string, string> = {}): Request {
  return new Request(`${BASE}${path}`, { method, headers: { host: "driftboard.test", ...headers } });
}

function address(): Record<string, string> {
  return { "x-forwarded-for": `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID()}` };
}

describe("authorizeRequest (password mode, real database)", () => {
  let session: string;
  beforeAll(() => {
    session = `driftboard_session=${createSessionValue(getAuthConfig().sessionKey!, 3600).value}`;
  });

  it("redirects pages and refuses the API without credentials", async () => {
    expect(await authorizeRequest(request("GET", "/services?environment=prod"))).toEqual({
      kind: "redirect",
      location: "/signin?next=%2Fservices%3Fenvironment%3Dprod",
      clearCookie: false,
    });
    const api = await authorizeRequest(request("POST", "/api/snapshots"));
    expect(api.kind === "deny" && api.error.code).toBe("unauthorized");
  });

  it("lets anyone reach public paths", async () => {
    for (const path of ["/signin", "/api/health", "/r/some-token", "/r/some-token/report.csv"]) {
      expect((await authorizeRequest(request("GET", path))).kind).toBe("allow");
    }
  });

  it("accepts a session for pages and same-origin writes", async () => {
    expect((await authorizeRequest(request("GET", "/", { cookie: session }))).kind).toBe("allow");
    expect((await authorizeRequest(request("DELETE", "/api/ignore-rules/x", { cookie: session, origin: BASE }))).kind).toBe("allow");
    const csrf = await authorizeRequest(request("DELETE", "/api/ignore-rules/x", { cookie: session, origin: "https://evil.example" }));
    expect(csrf.kind === "deny" && csrf.error.code).toBe("forbidden");
  });

  it("scopes stored tokens, records their last use, and forgets revoked ones", async () => {
    const read = await createApiToken({ name: `read-${randomUUID()}`, scope: "read" });
    const upload = await createApiToken({ name: `upload-${randomUUID()}`, scope: "upload" });
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

    expect((await authorizeRequest(request("GET", "/api/snapshots", bearer(read.token)))).kind).toBe("allow");
    const denied = await authorizeRequest(request("POST", "/api/snapshots", bearer(read.token)));
    expect(denied.kind === "deny" && denied.error.code).toBe("forbidden");
    expect((await authorizeRequest(request("POST", "/api/snapshots", bearer(upload.token)))).kind).toBe("allow");
    const admin = await authorizeRequest(request("POST", "/api/tokens", bearer(upload.token)));
    expect(admin.kind === "deny" && admin.error.code).toBe("forbidden");
    // Tokens never open pages.
    expect((await authorizeRequest(request("GET", "/settings", bearer(upload.token)))).kind).toBe("redirect");

    const listed = (await listApiTokens()).find((t) => t.id === read.id)!;
    expect(listed.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(await listApiTokens())).not.toContain(read.token);

    await revokeApiToken({ id: upload.id });
    const revoked = await authorizeRequest(request("POST", "/api/snapshots", { ...bearer(upload.token), ...address() }));
    expect(revoked.kind === "deny" && revoked.error.code).toBe("unauthorized");
  });

  it("gives the environment's token full scope", async () => {
    const env = { authorization: `Bearer ${process.env.DRIFTBOARD_API_TOKEN}` };
    expect((await authorizeRequest(request("POST", "/api/tokens", env))).kind).toBe("allow");
    expect((await authorizeRequest(request("DELETE", "/api/snapshots/x", env))).kind).toBe("allow");
  });

  it("rate-limits invalid tokens per address, while valid tokens keep working", async () => {
    const from = address();
    const codes: string[] = [];
    for (let i = 0; i < 7; i++) {
      const decision = await authorizeRequest(request("GET", "/api/snapshots", { ...from, authorization: "Bearer dbt_guess" }));
      codes.push(decision.kind === "deny" ? decision.error.code : decision.kind);
    }
    expect(codes).toEqual(["unauthorized", "unauthorized", "unauthorized", "unauthorized", "unauthorized", "rate_limited", "rate_limited"]);
    const valid = await createApiToken({ name: "valid", scope: "read" });
    expect((await authorizeRequest(request("GET", "/api/snapshots", { ...from, authorization: `Bearer ${valid.token}` }))).kind).toBe("allow");
  });

  it("rate-limits sign-in per address with a retry time, in Postgres", async () => {
    const from = address();
    for (let i = 0; i < 3; i++) await enforceRateLimit(request("POST", "/api/auth/signin", from), "signin");
    await expect(enforceRateLimit(request("POST", "/api/auth/signin", from), "signin")).rejects.toMatchObject({
      code: "rate_limited",
      retryAfterSeconds: expect.any(Number),
    });
    await expect(enforceRateLimit(request("POST", "/api/auth/signin", address()), "signin")).resolves.toBeUndefined();
  });

  it("counts concurrent attempts exactly (shared by replicas through Postgres)", async () => {
    const key = randomUUID();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => consumeRateLimit({ bucket: "test", key, limit: 10, windowSeconds: 3600, now: new Date(Date.UTC(2026, 0, 1, 0, 30)) })),
    );
    expect(outcomes.filter((o) => o.isAllowed)).toHaveLength(10);
  });
});
