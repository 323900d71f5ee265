import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";

// The HTTP contract of /api/snapshots, over real HTTP against the production server.

function uniqueFleet(hostCount = 2) {
  const service = `api-${randomUUID().slice(0, 8)}`;
  return {
    service,
    document: {
      takenAt: new Date().toISOString(),
      source: "api-test",
      hosts: Array.from({ length: hostCount }, (_, i) => ({ hostKey: `${service}-${i}`, service, components: { app: "1.0.0" } })),
    },
  };
}

test("POST answers 201 for a new snapshot and 200 with the same id for the same content", async ({ request }) => {
  const { service, document } = uniqueFleet(3);
  const first = await request.post("/api/snapshots", { data: JSON.stringify(document) });
  expect(first.status()).toBe(201);
  const created = await first.json();
  expect(created).toMatchObject({ hostCount: 3, services: [service], format: "json" });
  expect(typeof created.id).toBe("string");

  const again = await request.post("/api/snapshots", { data: JSON.stringify(document, null, 4) });
  expect(again.status()).toBe(200);
  expect((await again.json()).id).toBe(created.id);

  const one = await request.get(`/api/snapshots/${created.id}`);
  expect(one.status()).toBe(200);
  const snapshot = await one.json();
  expect(snapshot.hosts.map((h: { hostKey: string }) => h.hostKey).sort()).toEqual([`${service}-0`, `${service}-1`, `${service}-2`]);

  const list = await (await request.get("/api/snapshots?limit=500")).json();
  expect(list.snapshots.map((s: { id: string }) => s.id)).toContain(created.id);
});

test("multipart with several file parts becomes one snapshot", async ({ request }) => {
  const tag = randomUUID().slice(0, 8);
  const web = `{"hostKey":"web-${tag}","service":"web-${tag}","components":{"nginx":"1.24"}}\n`;
  const csv = `host,service,component,version\ndb-${tag},db-${tag},postgresql,15.6\n`;
  const response = await request.post("/api/snapshots", {
    multipart: {
      file: { name: "web.ndjson", mimeType: "application/x-ndjson", buffer: Buffer.from(web) },
      environment: "staging",
    },
  });
  expect(response.status()).toBe(201);
  // Playwright's multipart option takes one value per name, so send two parts by hand.
  const boundary = `----driftboard${tag}`;
  const body = [
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="web.ndjson"\r\n\r\n${web}\r\n`,
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="db.csv"\r\n\r\n${csv}\r\n`,
    `--${boundary}\r\nContent-Disposition: form-data; name="environment"\r\n\r\nstaging\r\n`,
    `--${boundary}--\r\n`,
  ].join("");
  const both = await request.post("/api/snapshots", { headers: { "content-type": `multipart/form-data; boundary=${boundary}` }, data: body });
  expect(both.status()).toBe(201);
  const result = await both.json();
  expect(result).toMatchObject({ hostCount: 2, services: [`db-${tag}`, `web-${tag}`], format: "ndjson+csv" });
  const stored = await (await request.get(`/api/snapshots/${result.id}`)).json();
  expect(stored.hosts.every((h: { environment: string }) => h.environment === "staging")).toBe(true);
});

test("invalid input answers 400 with the path or line", async ({ request }) => {
  const wrongType = await request.post("/api/snapshots", { data: JSON.stringify({ hosts: [{ hostKey: "x", service: 7 }] }) });
  expect(wrongType.status()).toBe(400);
  expect((await wrongType.json()).error).toMatchObject({ path: "hosts[0].service", message: expect.stringContaining("hosts[0].service") });

  const badLine = await request.post("/api/snapshots", { data: '{"hostKey":"a","service":"s"}\n{"hostKey":"b","service":"s"\n' });
  expect(badLine.status()).toBe(400);
  expect((await badLine.json()).error).toMatchObject({ line: 2 });

  const empty = await request.post("/api/snapshots", { data: "" });
  expect([400, 415]).toContain(empty.status());
  expect((await empty.json()).error.message).toBeTruthy();
});

test("an unrecognised format answers 415 and an oversized upload 413", async ({ request }) => {
  const unknown = await request.post("/api/snapshots", { data: "just some words, not an inventory" });
  expect(unknown.status()).toBe(415);
  expect((await unknown.json()).error.message).toContain("supported formats");

  const huge = await request.post("/api/snapshots", { data: Buffer.alloc(3 * 1024 * 1024, 0x20) });
  expect(huge.status()).toBe(413);
  expect((await huge.json()).error.message).toContain("limit");
});

test("an unknown snapshot id answers 404", async ({ request }) => {
  const response = await request.get("/api/snapshots/does-not-exist");
  expect(response.status()).toBe(404);
});

test("the JSON Schema of the canonical format is served", async ({ request }) => {
  const response = await request.get("/schema/snapshot-v1.json");
  expect(response.status()).toBe(200);
  const schema = await response.json();
  expect(schema.properties.hosts.items.required).toEqual(expect.arrayContaining(["hostKey", "service"]));
});
