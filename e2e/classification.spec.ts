import { expect, test, type Locator, type Page } from "@playwright/test";

/**
 * The demo fleet (lib/demo/demo-fleet.ts) tells one story per service: storefront is replaced
 * on every release (immutable), billing is patched by hand (mutable, stateless: a migration
 * candidate), search-api is baked from AMIs but hotfixed in place (mixed), orders-db is a
 * database patched in place (mutable, as expected of data). Loading it is idempotent for the
 * day, so every test may load it; its services live in `production`, which the tests look at
 * on their own so other tests' uploads elsewhere do not change the figures.
 */
const ENVIRONMENT = "production";

test.beforeEach(async ({ request }) => {
  const response = await request.post("/api/demo");
  expect(response.ok()).toBe(true);
});

/** A card of the page: the section holding the heading. */
function section(page: Page, heading: string): Locator {
  return page.locator("section").filter({ has: page.getByRole("heading", { name: heading, exact: true }) });
}

/** The verdict badge's word, e.g. "immutable", in the Classification card. */
function verdictOf(page: Page, verdict: string): Locator {
  return section(page, "Classification").getByText(verdict, { exact: true }).filter({ visible: true });
}

async function openService(page: Page, name: string) {
  await page.goto(`/services/${name}?environment=${ENVIRONMENT}`);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

test("the overview shows the hybrid picture and lists billing and search-api as migration candidates", async ({ page }) => {
  await page.goto(`/?environment=${ENVIRONMENT}`);
  await expect(page.getByRole("heading", { level: 1, name: "Fleet overview" })).toBeVisible();

  const candidates = section(page, "Migration candidates");
  const billing = candidates.getByRole("listitem").filter({ has: page.getByRole("link", { name: "billing", exact: true }) });
  const searchApi = candidates.getByRole("listitem").filter({ has: page.getByRole("link", { name: "search-api", exact: true }) });
  await expect(billing).toContainText("mutable");
  await expect(billing).toContainText("Next step (1 of 5): Containerise the app");
  await expect(searchApi).toContainText("mixed");
  await expect(searchApi).toContainText("Next step (5 of 5): Stop patching in place: remove SSH access");
  for (const notACandidate of ["storefront", "checkout-api", "orders-db", "session-cache", "events-queue"]) {
    await expect(candidates.getByRole("link", { name: notACandidate, exact: true })).toHaveCount(0);
  }

  // Compute is mostly immutable (storefront, checkout-api), data is mutable as expected. Other
  // tests may add services of their own, so the figures are lower bounds.
  const hybrid = section(page, "Hybrid picture");
  const sentence = hybrid.getByText(/^Compute: \d+ of \d+ services immutable · Data: \d+ of \d+ mutable \(expected\)$/);
  await expect(sentence).toBeVisible();
  const [computeImmutable = 0, computeTotal = 0, dataMutable = 0, dataTotal = 0] = ((await sentence.textContent()) ?? "").match(/\d+/g)?.map(Number) ?? [];
  expect(computeImmutable).toBeGreaterThanOrEqual(2);
  expect(computeTotal).toBeGreaterThanOrEqual(4);
  expect(dataMutable).toBeGreaterThanOrEqual(3);
  expect(dataTotal).toBeGreaterThanOrEqual(dataMutable);
  await expect(hybrid.locator("svg.recharts-surface").first()).toBeVisible();

  await hybrid.getByText("Show as a table").click();
  const table = hybrid.getByRole("table", { name: "Services by role and verdict" });
  await expect(table.getByRole("columnheader")).toHaveText(["Role", "Immutable", "Mutable", "Mixed", "Unknown", "Total"]);
  const computeCells = table.getByRole("row").filter({ hasText: "Compute (stateless)" }).getByRole("cell");
  const dataCells = table.getByRole("row").filter({ hasText: "Data (stateful)" }).getByRole("cell");
  expect(Number(await computeCells.nth(1).textContent())).toBe(computeImmutable);
  expect(Number(await computeCells.nth(2).textContent())).toBeGreaterThanOrEqual(1); // billing
  expect(Number(await computeCells.nth(3).textContent())).toBeGreaterThanOrEqual(1); // search-api
  expect(Number(await dataCells.nth(2).textContent())).toBe(dataMutable);
});

test("storefront is immutable: its releases arrive on new pods", async ({ page }) => {
  await openService(page, "storefront");
  await expect(verdictOf(page, "immutable")).toBeVisible();
  const classification = section(page, "Classification");
  await expect(classification.getByRole("listitem").filter({ hasText: /^\d+ of \d+ version changes arrived on new hosts$/ })).toBeVisible();
  await expect(classification).toContainText("0 transitions with in-place changes (mutations)");
  await expect(page.getByText("Not a migration candidate: the service already runs immutable.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Next migration step" })).toHaveCount(0);
});

