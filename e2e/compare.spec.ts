import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { uploadSnapshot } from "./support/fleets";

/**
 * Service S: host -a is replaced by -d (new nginx) while -b is patched in place. Service T:
 * host -y goes away and -z arrives on its own in service U, so neither replaced anything.
 */
async function uploadReplacement(request: APIRequestContext) {
  const service = `compare-${randomUUID().slice(0, 8)}`;
  const host = (suffix: string) => `${service}-${suffix}`;
  const scaledIn = `${service}-t`;
  const scaledOut = `${service}-u`;
  const before = {
    takenAt: "2026-03-01T00:00:00Z",
    source: "e2e-compare",
    environment: "production",
    hosts: [
      { hostKey: host("a"), service, components: { nginx: "1.22.1", openssl: "3.0.11" } },
      { hostKey: host("b"), service, components: { nginx: "1.22.1", openssl: "3.0.11" } },
      { hostKey: host("x"), service: scaledIn, components: { redis: "7.0.15" } },
      { hostKey: host("y"), service: scaledIn, components: { redis: "7.0.15" } },
    ],
  };
  const after = {
    ...before,
    takenAt: "2026-03-02T00:00:00Z",
    hosts: [
      { hostKey: host("b"), service, components: { nginx: "1.22.1", openssl: "3.0.13" } },
      { hostKey: host("d"), service, components: { nginx: "1.26.0", openssl: "3.0.11" } },
      { hostKey: host("x"), service: scaledIn, components: { redis: "7.0.15" } },
      { hostKey: host("z"), service: scaledOut, components: { node: "20.11.1", npm: "10.2.4" } },
    ],
  };
  return { service, scaledIn, scaledOut, host, from: await uploadSnapshot(request, before), to: await uploadSnapshot(request, after) };
}

test("a comparison names a replacement's hosts once, lists the others, and loads a host's whole manifest when asked", async ({ page, request }) => {
  const { service, scaledIn, scaledOut, host, from, to } = await uploadReplacement(request);
  await page.goto(`/compare?from=${from}&to=${to}`);

  const replaced = page.getByRole("region", { name: service, exact: true });
  await expect(replaced).toContainText("1 host launched with the versions above, 1 host retired.");
  await expect(replaced.getByRole("list", { name: `Launched hosts of ${service}` }).getByRole("link")).toHaveText([host("d")]);
  await expect(replaced.getByRole("list", { name: `Retired hosts of ${service}` }).getByRole("link")).toHaveText([host("a")]);
  await expect(replaced.getByRole("list", { name: `Changes on ${host("b")}` })).toContainText("openssl 3.0.11 → 3.0.13");

  // Manifests are not part of the page: each loads when its host is opened.
  const retired = page.getByRole("table", { name: `Changed hosts of ${scaledIn}` });
  await expect(page.getByRole("list", { name: `Components of ${host("y")}` })).toHaveCount(0);
  await retired.getByText("Ran 1 component").click();
  await expect(page.getByRole("list", { name: `Components of ${host("y")}` }).getByRole("listitem")).toHaveText(["redis 7.0.15"]);
  const launched = page.getByRole("table", { name: `Changed hosts of ${scaledOut}` });
  await launched.getByText("Runs 2 components").click();
  await expect(page.getByRole("list", { name: `Components of ${host("z")}` }).getByRole("listitem")).toHaveText(["node 20.11.1", "npm 10.2.4"]);
});

test("one host's manifest in one snapshot is served by the API, and a host the snapshot lacks is a 404", async ({ request }) => {
  const { host, from, to } = await uploadReplacement(request);
  const launched = await request.get(`/api/snapshots/${to}/hosts/${host("d")}`);
  expect(launched.status()).toBe(200);
  expect(await launched.json()).toEqual({
    snapshotId: to,
    hostKey: host("d"),
    components: [
      { name: "nginx", version: "1.26.0" },
      { name: "openssl", version: "3.0.11" },
    ],
  });
  const missing = await request.get(`/api/snapshots/${from}/hosts/${host("d")}`);
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error.message).toContain(host("d"));
});
