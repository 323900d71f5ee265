import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { isPublicPath } from "../lib/auth/access";
import { AUTH_BASE_URL, E2E_ADMIN_PASSWORD, E2E_ENV_TOKEN, E2E_SIGNIN_RATE_LIMIT } from "./support/servers";

// Access control against the server started with an admin password (playwright.config.ts).
test.use({ baseURL: AUTH_BASE_URL });

const asAdmin = { authorization: `Bearer ${E2E_ENV_TOKEN}` };

function uniqueFleet() {
  const service = `auth-${randomUUID().slice(0, 8)}`;
  return {
    service,
    json: JSON.stringify({
      takenAt: new Date().toISOString(),
      source: "e2e-auth",
      hosts: [
        { hostKey: `${service}-1`, service, components: { nginx: "1.24.0" } },
        { hostKey: `${service}-2`, service, components: { nginx: "1.22.1" } },
      ],
    }),
  };
}

async function signIn(page: Page, password = E2E_ADMIN_PASSWORD) {
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A request as some other client address, so rate-limit tests do not lock out the others. */
function fromAddress() {
  return { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250) + 1}, 10.0.0.1`, "x-test-run": randomUUID() };
}

test("a page visited without a session redirects to sign-in, and signing in returns there", async ({ page }) => {
  await page.goto("/snapshots?cursor=");
  await expect(page).toHaveURL(/\/signin\?next=%2Fsnapshots/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  // Signed out, the nav offers nothing to follow, and open mode is not claimed.
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Snapshots" })).toHaveCount(0);
  await expect(page.getByRole("note", { name: "Open mode" })).toHaveCount(0);

  await signIn(page, "not the password");
  await expect(page.locator("#signin-error")).toHaveText("Wrong password.");
  await expect(page).toHaveURL(/\/signin/);

  await signIn(page);
  await expect(page.getByRole("heading", { level: 1, name: "Snapshots" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/snapshots");

  const cookie = (await page.context().cookies()).find((c) => c.name === "driftboard_session");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });
  expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(11.9 * 3600_000); // the default 12 h
});

test("sign in, upload, sign out", async ({ page, request }) => {
  const fleet = uniqueFleet();
  await page.goto("/upload");
  await signIn(page);
  await expect(page.getByRole("heading", { name: "Upload a snapshot" })).toBeVisible();

  await page.getByLabel("Choose files").setInputFiles({ name: `${fleet.service}.json`, mimeType: "application/json", buffer: Buffer.from(fleet.json) });
  await page.getByRole("button", { name: "Upload snapshot" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Snapshot stored." })).toContainText(fleet.service);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  expect((await page.context().cookies()).some((c) => c.name === "driftboard_session")).toBe(false);
  await page.goto("/upload");
  await expect(page).toHaveURL(/\/signin\?next=%2Fupload/);

  // Without a session or token the API refuses to change anything.
  const anonymous = await request.post("/api/snapshots", { data: uniqueFleet().json });
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error.code).toBe("unauthorized");
});

test("an expired or forged session sends the user back to sign-in with a note", async ({ page }) => {
  const host = new URL(AUTH_BASE_URL).hostname;
  await page.context().addCookies([{ name: "driftboard_session", value: "v1.1.2.forged.AAAA", domain: host, path: "/" }]);
  await page.goto("/services");
  await expect(page).toHaveURL(/\/signin\?next=%2Fservices&expired=1/);
  await expect(page.getByRole("status")).toContainText("Your session has ended");
});

test("a shared link works without a session, and shows only its report", async ({ browser, request }) => {
  const fleet = uniqueFleet();
  expect((await request.post("/api/snapshots", { data: fleet.json, headers: asAdmin })).status()).toBe(201);
  const created = await request.post("/api/reports", { data: { title: `Drift of ${fleet.service}`, scope: { services: [fleet.service] } }, headers: asAdmin });
  expect(created.status(), await created.text()).toBe(201);
  const { url } = (await created.json()) as { url: string };
  const path = new URL(url, AUTH_BASE_URL).pathname;

  const stranger = await browser.newContext({ baseURL: AUTH_BASE_URL });
  const page = await stranger.newPage();
  await page.goto(path);
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Drift of ${fleet.service}`);
  expect((await stranger.request.get(`${path}/report.json`)).status()).toBe(200);
  // …but nothing else.
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
  expect((await stranger.request.get("/api/reports")).status()).toBe(401);
  await stranger.close();
});