test("billing is mutable, with in-place changes as evidence and containers as the next step", async ({ page }) => {
  await openService(page, "billing");
  await expect(verdictOf(page, "mutable")).toBeVisible();
  await expect(page.getByText(/^↗ migration candidate$/)).toBeVisible();

  const evidence = section(page, "Classification").getByRole("listitem");
  await expect(evidence.filter({ hasText: /^\d+ of \d+ version changes were applied in place on running hosts$/ })).toBeVisible();
  await expect(evidence.filter({ hasText: /^host billing-0\d changed .+ in place on \d{4}-\d\d-\d\d$/ }).first()).toBeVisible();

  const migration = section(page, "Role and migration");
  await expect(migration).toContainText("stateless");
  await expect(migration.getByRole("heading", { name: "Next migration step" })).toBeVisible();
  await expect(migration).toContainText("Containerise the app");
  await expect(migration).toContainText("none of the 3 hosts reports an image id");
  await expect(migration.getByRole("list", { name: "Migration path" }).getByRole("listitem").first()).toHaveAttribute("aria-current", "step");
});

test("search-api is mixed: AMI releases replace its hosts, but a hotfix was applied in place", async ({ page }) => {
  await openService(page, "search-api");
  await expect(verdictOf(page, "mixed")).toBeVisible();
  const evidence = section(page, "Classification").getByRole("listitem");
  await expect(evidence.filter({ hasText: /^\d+ of \d+ version changes arrived on new hosts$/ })).toBeVisible();
  await expect(evidence.filter({ hasText: /^\d+ of \d+ version changes? (was|were) applied in place on running hosts$/ })).toBeVisible();
  await expect(evidence.filter({ hasText: /changed .*openssl .* in place on/ }).first()).toBeVisible();

  const migration = section(page, "Role and migration");
  await expect(migration.getByRole("heading", { name: "Next migration step" })).toBeVisible();
  await expect(migration).toContainText("Stop patching in place: remove SSH access");
});

test("orders-db is mutable and stateful: expected of a database, so not a migration candidate", async ({ page }) => {
  await openService(page, "orders-db");
  await expect(verdictOf(page, "mutable")).toBeVisible();
  const migration = section(page, "Role and migration");
  await expect(migration).toContainText("stateful");
  await expect(migration).toContainText("detected from the hosts");
  await expect(migration).toContainText("Not a migration candidate: stateful services are expected to change in place");
  await expect(page.getByText(/^↗ migration candidate$/)).toHaveCount(0);

  // The services list agrees: billing is flagged, orders-db is not.
  await page.goto(`/services?environment=${ENVIRONMENT}`);
  const services = page.getByRole("table", { name: "Services" });
  const rowOf = (name: string) => services.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
  await expect(rowOf("orders-db")).toContainText("not a candidate");
  await expect(rowOf("billing")).toContainText("migration candidate");
  await expect(rowOf("billing")).not.toContainText("not a candidate");
});
