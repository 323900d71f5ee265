import { expect, test } from "@playwright/test";

// The main e2e server runs without a password: open mode, said plainly on every page.

test("open mode shows its banner on every page and needs no sign-in", async ({ page }) => {
  for (const path of ["/", "/snapshots", "/upload", "/settings"]) {
    await page.goto(path);
    await expect(page.getByRole("note", { name: "Open mode" })).toHaveText(
      "Open mode: anyone who can reach this server can read and change it. Set DRIFTBOARD_ADMIN_PASSWORD to require sign-in.",
    );
  }
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  await page.goto("/signin");
  await expect(page.getByText("there is nothing to sign in to")).toBeVisible();
});

test("pages hydrate under the nonce-based Content-Security-Policy, with no violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/upload");
  const csp = response!.headers()["content-security-policy"]!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-eval");
  // A client-side interaction only works once React has hydrated.
  await page.getByLabel("Choose files").setInputFiles({ name: "a.json", mimeType: "application/json", buffer: Buffer.from("{}") });
  await expect(page.getByRole("list", { name: "Chosen files" })).toContainText("a.json");
  for (const path of ["/", "/services", "/snapshots", "/compare", "/settings"]) await page.goto(path);
  expect(violations).toEqual([]);
});

test("cross-site writes are refused even in open mode; scripts without browser headers are not", async ({ request }) => {
  const body = JSON.stringify({ hosts: [{ hostKey: "csrf-probe", service: "csrf-probe" }] });
  const crossSite = await request.post("/api/snapshots", { data: body, headers: { origin: "https://evil.example" } });
  expect(crossSite.status()).toBe(403);
  expect((await request.post("/api/snapshots", { data: body })).status()).toBeLessThan(300);
});

test("API tokens still work in open mode: a read token may not upload", async ({ request }) => {
  const created = await request.post("/api/tokens", { data: { name: "open-mode-read", scope: "read" } });
  expect(created.status()).toBe(201);
  const { token, id } = (await created.json()) as { token: string; id: string };
  const headers = { authorization: `Bearer ${token}` };
  expect((await request.get("/api/snapshots", { headers })).status()).toBe(200);
  expect((await request.post("/api/snapshots", { data: "{}", headers })).status()).toBe(403);
  expect((await request.get("/api/snapshots", { headers: { authorization: "Bearer dbt_wrong" } })).status()).toBe(401);
  expect((await request.delete(`/api/tokens/${id}`)).status()).toBe(204);
});
