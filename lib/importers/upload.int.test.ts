import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET as getSnapshot } from "@/app/api/snapshots/[id]/route";
import { POST as postSnapshot } from "@/app/api/snapshots/route";
import { canonicalParser } from "@/lib/snapshots/import";
import { getHostManifest } from "@/lib/snapshots/queries";
import { CONFIG_PREFIX } from "@/lib/analysis/types";
import { importFiles } from "./index";

const FIXTURES = path.join(__dirname, "fixtures");

/** Every fixture file, one upload each (a fact-cache folder is uploaded as its several files). */
function fixtureUploads(): Array<{ format: string; name: string; files: Array<{ name: string; text: string }> }> {
  return readdirSync(FIXTURES).flatMap((format) =>
    readdirSync(path.join(FIXTURES, format)).map((entry) => {
      const full = path.join(FIXTURES, format, entry);
      const names = statSync(full).isDirectory() ? readdirSync(full).map((n) => path.join(entry, n)) : [entry];
      return { format, name: entry, files: names.map((n) => ({ name: path.basename(n), text: readFileSync(path.join(FIXTURES, format, n), "utf8") })) };
    }),
  );
}

function multipart(files: Array<{ name: string; text: string }>): Request {
  const form = new FormData();
  for (const file of files) form.append("file", new Blob([file.text]), file.name);
  return new Request("http://localhost/api/snapshots?takenAt=2026-06-01T00:00:00Z", { method: "POST", body: form });
}

/** What Next.js hands a route without dynamic segments. */
const NO_PARAMS = { params: Promise.resolve({}) };

describe("uploading each tool's real-shaped output through POST /api/snapshots", () => {
  for (const upload of fixtureUploads()) {
    it(`${upload.format}: ${upload.name}`, async () => {
      const expected = importFiles(upload.files, { takenAt: "2026-06-01T00:00:00Z" }, { canonical: canonicalParser });
      const response = await postSnapshot(multipart(upload.files), NO_PARAMS);
      const body = await response.json();
      expect([200, 201]).toContain(response.status);
      expect(body.format).toBe(upload.format);
      expect(body.hostCount).toBe(expected.snapshot.hosts.length);
      expect(body.services).toEqual([...new Set(expected.snapshot.hosts.map((h) => h.service))].sort());
      expect(body.skipped).toEqual(expected.skipped);

      const stored = await (await getSnapshot(new Request("http://localhost"), { params: Promise.resolve({ id: body.id }) })).json();
      expect(stored.hosts.map((h: { hostKey: string }) => h.hostKey).sort()).toEqual(expected.snapshot.hosts.map((h) => h.hostKey).sort());
      for (const host of expected.snapshot.hosts.slice(0, 3)) {
        const components = await getHostManifest({ snapshotId: body.id, hostKey: host.hostKey });
        const want = { ...host.components, ...Object.fromEntries(Object.entries(host.config).map(([k, v]) => [CONFIG_PREFIX + k, v])) };
        expect(Object.fromEntries(components!.map((c) => [c.name, c.version]))).toEqual(want);
      }
    });
  }

  it("merges cloud inventory with package versions of the same VMs", async () => {
    const read = (format: string, name: string) => ({ name, text: readFileSync(path.join(FIXTURES, format, name), "utf8") });
    const files = [read("aws-ec2", "describe-instances.json"), read("osquery", "osqueryd.results.log")];
    const response = await postSnapshot(multipart(files), NO_PARAMS);
    expect(response.status).toBeLessThan(300);
    const body = await response.json();
    expect(body.format).toBe("aws-ec2+osquery");
    const expected = importFiles(files, { takenAt: "2026-06-01T00:00:00Z" }, { canonical: canonicalParser });
    expect(body.hostCount).toBe(expected.snapshot.hosts.length);
  });

  it("a recognisable but broken file names the tool and the path", async () => {
    const pods = JSON.parse(readFileSync(path.join(FIXTURES, "kubernetes", "pods.json"), "utf8"));
    pods.items[0].metadata.uid = 42;
    const response = await postSnapshot(multipart([{ name: "pods.json", text: JSON.stringify(pods) }]), NO_PARAMS);
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/kubernetes.*items\[0\]\.metadata\.uid/);
  });
});
