import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hostSchema, snapshotHeaderSchema, snapshotSchema } from "@/lib/snapshots/schemas";
import { advanceFleet, countDistinctManifests, createFleet, LARGE_SERVICE, writeFleetFile } from "./fleet";

const dir = mkdtempSync(path.join(os.tmpdir(), "driftboard-bench-fleet-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("createFleet", () => {
  it("gives the same bytes for the same seed and different bytes for another", () => {
    const a = writeFleetFile(createFleet({ hosts: 300, components: 40, seed: 7 }), path.join(dir, "a.ndjson"), "ndjson");
    const b = writeFleetFile(createFleet({ hosts: 300, components: 40, seed: 7 }), path.join(dir, "b.ndjson"), "ndjson");
    const c = writeFleetFile(createFleet({ hosts: 300, components: 40, seed: 8 }), path.join(dir, "c.ndjson"), "ndjson");
    expect(readFileSync(a.path, "utf8")).toBe(readFileSync(b.path, "utf8"));
    expect(readFileSync(a.path, "utf8")).not.toBe(readFileSync(c.path, "utf8"));
  });

  it("has the requested hosts, about `components` entries each, and a skewed set of services", () => {
    const fleet = createFleet({ hosts: 2_000, components: 200, seed: 1 });
    expect(fleet.hosts).toHaveLength(2_000);
    expect(new Set(fleet.hosts.map((h) => h.hostKey)).size).toBe(2_000);
    expect(fleet.hosts.filter((h) => fleet.services[h.service]!.name === LARGE_SERVICE)).toHaveLength(500);
    const kinds = new Set(fleet.services.map((s) => s.kind));
    expect(kinds).toEqual(new Set(["immutable", "rollout", "mixed", "mutable"]));
    // Content addressing pays off: far fewer distinct manifests than hosts.
    expect(countDistinctManifests(fleet)).toBeLessThan(fleet.hosts.length / 5);
    const csv = writeFleetFile(fleet, path.join(dir, "fleet.csv"), "csv");
    expect(Math.abs(csv.pairs - 2_000 * 200)).toBeLessThan(2_000);
  });
});

describe("writeFleetFile", () => {
  const fleet = createFleet({ hosts: 200, components: 30, seed: 3 });

  it("writes a canonical JSON document the API's schema accepts", () => {
    const file = writeFleetFile(fleet, path.join(dir, "s.json"), "json");
    const parsed = snapshotSchema.safeParse(JSON.parse(readFileSync(file.path, "utf8")));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.hosts).toHaveLength(200);
  });

  it("writes NDJSON as a header line and one valid host per line", () => {
    const file = writeFleetFile(fleet, path.join(dir, "s.ndjson"), "ndjson");
    const [header, ...hosts] = readFileSync(file.path, "utf8").trimEnd().split("\n");
    expect(snapshotHeaderSchema.safeParse(JSON.parse(header!)).success).toBe(true);
    expect(hosts).toHaveLength(200);
    for (const line of hosts) expect(hostSchema.safeParse(JSON.parse(line)).success).toBe(true);
  });

  it("writes the flat CSV of the \\copy reference with one row per host and component", () => {
    const file = writeFleetFile(fleet, path.join(dir, "s.csv"), "csv");
    const rows = readFileSync(file.path, "utf8").trimEnd().split("\n");
    expect(rows).toHaveLength(file.pairs);
    expect(rows.every((row) => row.split(",").length === 4)).toBe(true);
  });
});

describe("advanceFleet", () => {
  it("changes exactly 5% of hosts an hour later, by replacement and in-place mutation", () => {
    const fleet = createFleet({ hosts: 2_000, components: 50, seed: 2 });
    const before = new Map(fleet.hosts.map((h) => [h.hostKey, { ...h }]));
    const takenAt = fleet.takenAt;
    expect(advanceFleet(fleet)).toBe(100);
    expect(Date.parse(fleet.takenAt) - Date.parse(takenAt)).toBe(3_600_000);
    expect(fleet.hosts).toHaveLength(2_000);
    const replaced = fleet.hosts.filter((h) => !before.has(h.hostKey)).length;
    const mutated = fleet.hosts.filter((h) => {
      const old = before.get(h.hostKey);
      return old && (old.release !== h.release || old.hotfix !== h.hotfix);
    }).length;
    expect(replaced + mutated).toBe(100);
    expect(replaced).toBeGreaterThan(0);
  });
});
