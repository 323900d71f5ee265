import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { uploadSnapshot } from "./support/fleets";

/**
 * DESIGN.md's three web servers under a name unique to one test: web-b drifts (nginx, node),
 * web-c lacks the monitoring agent its peers run (a snowflake).
 */
function uniqueFleet(takenAt = new Date().toISOString()) {
  const service = `share-${randomUUID().slice(0, 8)}`;
  const host = (suffix: string) => `${service}-${suffix}`;
  return {
    service,
    hosts: { drifted: host("b"), snowflake: host("c") },
    snapshot: {
      takenAt,
      source: "e2e",
      environment: "production",
      hosts: [
        { hostKey: host("a"), service, components: { nginx: "1.22.1", node: "18.19.0", "monitoring-agent": "3.1" } },
        { hostKey: host("b"), service, components: { nginx: "1.24.0", node: "20.11.1", "monitoring-agent": "3.1" } },
        { hostKey: host("c"), service, components: { nginx: "1.22.1", node: "18.19.0" } },
      ],
    },
  };
}

test("a user shares a service from its page; a stranger opens the link, sees the report and its chart, downloads the CSV; revoked, it is a 404", async ({
  page,
  browser,
  request,
}) => {
  const fleet = uniqueFleet();
  await uploadSnapshot(request, fleet.snapshot);
  const title = `Drift of ${fleet.service} for the audit`;

  await page.goto(`/services/${fleet.service}?environment=production`);
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Share a drift report" });
  // Prefilled from the page it was opened on.
  await expect(dialog.getByLabel("Chosen services")).toBeChecked();
  await expect(dialog.getByLabel("Services", { exact: true })).toHaveValue(fleet.service);
  await expect(dialog.getByLabel(/^Environment/)).toHaveValue("production");
  await dialog.getByLabel("Title").fill(title);
  await dialog.getByLabel("Link expires").selectOption("7");
  await dialog.getByRole("button", { name: "Create link" }).click();

  const shared = page.getByRole("dialog", { name: "Report shared" });
  const url = await shared.getByLabel("Report link").inputValue();
  expect(url).toMatch(/^http:\/\/[^/]+\/r\/[A-Za-z0-9_-]{43}$/);
  await expect(shared).toContainText("The link expires");
  await shared.getByRole("button", { name: "Done" }).click();

  // A fresh browser context: no cookies, no session, no history with the dashboard.
  const stranger = await browser.newContext();
  const reader = await stranger.newPage();
  const opened = await reader.goto(url);
  expect(opened?.status()).toBe(200);
  const headers = opened!.headers();
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["x-robots-tag"]).toBe("noindex");
  expect(headers["cache-control"]).toBe("private, no-store");

  await expect(reader.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(reader.getByRole("navigation")).toHaveCount(0);
  await expect(reader.getByRole("heading", { name: new RegExp(`^${fleet.service}`) })).toBeVisible();
  const driftChart = reader.getByRole("figure", { name: "Drift by service chart" });
  await expect(driftChart.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(reader.getByRole("figure", { name: `Version spread chart of ${fleet.service}` }).locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(reader.getByRole("region", { name: "Snowflakes" })).toContainText(fleet.hosts.snowflake);
  await expect(reader.getByRole("table", { name: `Drift per host of ${fleet.service}` })).toContainText(fleet.hosts.drifted);
  // Nothing links back into the dashboard: only the report's own downloads (and the skip link).
  const hrefs = await reader.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const path = new URL(url).pathname;
  expect(hrefs.filter((href) => href !== "#main" && !href.startsWith(`${path}/`))).toEqual([]);

  const [download] = await Promise.all([reader.waitForEvent("download"), reader.getByRole("link", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.split("\r\n")[0]).toBe("service,environment,snapshot,host,component,expected,actual,since,snowflake,snowflake_reasons");
  expect(csv).toContain(`${fleet.service},production,`);
  expect(csv).toContain(`${fleet.hosts.drifted},nginx,1.22.1,1.24.0`);
  expect(csv).toContain(`${fleet.hosts.snowflake},monitoring-agent,3.1,,`);

  // Back in the dashboard: the Reports page lists it with its one view, and revokes it.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }).click();
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText(`Service ${fleet.service} in production`);
  await expect(row.getByRole("cell", { name: "1", exact: true })).toBeVisible();
  await expect(row).toContainText("active");
  // This tab created the link, so it can copy it again (only the token's hash is stored).
  await expect(row.getByRole("button", { name: "Copy link" })).toBeVisible();
  await row.getByRole("button", { name: `Revoke ${title}` }).click();
  await page.getByRole("dialog", { name: `Revoke “${title}”?` }).getByRole("button", { name: "Revoke link" }).click();
  await expect(row).toContainText("revoked");
  await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);

  const revoked = await reader.reload();
  expect(revoked?.status()).toBe(404);
  expect(revoked!.headers()["cache-control"]).toBe("private, no-store");
  await expect(reader.getByRole("heading", { name: "This report is not available" })).toBeVisible();
  await expect(reader.getByRole("heading", { name: title })).toHaveCount(0);
  expect((await stranger.request.get(`${url}/report.csv`)).status()).toBe(404);
  expect((await stranger.request.get(`${url}/report.json`)).status()).toBe(404);
  await stranger.close();
});

test("a revoked link and a link that never existed answer the same 404, page and data alike", async ({ browser, request }) => {
  const fleet = uniqueFleet();
  await uploadSnapshot(request, fleet.snapshot);
  const created = await request.post("/api/reports", { data: { title: `Revoked ${fleet.service}`, scope: { services: [fleet.service] }, expiresInDays: 1 } });
  expect(created.status(), await created.text()).toBe(201);
  const { id, url, expiresAt } = (await created.json()) as { id: string; url: string; expiresAt: string };
  expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());
  const listed = (await (await request.get("/api/reports")).json()) as { reports: Array<Record<string, unknown>> };
  const entry = listed.reports.find((r) => r.id === id);
  expect(entry).toMatchObject({ title: `Revoked ${fleet.service}`, viewCount: 0, revokedAt: null });
  expect(JSON.stringify(listed)).not.toContain(new URL(url).pathname.slice(3));
  expect((await request.delete(`/api/reports/${id}`)).status()).toBe(204);

  const never = new URL(url);
  never.pathname = `/r/${"A".repeat(43)}`;
  const context = await browser.newContext();
  const page = await context.newPage();
  const texts: string[] = [];
  for (const link of [url, never.toString()]) {
    const response = await page.goto(link);
    expect(response?.status()).toBe(404);
    texts.push(await page.locator("main").innerText());
    for (const file of ["report.json", "report.csv", "opengraph-image"]) {
      const answer = await context.request.get(`${link}/${file}`);
      expect(answer.status()).toBe(404);
      expect(await answer.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });
    }
  }
  expect(texts[0]).toBe(texts[1]);
  await context.close();
});

test("a comparison is shared from the compare page with both snapshots prefilled", async ({ page, browser, request }) => {
  const fleet = uniqueFleet("2026-02-01T00:00:00Z");
  const from = await uploadSnapshot(request, fleet.snapshot);
  const patched = {
    ...fleet.snapshot,
    takenAt: "2026-02-08T00:00:00Z",
    hosts: fleet.snapshot.hosts.map((h) => ({ ...h, components: { ...h.components, nginx: "1.26.0" } })),
  };
  const to = await uploadSnapshot(request, patched);

  await page.goto(`/compare?from=${from}&to=${to}`);
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Share a drift report" });
  await expect(dialog.getByLabel("A comparison of two snapshots")).toBeChecked();
  await expect(dialog.getByLabel("From snapshot")).toHaveValue(from);
  await expect(dialog.getByLabel("To snapshot")).toHaveValue(to);
  await dialog.getByLabel("Link expires").selectOption("never");
  await dialog.getByRole("button", { name: "Create link" }).click();
  const url = await page.getByRole("dialog", { name: "Report shared" }).getByLabel("Report link").inputValue();

  const stranger = await browser.newContext();
  const reader = await stranger.newPage();
  await reader.goto(url);
  await expect(reader.getByRole("heading", { level: 1, name: "Snapshot comparison" })).toBeVisible();
  await expect(reader.getByRole("figure", { name: "Changes by service chart" }).locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(reader.getByRole("table", { name: `Host changes of ${fleet.service}` })).toContainText("1.22.1 → 1.26.0");
  await expect(reader.getByText("does not expire")).toBeVisible();
  await stranger.close();
});
