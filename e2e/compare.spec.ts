import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";

async function upload(request: APIRequestContext, snapshot: unknown): Promise<string> {
  const response = await request.post("/api/snapshots", { data: snapshot });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** A service whose host -a is replaced by -d (new nginx) while -b is patched in place. */
async function uploadReplacement(request: APIRequestContext) {
  const service = `compare-${randomUUID().slice(0, 8)}`;
  const host = (suffix: string) => `${service}-${suffix}`;
  const before = {
    takenAt: "2026-03-01T00:00:00Z",
    source: "e2e-compare",
    environment: "production",
    hosts: [
      { hostKey: host("a"), service, components: { nginx: "1.22.1", openssl: "3.0.11" } },
      { hostKey: host("b"), service, components: { nginx: "1.22.1", openssl: "3.0.11" } },
    ],
  };
  const after = {
    ...before,
    takenAt: "2026-03-02T00:00:00Z",
    hosts: [
      { hostKey: host("b"), service, components: { nginx: "1.22.1", openssl: "3.0.13" } },
      { hostKey: host("d"), service, components: { nginx: "1.26.0", openssl: "3.0.11" } },
    ],
  };
  return { service, host, from: await upload(request, before), to: await upload(request, after) };
}

test("a comparison shows each changed host, and a launched or retired host's whole manifest when asked", async ({ page, request }) => {
  const { service, host, from, to } = await uploadReplacement(request);
  await page.goto(`/compare?from=${from}&to=${to}`);

  const hosts = page.getByRole("table", { name: `Changed hosts of ${service}` });
  await expect(hosts.getByRole("list", { name: `Changes on ${host("b")}` })).toContainText("openssl 3.0.11 → 3.0.13");
  // The manifests are not part of the page: each loads when its host is opened.
  await expect(page.getByRole("list", { name: `Components of ${host("d")}` })).toHaveCount(0);

  await hosts.getByText("Runs 2 components").click();
  await expect(page.getByRole("list", { name: `Components of ${host("d")}` }).getByRole("listitem")).toHaveText(["nginx 1.26.0", "openssl 3.0.11"]);
  await hosts.getByText("Ran 2 components").click();
  await expect(page.getByRole("list", { name: `Components of ${host("a")}` }).getByRole("listitem")).toHaveText(["nginx 1.22.1", "openssl 3.0.11"]);
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
