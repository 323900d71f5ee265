import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";

/** A canonical snapshot with names unique to one test, so tests never see each other's data. */
function uniqueSnapshot() {
  const tag = randomUUID().slice(0, 8);
  const service = `checkout-${tag}`;
  return {
    service,
    hostKeys: [`${service}-1`, `${service}-2`],
    json: JSON.stringify({
      takenAt: new Date().toISOString(),
      source: "e2e",
      environment: "production",
      hosts: [
        { hostKey: `${service}-1`, service, components: { nginx: "1.22.1", node: "18.19.0" } },
        { hostKey: `${service}-2`, service, components: { nginx: "1.24.0", node: "20.11.1" } },
      ],
    }),
  };
}

async function dropFile(page: Page, name: string, content: string) {
  const dataTransfer = await page.evaluateHandle(
    ({ name, content }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], name, { type: "application/json" }));
      return transfer;
    },
    { name, content },
  );
  await page.getByText("Drop inventory files here").dispatchEvent("drop", { dataTransfer });
}

test("a user uploads a snapshot through the Upload page and finds it in the list", async ({ page }) => {
  const snapshot = uniqueSnapshot();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Fleet overview" })).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Upload" }).click();
  await expect(page.getByRole("heading", { name: "Upload a snapshot" })).toBeVisible();
  await page.getByLabel("Choose files").setInputFiles({ name: `${snapshot.service}.json`, mimeType: "application/json", buffer: Buffer.from(snapshot.json) });
  await expect(page.getByRole("list", { name: "Chosen files" })).toContainText(`${snapshot.service}.json`);
  await page.getByRole("button", { name: "Upload snapshot" }).click();

  const status = page.getByRole("status").filter({ hasText: "Snapshot stored." });
  await expect(status).toContainText(`2 hosts in 1 service (${snapshot.service})`);
  await status.getByRole("link", { name: "Open the snapshot" }).click();
  await expect(page.getByRole("cell", { name: snapshot.hostKeys[0] })).toBeVisible();
  await expect(page.getByRole("cell", { name: snapshot.hostKeys[1] })).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Snapshots" }).click();
  await expect(page.getByRole("table")).toContainText(snapshot.service);
});

test("dropping the same file twice stores it once", async ({ page }) => {
  const snapshot = uniqueSnapshot();
  await page.goto("/upload");
  await dropFile(page, "fleet.json", snapshot.json);
  await page.getByRole("button", { name: "Upload snapshot" }).click();
  await expect(page.getByRole("status")).toContainText("Snapshot stored.");

  await dropFile(page, "fleet.json", snapshot.json);
  await page.getByRole("button", { name: "Upload snapshot" }).click();
  await expect(page.getByRole("status")).toContainText("uploaded before");
});

test("a broken file is rejected with the line of the error, and nothing is stored", async ({ page, request }) => {
  const broken = '{\n  "takenAt": "2026-03-01T12:00:00Z",\n  "hosts": [\n    { "hostKey": "broken-1", "service": "broken", }\n  ]\n}';
  const before = (await (await request.get("/api/snapshots?limit=500")).json()).snapshots.length;

  await page.goto("/upload");
  await page.getByLabel("Choose files").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from(broken) });
  await page.getByRole("button", { name: "Upload snapshot" }).click();

  const alert = page.getByRole("alert").filter({ hasText: "not stored" });
  await expect(alert).toContainText("The snapshot was not stored (HTTP 400)");
  await expect(alert).toContainText("line 4");
  await expect(alert).toContainText("Nothing was saved");
  const after = (await (await request.get("/api/snapshots?limit=500")).json()).snapshots.length;
  expect(after).toBe(before);
});

test("a file with a wrong type names the JSON path", async ({ page }) => {
  const wrong = JSON.stringify({ hosts: [{ hostKey: `typed-${randomUUID()}`, service: "typed", components: { nginx: 1.22 } }] });
  await page.goto("/upload");
  await page.getByLabel("Choose files").setInputFiles({ name: "wrong.json", mimeType: "application/json", buffer: Buffer.from(wrong) });
  await page.getByRole("button", { name: "Upload snapshot" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "not stored" })).toContainText("hosts[0].components.nginx");
});
