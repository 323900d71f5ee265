import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

const FIXTURES = path.join(__dirname, "..", "lib", "importers", "fixtures");

test("a kubectl pod list and an Ansible fact file dropped together are recognised and land in their services", async ({ page }) => {
  const files = [
    { name: "pods.json", content: readFileSync(path.join(FIXTURES, "kubernetes", "pods.json"), "utf8") },
    // Ansible fact-cache files have no extension: the host name is the file name.
    { name: "billing-03.prod.example.com", content: readFileSync(path.join(FIXTURES, "ansible", "fact-cache", "billing-03.prod.example.com"), "utf8") },
  ];
  await page.goto("/upload");
  const dataTransfer = await page.evaluateHandle((files) => {
    const transfer = new DataTransfer();
    for (const file of files) transfer.items.add(new File([file.content], file.name));
    return transfer;
  }, files);
  await page.getByText("Drop inventory files here").dispatchEvent("drop", { dataTransfer });
  await expect(page.getByRole("list", { name: "Chosen files" }).getByRole("listitem")).toHaveCount(2);
  // A time of our own makes this upload new even when the fixtures were uploaded before.
  await page.getByLabel("Taken at (ISO 8601)").fill(new Date().toISOString());
  await page.getByRole("button", { name: "Upload snapshot" }).click();

  const status = page.getByRole("status").filter({ hasText: "Snapshot stored." });
  await expect(status).toContainText("kubernetes+ansible");
  await expect(status).toContainText("billing");
  await expect(status).toContainText("checkout");

  await status.getByRole("link", { name: "Open the snapshot" }).click();
  await expect(page.getByRole("cell", { name: "billing-03.prod.example.com" })).toBeVisible();
  const billingRow = page.getByRole("row").filter({ hasText: "billing-03.prod.example.com" });
  await expect(billingRow.getByRole("cell").nth(1)).toHaveText("billing");
  const podRow = page.getByRole("row").filter({ hasText: "0f6a3c2e-1b4d-4e5f-8a9b-1c2d3e4f5a61" });
  await expect(podRow.getByRole("cell").nth(1)).toHaveText("checkout");
});
