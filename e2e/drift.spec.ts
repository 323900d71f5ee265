import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";

/**
 * DESIGN.md's three "identical" web servers, under a service name unique to this test:
 * A: nginx 1.22, node 18, agent v2 · B: nginx 1.24, node 20, agent v3 · C: nginx 1.22, node 18, no agent.
 * Staging, so the production demo fleet (and the README's screenshots of it) stay as they are.
 */
function threeWebServers() {
  const service = `web-${randomUUID().slice(0, 8)}`;
  const hosts = { a: `${service}-a`, b: `${service}-b`, c: `${service}-c` };
  const json = JSON.stringify({
    takenAt: new Date().toISOString(),
    source: "ansible",
    environment: "staging",
    hosts: [
      { hostKey: hosts.a, service, role: "web", components: { nginx: "1.22.1", node: "18.19.0", "monitoring-agent": "2.4.0" } },
      { hostKey: hosts.b, service, role: "web", components: { nginx: "1.24.0", node: "20.11.1", "monitoring-agent": "3.1.0" } },
      { hostKey: hosts.c, service, role: "web", components: { nginx: "1.22.1", node: "18.19.0" } },
    ],
  });
  return { service, hosts, json };
}

/** A drift matrix cell that drifts is a button named "{component} on {host}: {status} — expected …, actual …". */
function driftCell(page: Page, component: string, host: string, detail?: string) {
  const name = detail ? `${component} on ${host}: ${detail}` : `${component} on ${host}:`;
  return page.getByRole("table", { name: "Drift matrix" }).getByRole("button", { name: new RegExp(`^${escapeRegExp(name)}`) });
}

/** A card of the page: the section holding the heading. */
function section(page: Page, heading: string) {
  return page.locator("section").filter({ has: page.getByRole("heading", { name: heading, exact: true }) });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

test("three identical web servers: the snowflake, the drift, the spread, a declared baseline and the overview chart", async ({ page }) => {
  const { service, hosts, json } = threeWebServers();

  // Upload through the browser, as a user would.
  await page.goto("/upload");
  await page.getByLabel("Choose files").setInputFiles({ name: `${service}.json`, mimeType: "application/json", buffer: Buffer.from(json) });
  await page.getByRole("button", { name: "Upload snapshot" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Snapshot stored." })).toContainText(`3 hosts in 1 service (${service})`);

  // Find the service in the list and open it.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Services" }).click();
  await page.getByRole("table", { name: "Services" }).getByRole("link", { name: service, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: service })).toBeVisible();
  const baseline = page.getByRole("radiogroup", { name: "Baseline" });
  await expect(baseline.getByRole("radio", { name: "Majority" })).toBeChecked();

  // C lacks the agent both peers run: a snowflake, with the reason. A and B are not.
  const snowflakes = section(page, "Snowflakes");
  await expect(snowflakes.getByRole("listitem").filter({ has: page.getByRole("link", { name: hosts.c }) })).toContainText(
    "missing monitoring-agent, which 2 of 2 peers run",
  );
  await expect(snowflakes.getByRole("link", { name: hosts.b })).toHaveCount(0);
  await expect(snowflakes.getByRole("link", { name: hosts.a })).toHaveCount(0);
  const matrix = page.getByRole("table", { name: "Drift matrix" });
  await expect(matrix.getByRole("rowheader", { name: `${hosts.c} (snowflake)` })).toBeVisible();
  await expect(matrix.getByRole("rowheader", { name: hosts.b, exact: true })).toBeVisible();

  // Against the majority, B drifts on nginx and node (version skew, not a snowflake); C misses the agent.
  await expect(driftCell(page, "nginx", hosts.b, "differs — expected 1.22.1, actual 1.24.0")).toBeVisible();
  await expect(driftCell(page, "node", hosts.b, "differs — expected 18.19.0, actual 20.11.1")).toBeVisible();
  await expect(driftCell(page, "monitoring-agent", hosts.c, "missing — expected")).toBeVisible();
  await expect(driftCell(page, "nginx", hosts.a)).toHaveCount(0);
  await expect(driftCell(page, "nginx", hosts.c)).toHaveCount(0);

  // The spread: nginx 1.22.1 on two hosts, 1.24.0 on one; node likewise.
  const spread = page.getByRole("table", { name: "Versions per component" });
  await expect(spread.getByRole("button", { name: "Pin nginx at 1.22.1 (2 hosts)" })).toBeVisible();
  await expect(spread.getByRole("button", { name: "Pin nginx at 1.24.0 (1 host)" })).toBeVisible();
  await expect(spread.getByRole("button", { name: "Pin node at 18.19.0 (2 hosts)" })).toBeVisible();
  await expect(spread.getByRole("button", { name: "Pin node at 20.11.1 (1 host)" })).toBeVisible();

  // Declare nginx 1.24.0 the golden version: now A and C drift on nginx, and B no longer does.
  await spread.getByRole("button", { name: "Pin nginx at 1.24.0 (1 host)" }).click();
  const dialog = page.getByRole("dialog", { name: "Pin nginx at 1.24.0?" });
  await dialog.getByRole("button", { name: "Pin version" }).click();
  await expect(dialog).toBeHidden();
  await expect(baseline.getByRole("radio", { name: "Declared" })).toBeChecked();
  await expect(page).toHaveURL(/[?&]baseline=declared\b/);
  await expect(driftCell(page, "nginx", hosts.a, "differs — expected 1.24.0, actual 1.22.1")).toBeVisible();
  await expect(driftCell(page, "nginx", hosts.c, "differs — expected 1.24.0, actual 1.22.1")).toBeVisible();
  await expect(driftCell(page, "nginx", hosts.b)).toHaveCount(0);
  // Unpinned components keep the majority as their baseline.
  await expect(driftCell(page, "node", hosts.b, "differs — expected 18.19.0, actual 20.11.1")).toBeVisible();
  await expect(spread.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^nginx/ }) })).toContainText("pinned");

  // Switching the source back and forth recomputes the drift.
  await baseline.getByRole("radio", { name: "Majority" }).check();
  await expect(driftCell(page, "nginx", hosts.b, "differs — expected 1.22.1, actual 1.24.0")).toBeVisible();
  await expect(driftCell(page, "nginx", hosts.a)).toHaveCount(0);
  await baseline.getByRole("radio", { name: "Declared" }).check();
  await expect(driftCell(page, "nginx", hosts.a, "differs — expected 1.24.0, actual 1.22.1")).toBeVisible();

  // The overview draws the drift chart, and its table lists the service: 3 drifted, 1 snowflake.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Fleet overview" })).toBeVisible();
  const driftCard = section(page, "Drift by service");
  await expect(driftCard.locator("svg.recharts-surface").first()).toBeVisible();
  await driftCard.getByText("Show as a table").click();
  const row = driftCard
    .getByRole("table", { name: "Drift by service" })
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: new RegExp(`^${escapeRegExp(service)}\\b`) }) });
  await expect(row.getByRole("cell")).toHaveText([new RegExp(`^${escapeRegExp(service)}`), "3", "0", "1"]);
});
