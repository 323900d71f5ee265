import { expect, test, type Page } from "@playwright/test";

/**
 * Writes the README's screenshots (docs/screenshots/*.png) from the demo fleet, so they show
 * what the dashboard looks like today. The overview is filtered to the demo's environment,
 * `production`, so services other tests upload elsewhere stay out of the picture.
 */
test.use({ viewport: { width: 1400, height: 900 }, colorScheme: "light", reducedMotion: "reduce" });

test.beforeEach(async ({ request }) => {
  const response = await request.post("/api/demo");
  expect(response.ok()).toBe(true);
});

/** A card of the page: the section holding the heading. */
function section(page: Page, heading: string) {
  return page.locator("section").filter({ has: page.getByRole("heading", { name: heading, exact: true }) });
}

/** Waits until no widget shows its loading skeleton any more. */
async function expectLoaded(page: Page) {
  await expect(page.getByRole("status", { name: /^Loading/ })).toHaveCount(0);
}

test("screenshot of the fleet overview", async ({ page }) => {
  await page.goto("/?environment=production");
  await expect(page.getByRole("heading", { level: 1, name: "Fleet overview" })).toBeVisible();
  for (const chart of ["Drift by service", "Version spread", "Trends", "Hybrid picture"]) {
    await expect(section(page, chart).locator("svg.recharts-surface").first()).toBeVisible();
  }
  await expect(section(page, "Migration candidates").getByRole("link", { name: "billing", exact: true })).toBeVisible();
  await expectLoaded(page);
  await page.screenshot({ path: "docs/screenshots/overview.png", fullPage: true, animations: "disabled" });
});

test("screenshot of a service page (billing)", async ({ page }) => {
  await page.goto("/services/billing?environment=production");
  await expect(page.getByRole("heading", { level: 1, name: "billing" })).toBeVisible();
  for (const chart of ["Timeline: mutations, replacements and scale events", "Instance age", "Version spread"]) {
    await expect(section(page, chart).locator("svg.recharts-surface").first()).toBeVisible();
  }
  await expect(page.getByRole("table", { name: "Drift matrix" })).toBeVisible();
  await expectLoaded(page);
  await page.screenshot({ path: "docs/screenshots/service.png", fullPage: true, animations: "disabled" });
});
