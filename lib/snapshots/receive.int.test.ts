import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { getSnapshot } from "./queries";
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