test("API tokens: created on Settings and shown once, scoped, last use recorded, revoked", async ({ page, playwright }) => {
  const tag = randomUUID().slice(0, 8);
  await page.goto("/settings");
  await signIn(page);
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();

  async function createToken(name: string, scope: "read" | "upload"): Promise<string> {
    await page.getByLabel("Token name").fill(name);
    await page.getByLabel("Scope").selectOption(scope);
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByRole("status")).toContainText(`Token “${name}” created`);
    const token = await page.getByRole("textbox", { name: "New API token" }).inputValue();
    expect(token).toMatch(/^dbt_/);
    return token;
  }
  const uploadToken = await createToken(`ci-upload-${tag}`, "upload");
  const readToken = await createToken(`ci-read-${tag}`, "read");
  // Shown once: after a reload only the hint is left.
  await page.reload();
  await expect(page.getByRole("textbox", { name: "New API token" })).toHaveCount(0);
  await expect(page.getByRole("table", { name: "API tokens" })).not.toContainText(uploadToken);

  const machine: APIRequestContext = await playwright.request.newContext({ baseURL: AUTH_BASE_URL });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const upload = await machine.post("/api/snapshots", { data: uniqueFleet().json, headers: bearer(uploadToken) });
  expect(upload.status()).toBe(201);
  expect((await machine.get("/api/snapshots", { headers: bearer(uploadToken) })).status()).toBe(200);
  expect((await machine.get("/api/snapshots", { headers: bearer(readToken) })).status()).toBe(200);
  const readUpload = await machine.post("/api/snapshots", { data: uniqueFleet().json, headers: bearer(readToken) });
  expect(readUpload.status()).toBe(403);
  expect((await readUpload.json()).error.message).toContain("read-scoped token");
  // An upload token uploads; it does not administer.
  expect((await machine.post("/api/ignore-rules", { data: { pattern: "uptime", reason: "x" }, headers: bearer(uploadToken) })).status()).toBe(403);
  expect((await machine.post("/api/tokens", { data: { name: "minted", scope: "upload" }, headers: bearer(uploadToken) })).status()).toBe(403);

  await page.reload();
  const uploadRow = page.getByRole("row").filter({ hasText: `ci-upload-${tag}` });
  await expect(uploadRow).not.toContainText("never");

  await uploadRow.getByRole("button", { name: `Revoke ci-upload-${tag}` }).click();
  await uploadRow.getByRole("button", { name: `Confirm revoke ci-upload-${tag}` }).click();
  await expect(uploadRow).toContainText("revoked");
  const revoked = await machine.post("/api/snapshots", { data: uniqueFleet().json, headers: bearer(uploadToken) });
  expect(revoked.status()).toBe(401);
  await machine.dispose();
});

test("cross-site requests riding on a session are refused", async ({ page }) => {
  await page.goto("/signin");
  await signIn(page);
  await expect(page.getByRole("heading", { level: 1, name: "Fleet overview" })).toBeVisible();
  const api = page.context().request;
  const fleet = uniqueFleet().json;
  expect((await api.post("/api/snapshots", { data: fleet, headers: { origin: "https://evil.example" } })).status()).toBe(403);
  expect((await api.post("/api/snapshots", { data: fleet, headers: { "sec-fetch-site": "cross-site" } })).status()).toBe(403);
  // A cookie alone, with no sign of where the request came from, is not enough either.
  expect((await api.post("/api/snapshots", { data: fleet })).status()).toBe(403);
  expect((await api.post("/api/snapshots", { data: fleet, headers: { origin: AUTH_BASE_URL } })).status()).toBe(201);
});

test("sign-in is rate-limited per client address, with Retry-After", async ({ request }) => {
  const headers = fromAddress();
  let last = 0;
  for (let attempt = 0; attempt <= E2E_SIGNIN_RATE_LIMIT; attempt++) {
    last = (await request.post("/api/auth/signin", { data: { password: "guess" }, headers })).status();
    if (attempt < E2E_SIGNIN_RATE_LIMIT) expect(last).toBe(401);
  }
  const limited = await request.post("/api/auth/signin", { data: { password: E2E_ADMIN_PASSWORD }, headers });
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  // Another address is not affected.
  expect((await request.post("/api/auth/signin", { data: { password: E2E_ADMIN_PASSWORD }, headers: fromAddress() })).status()).toBe(200);
});

test("invalid API tokens are rate-limited per client address", async ({ request }) => {
  const headers = { ...fromAddress(), authorization: "Bearer dbt_not-a-real-token" };
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 40; attempt++) statuses.push((await request.get("/api/snapshots", { headers })).status());
  expect(statuses[0]).toBe(401);
  expect(statuses.at(-1)).toBe(429);
});

/**
 * Every method of every route under app/api, as a request path: dynamic segments get a sample
 * value, and the catch-all a path no route takes.
 */
function apiEndpoints(): Array<{ method: string; path: string }> {
  const root = path.join(process.cwd(), "app", "api");
  const endpoints: Array<{ method: string; path: string }> = [];
  for (const file of readdirSync(root, { recursive: true, encoding: "utf8" })) {
    if (path.basename(file) !== "route.ts") continue;
    const segments = path.dirname(file).split(path.sep).filter((segment) => segment !== ".");
    const route = `/api/${segments.map((segment) => (segment.startsWith("[[...") ? "no-such-endpoint" : segment.startsWith("[") ? "sample" : segment)).join("/")}`.replace(/\/$/, "");
    for (const [, method] of readFileSync(path.join(root, file), "utf8").matchAll(/^export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/gm)) {
      endpoints.push({ method: method!, path: route });
    }
  }
  return endpoints;
}

test("every API route refuses an anonymous request, each method of it", async ({ request }) => {
  const endpoints = apiEndpoints();
  // The walk found the routes (a renamed folder must not leave this test checking nothing).
  expect(endpoints).toContainEqual({ method: "POST", path: "/api/snapshots" });
  expect(endpoints).toContainEqual({ method: "DELETE", path: "/api/tokens/sample" });
  expect(endpoints.length).toBeGreaterThan(25);
  for (const { method, path: endpoint } of endpoints) {
    if (isPublicPath(endpoint)) continue;
    const response = await request.fetch(endpoint, { method, headers: fromAddress(), maxRedirects: 0 });
    expect(response.status(), `${method} ${endpoint}`).toBe(401);
    expect((await response.json()).error.code, `${method} ${endpoint}`).toBe("unauthorized");
  }
  // With a token, a path no route takes is a JSON 404, not an HTML page.
  const unknown = await request.get("/api/no-such-endpoint", { headers: asAdmin });
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error.code).toBe("not_found");
});

test("every page and API answer carries the security headers", async ({ request }) => {
  for (const path of ["/signin", "/api/health", "/api/snapshots", "/api/services"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], path).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
  }
  const page = await request.get("/signin");
  expect(page.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
});
