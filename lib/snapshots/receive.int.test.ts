import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { getHostManifest, getSnapshot } from "./queries";
import { receiveSnapshot } from "./receive";

const LIMITS = { maxBytes: 8 * 1024 * 1024, maxEntries: 100, maxUnpackedBytes: 16 * 1024 * 1024 };

/** A request whose body arrives in small pieces, as a slow network would deliver it. */
function streamedRequest(text: string, query = "", pieceSize = 1000): Request {
  const bytes = new TextEncoder().encode(text);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += pieceSize) controller.enqueue(bytes.slice(i, i + pieceSize));
      controller.close();
    },
  });
  return new Request(`http://localhost/api/snapshots${query}`, { method: "POST", body, duplex: "half" } as RequestInit);
}

function fleet(tag: string) {
  return {
    takenAt: "2026-07-01T00:00:00Z",
    hosts: Array.from({ length: 50 }, (_, i) => ({
      hostKey: `s-${tag}-${i}`,
      service: `svc-${tag}`,
      components: { app: i % 10 === 0 ? "2.0" : "1.0", "lib\"quoted{": "x]" },
      config: { "/etc/app.conf": "abc" },
    })),
  };
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("receiveSnapshot", () => {
  it("streams a raw JSON body and gives the same snapshot as the same file in a form", async () => {
    const document = fleet(randomUUID().slice(0, 8));
    const streamed = await receiveSnapshot(streamedRequest(JSON.stringify(document, null, 2)), LIMITS);
    expect(streamed).toMatchObject({ created: true, hostCount: 50, format: "json" });

    const form = new FormData();
    form.append("file", new Blob([JSON.stringify(document)]), "fleet.json");
    const viaForm = await receiveSnapshot(new Request("http://localhost/api/snapshots", { method: "POST", body: form }), LIMITS);
    expect(viaForm).toMatchObject({ id: streamed.id, created: false });
    const stored = await getSnapshot({ id: streamed.id });
    expect(stored?.hosts).toHaveLength(50);
  });

  it("streams NDJSON with a header line, and names the line of a bad host", async () => {
    const document = fleet(randomUUID().slice(0, 8));
    const lines = [JSON.stringify({ takenAt: document.takenAt, source: "ci" }), ...document.hosts.map((h) => JSON.stringify(h))];
    const result = await receiveSnapshot(streamedRequest(lines.join("\n"), "", 333), LIMITS);
    expect(result).toMatchObject({ created: true, hostCount: 50, format: "ndjson" });

    lines[7] = JSON.stringify({ hostKey: "bad", service: 7 });
    const error = await errorOf(receiveSnapshot(streamedRequest(lines.join("\n")), LIMITS));
    expect(error.line).toBe(8);
    expect(error.message).toContain("line 8");
  });

  it("names the JSON path of a bad host and of a duplicate host key in a streamed document", async () => {
    const document = fleet(randomUUID().slice(0, 8)) as { hosts: Array<Record<string, unknown>> };
    document.hosts[3]!.components = { app: 1 };
    const wrongType = await errorOf(receiveSnapshot(streamedRequest(JSON.stringify(document)), LIMITS));
    expect(wrongType.path).toBe("hosts[3].components.app");

    const duplicate = fleet(randomUUID().slice(0, 8)) as { hosts: Array<Record<string, unknown>> };
    duplicate.hosts[9]!.hostKey = duplicate.hosts[2]!.hostKey;
    const error = await errorOf(receiveSnapshot(streamedRequest(JSON.stringify(duplicate)), LIMITS));
    expect(error.message).toContain("hosts[9].hostKey");
    expect(error.message).toContain("hosts[2].hostKey");
  });

  it("stores hosts whose manifest text repeats exactly as reading each whole would", async () => {
    // Hosts 2 and 3 repeat host 1's manifest text (3 with config first); the others share
    // most of it but must not be taken for it: a repeated key (JSON keeps the last), an
    // escaped key, a brace inside a version, a value named like a key, no config at all.
    const tag = randomUUID().slice(0, 8);
    const host = (key: string, members: string) => `{"hostKey":"${tag}-${key}","service":"svc-${tag}",${members}}`;
    const hosts = [
      host("h1", '"components":{"a":"1","b":"2"},"config":{"/c":"x"}'),
      host("h2", '"components":{"a":"1","b":"2"},"config":{"/c":"x"}'),
      host("h3", '"config":{"/c":"x"}, "components" : {"a":"1","b":"2"}'),
      host("h4", '"components":{"a":"1","b":"2"},"config":{"/c":"x"},"components":{"a":"9"}'),
      host("h5", '"components":{"a":"1","b":"2"},"config":{"/c":"x"},"\\u0063omponents":{"a":"8"}'),
      host("h6", '"role":"config","components":{"a":"1","b":"2"},"config":{"/c":"x"}'),
      host("h7", '"components":{"a":"1","b":"}"},"config":{"/c":"x"}'),
      host("h8", '"components":{"a":"1","b":"2"}'),
    ];
    const header = '{"takenAt":"2026-07-03T00:00:00Z"}';
    for (const text of [[header, ...hosts].join("\n"), `{"takenAt":"2026-07-03T00:00:00Z","hosts":[${hosts.join(",\n")}]}`]) {
      const streamed = await receiveSnapshot(streamedRequest(text, "", 7), LIMITS);
      // The same bytes in a form are read whole, by JSON.parse: the same content, the same id.
      const form = new FormData();
      form.append("file", new Blob([text]), text.startsWith(header) ? "fleet.ndjson" : "fleet.json");
      const whole = await receiveSnapshot(new Request("http://localhost/api/snapshots", { method: "POST", body: form }), LIMITS);
      expect(whole).toMatchObject({ id: streamed.id, created: false, hostCount: 8 });
      const manifest = async (key: string) =>
        Object.fromEntries((await getHostManifest({ snapshotId: streamed.id, hostKey: `${tag}-${key}` }))!.map((c) => [c.name, c.version]));
      expect(await manifest("h3")).toEqual({ a: "1", b: "2", "config:/c": "x" });
      expect(await manifest("h4")).toEqual({ a: "9", "config:/c": "x" });
      expect(await manifest("h5")).toEqual({ a: "8", "config:/c": "x" });
      expect(await manifest("h7")).toEqual({ a: "1", b: "}", "config:/c": "x" });
      expect(await manifest("h8")).toEqual({ a: "1", b: "2" });
    }
  });

  it("hands a tool's own output to the importers", async () => {
    const pods = readFileSync(path.join(__dirname, "..", "importers", "fixtures", "kubernetes", "pods.json"), "utf8");
    const result = await receiveSnapshot(streamedRequest(pods, "?takenAt=2026-07-02T00:00:00Z", 64), LIMITS);
    expect(result.format).toBe("kubernetes");
    expect(result.hostCount).toBeGreaterThan(0);
  });

  it("refuses a streamed body above the size limit without reading it all", async () => {
    const error = await errorOf(receiveSnapshot(streamedRequest(JSON.stringify(fleet("big")) + " ".repeat(9 * 1024 * 1024)), LIMITS));
    expect(error.code).toBe("payload_too_large");
  });
});
