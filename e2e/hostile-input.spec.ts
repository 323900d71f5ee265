import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import { expect, test, type APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import { buildTar, buildZip } from "../lib/testing/archives";
import { AUTH_BASE_URL, E2E_ENV_TOKEN, E2E_LIMITS } from "./support/servers";

// Hostile uploads over real HTTP against the production server: each limit answered with a
// clear 4xx, never a 500, and nothing stored. The password server has small limits
// (E2E_LIMITS); the main server renders hostile names.

const admin = { authorization: `Bearer ${E2E_ENV_TOKEN}` };

async function snapshotCount(request: APIRequestContext): Promise<number> {
  const response = await request.get(`${AUTH_BASE_URL}/api/snapshots?limit=500`, { headers: admin });
  return ((await response.json()) as { snapshots: unknown[] }).snapshots.length;
}

function fleet(hostCount: number, componentCount = 1) {
  const service = `limits-${randomUUID().slice(0, 8)}`;
  const components = Object.fromEntries(Array.from({ length: componentCount }, (_, i) => [`c${i}`, "1.0"]));
  return { hosts: Array.from({ length: hostCount }, (_, i) => ({ hostKey: `${service}-${i}`, service, components })) };
}

function multipart(name: string, body: Uint8Array | string) {
  return { file: { name, mimeType: "application/octet-stream", buffer: Buffer.from(body) } };
}

test.describe("limits over HTTP, each with a clear error and nothing stored", () => {
  test.use({ baseURL: AUTH_BASE_URL, extraHTTPHeaders: admin });

  test("every limit answers 4xx with a message, and no snapshot appears", async ({ request }) => {
    const before = await snapshotCount(request);
    const deep = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
    const cases: Array<{ label: string; send: () => Promise<import("@playwright/test").APIResponse>; status: number; message: RegExp }> = [
      { label: "upload size", send: () => request.post("/api/snapshots", { data: "x".repeat(2 * 1024 * 1024 + 10) }), status: 413, message: /larger than the limit of 2 MB/ },
      { label: "hosts (streamed JSON)", send: () => request.post("/api/snapshots", { data: JSON.stringify(fleet(51)) }), status: 413, message: /more than the limit of 50 \(set DRIFTBOARD_MAX_HOSTS/ },
      {
        label: "hosts (multipart CSV)",
        send: () => request.post("/api/snapshots", { multipart: multipart("hosts.csv", `host,service,component,version\n${Array.from({ length: 51 }, (_, i) => `h${i},s,c,1`).join("\n")}`) }),
        status: 413,
        message: /51 hosts, more than the limit of 50/,
      },
      { label: "components per host", send: () => request.post("/api/snapshots", { data: JSON.stringify(fleet(1, 101)) }), status: 413, message: /101 components and config fingerprints, more than the limit of 100/ },
      { label: "JSON depth (bare)", send: () => request.post("/api/snapshots", { data: deep(100_000) }), status: 400, message: /nested more than 32 levels/ },
      { label: "JSON depth (file)", send: () => request.post("/api/snapshots", { multipart: multipart("x.json", `{"hosts":${deep(40)}}`) }), status: 400, message: /nested more than 32 levels/ },
      { label: "string length", send: () => request.post("/api/snapshots", { data: JSON.stringify({ hosts: [{ hostKey: "h".repeat(600), service: "s" }] }) }), status: 400, message: /at most 512 characters/ },
      {
        label: "archive entries",
        send: () => request.post("/api/snapshots", { multipart: multipart("facts.tar.gz", gzipSync(buildTar(Array.from({ length: 21 }, (_, i) => ({ path: `f/${i}.json`, text: "{}" }))))) }),
        status: 413,
        message: /more than 20 entries/,
      },
      { label: "unpacked size (zip bomb)", send: () => request.post("/api/snapshots", { multipart: multipart("bomb.zip", buildZip([{ path: "a.json", text: " ".repeat(3 * 1024 * 1024) }])) }), status: 413, message: /unpacks to more than/ },
      { label: "gzip bomb", send: () => request.post("/api/snapshots", { multipart: multipart("bomb.json.gz", gzipSync(Buffer.alloc(50 * 1024 * 1024))) }), status: 413, message: /unpacks to more than/ },
      { label: "invalid UTF-8", send: () => request.post("/api/snapshots", { data: Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]) }), status: 400, message: /not UTF-8/ },
      { label: "__proto__", send: () => request.post("/api/snapshots", { data: '{"hosts":[{"hostKey":"a","service":"s","components":{"__proto__":"1"}}]}' }), status: 400, message: /"__proto__" cannot be a component name/ },
    ];
    for (const { label, send, status, message } of cases) {
      const response = await send();
      const body = (await response.json()) as { error?: { message?: string } };
      expect(response.status(), label).toBe(status);
      expect(body.error?.message, label).toMatch(message);
    }
    expect(await snapshotCount(request)).toBe(before);
    expect((await request.get("/api/health")).status()).toBe(200);
  });

  test("fuzzed bodies over HTTP: always a 4xx with a message or a stored snapshot, never a 500", async ({ request }) => {
    const bodies = fc.sample(
      fc.oneof(
        fc.uint8Array({ maxLength: 512 }),
        fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? "null")),
        fc.string({ unit: fc.constantFrom(..."{}[]\":,\\\n hostKeyservice0123".split("")), maxLength: 200 }).map((s) => Buffer.from(s)),
        fc.record({ hosts: fc.array(fc.dictionary(fc.constantFrom("hostKey", "service", "components", "__proto__"), fc.jsonValue(), { maxKeys: 4 }), { maxLength: 3 }) }).map((v) => Buffer.from(JSON.stringify(v))),
      ),
      { numRuns: 150 },
    );
    const statuses = new Map<number, number>();
    for (const [i, body] of bodies.entries()) {
      const asFile = i % 2 === 0;
      const response = asFile
        ? await request.post("/api/snapshots", { multipart: multipart(["a.json", "a.csv", "a.tar.gz", "a.zip", "upload"][i % 5]!, body) })
        : await request.post("/api/snapshots", { data: body });
      statuses.set(response.status(), (statuses.get(response.status()) ?? 0) + 1);
      expect([200, 201, 400, 413, 415], `body ${i}: ${body.subarray(0, 80).toString()}`).toContain(response.status());
      if (response.status() >= 400) expect(((await response.json()) as { error: { message: string } }).error.message.length).toBeGreaterThan(0);
    }
    console.log(`[fuzz] HTTP: ${bodies.length} bodies → ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect((await request.get("/api/health")).status()).toBe(200);
  });
});

test.describe("hostile names are shown as text everywhere", () => {
  const tag = randomUUID().slice(0, 6);
  // Markup in a service name and in host keys; the second service has a plain name so its
  // page can be opened by URL (page params arrive percent-encoded: see the report).
  const markupService = `<img src=x onerror=alert(1)>svc-${tag}`;
  const plainService = `xss-${tag}`;
  const hostKey = `<script>alert('host')</script>-${tag}`;
  const component = '=HYPERLINK("http://evil.example","x")';

  test("dashboard pages, the shared page and its preview image render markup as text; exports neutralise formulas", async ({ page, request }) => {
    const dialogs: string[] = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const document = {
      takenAt: new Date().toISOString(),
      hosts: [
        { hostKey, service: plainService, components: { [component]: "+1", nginx: "@SUM(1)" } },
        { hostKey: `-2+3-${tag}`, service: plainService, components: { [component]: "-1", nginx: "1.24" } },
        { hostKey: `<b>bold</b>-${tag}`, service: markupService, components: { nginx: "1.24" } },
      ],
    };
    const stored = await request.post("/api/snapshots", { data: JSON.stringify(document) });
    expect(stored.status()).toBe(201);
    const { id } = (await stored.json()) as { id: string };

    const pages: Array<[string, string]> = [
      ["/services", markupService],
      [`/snapshots/${id}`, hostKey],
      [`/snapshots/${id}`, markupService],
      [`/services/${plainService}`, hostKey],
    ];
    for (const [path, text] of pages) {
      await page.goto(path);
      await expect(page.getByText(text).first(), `${path} shows ${text}`).toBeVisible();
      await expect(page.locator("img[src='x'], b:text('bold')")).toHaveCount(0);
    }

    // Exports: cells that a spreadsheet would run are prefixed with a quote.
    const csv = await (await request.get(`/api/services/${plainService}/export?format=csv&table=drift`)).text();
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).toContain(`"'@SUM(1)"`);
    expect(csv).not.toMatch(/(^|,)"?[=+\-@]/m);

    // The shared page, its CSV and its preview image.
    const report = await request.post("/api/reports", { data: { title: `<b>${markupService}</b>`, scope: { services: [plainService, markupService] } } });
    expect(report.status(), await report.text()).toBe(201);
    const path = new URL(((await report.json()) as { url: string }).url, "http://x").pathname;
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`<b>${markupService}</b>`);
    await expect(page.getByText(hostKey).first()).toBeVisible();
    await expect(page.locator("img[src='x'], b:text('bold')")).toHaveCount(0);
    const preview = await request.get(`${path}/opengraph-image`);
    expect(preview.status()).toBe(200);
    expect(preview.headers()["content-type"]).toContain("image/png");
    const sharedCsv = await (await request.get(`${path}/report.csv`)).text();
    expect(sharedCsv).not.toMatch(/(^|,)"?[=+\-@]/m);
    expect(dialogs).toEqual([]);
  });
});
