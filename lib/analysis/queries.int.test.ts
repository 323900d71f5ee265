import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateDesignExampleSnapshot } from "@/lib/demo/demo-fleet";
import { normaliseSnapshot } from "@/lib/snapshots/identity";
import { ingestSnapshot } from "@/lib/snapshots/mutations";
import type { CanonicalSnapshot } from "@/lib/snapshots/schemas";
import { analyseService } from "./analyse-service";
import { BUILT_IN_IGNORE_RULES } from "./ignore-rules";
import { createIgnoreRule, updateServiceBaseline } from "./mutations";
import { compareSnapshots, getFleetSummary, getServiceDetail, getServiceTimeline, listServices } from "./queries";
import { CONFIG_PREFIX, type AnalysisHost } from "./types";

/** Renames a snapshot's services so each test works on data of its own. */
function renamed(snapshot: CanonicalSnapshot, suffix: string): CanonicalSnapshot {
  return { ...snapshot, hosts: snapshot.hosts.map((h) => ({ ...h, hostKey: `${h.hostKey}-${suffix}`, service: `${h.service}-${suffix}` })) };
}

function toAnalysisHosts(snapshot: CanonicalSnapshot): AnalysisHost[] {
  const normalised = normaliseSnapshot(snapshot);
  return snapshot.hosts.map((host) => ({
    hostKey: host.hostKey,
    service: host.service,
    environment: host.environment ?? snapshot.environment ?? "default",
    manifestHash: normalised.hosts.find((h) => h.hostKey === host.hostKey)!.manifestHash,
    components: {
      ...host.components,
      ...Object.fromEntries(Object.entries(host.config ?? {}).map(([k, v]) => [CONFIG_PREFIX + k, v])),
    },
  }));
}

/** A seeded fleet: most hosts identical, some mid-rollout, a few messy. */
function generateFleet(hostCount: number, tag: string): CanonicalSnapshot {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return {
    takenAt: "2026-04-01T00:00:00Z",
    environment: "prod",
    hosts: Array.from({ length: hostCount }, (_, i) => {
      const components: Record<string, string> = {};
      for (let c = 0; c < 40; c++) components[`pkg-${c}`] = `1.${c}.0`;
      const r = random();
      if (r < 0.2) components["pkg-1"] = "1.2.0"; // mid-rollout
      if (r > 0.97) delete components["pkg-7"]; // a few messy hosts
      if (r > 0.99) components["stray-tool"] = "0.1";
      return { hostKey: `h-${tag}-${i}`, service: `svc-${tag}-${i % 5}`, components, config: { "/etc/app.conf": r > 0.98 ? "edited" : "golden" } };
    }),
  };
}

describe("service analysis against Postgres", () => {
  it("serves DESIGN.md's three web servers: C a snowflake missing the agent, B drifting, spread 1.22×2 / 1.24×1", async () => {
    const tag = randomUUID().slice(0, 8);
    const snapshot = renamed(generateDesignExampleSnapshot(), tag);
    await ingestSnapshot({ snapshot, format: "json" });
    const service = snapshot.hosts[0]!.service;

    const detail = await getServiceDetail({ service });
    expect(detail.hostCount).toBe(3);
    expect(detail.baselineSource).toBe("majority");
    const c = snapshot.hosts.find((h) => !("monitoring-agent" in h.components))!.hostKey;
    expect(detail.snowflakes).toEqual([c]);
    const nginx = detail.components.find((x) => x.name === "nginx")!;
    expect(nginx.versions.map((v) => [v.version, v.hostCount])).toEqual([
      ["1.22", 2],
      ["1.24", 1],
    ]);
    const b = detail.hosts.find((h) => h.drift.some((d) => d.component === "nginx"))!;
    expect(b.isSnowflake).toBe(false);
    expect(b.drift.filter((d) => !d.ignored).map((d) => d.component)).toEqual(expect.arrayContaining(["nginx", "node"]));
    expect(b.drift.find((d) => d.component === "nginx")?.since).toBe(snapshot.takenAt ? new Date(snapshot.takenAt).toISOString() : expect.any(String));

    const listed = (await listServices()).find((s) => s.name === service)!;
    expect(listed).toMatchObject({ hostCount: 3, snowflakeCount: 1, driftedHostCount: detail.driftedHostCount });
  });

  it("switching to a declared baseline changes the drift", async () => {
    const tag = randomUUID().slice(0, 8);
    const snapshot = renamed(generateDesignExampleSnapshot(), tag);
    await ingestSnapshot({ snapshot, format: "json" });
    const service = snapshot.hosts[0]!.service;
    const before = await getServiceDetail({ service });
    await updateServiceBaseline(service, { source: "declared", pins: { nginx: "1.24" } });
    const after = await getServiceDetail({ service });
    expect(after.baselineSource).toBe("declared");
    expect(after.components.find((c) => c.name === "nginx")?.baseline).toBe("1.24");
    const driftingOnNginx = (d: typeof after) => d.hosts.filter((h) => h.drift.some((x) => x.component === "nginx")).length;
    expect(driftingOnNginx(before)).toBe(1);
    expect(driftingOnNginx(after)).toBe(2);
  });

  it("ignore rules keep components visible but stop them counting as drift", async () => {
    const tag = randomUUID().slice(0, 8);
    const snapshot = renamed(generateDesignExampleSnapshot(), tag);
    await ingestSnapshot({ snapshot, format: "json" });
    const service = snapshot.hosts[0]!.service;
    await createIgnoreRule({ pattern: "monitoring-*", service, reason: "agent rollout is tracked elsewhere" });
    const detail = await getServiceDetail({ service });
    expect(detail.components.find((c) => c.name === "monitoring-agent")?.ignored).toBe(true);
    expect(detail.snowflakes).toEqual([]);
  });

  it("matches the pure implementation on a fleet of a few thousand hosts", async () => {
    const tag = randomUUID().slice(0, 8);
    const fleet = generateFleet(3000, tag);
    await ingestSnapshot({ snapshot: fleet, format: "json" });
    const hosts = toAnalysisHosts(fleet);
    for (const index of [0, 3]) {
      const service = `svc-${tag}-${index}`;
      const expected = analyseService({ hosts: hosts.filter((h) => h.service === service), baselineSource: "majority", ignoreRules: BUILT_IN_IGNORE_RULES });
      const actual = await getServiceDetail({ service });
      expect(actual.hostCount).toBe(600);
      expect(actual.components).toEqual(expected.components);
      expect(actual.snowflakes.sort()).toEqual([...expected.snowflakes].sort());
      expect(actual.driftedHostCount).toBe(expected.driftedHostCount);
      expect(actual.hosts.map((h) => ({ hostKey: h.hostKey, drift: h.drift.map(({ since: _s, sinceSnapshotId: _id, ...d }) => d) }))).toEqual(
        [...expected.hosts].sort((a, b) => a.hostKey.localeCompare(b.hostKey)).map((h) => ({ hostKey: h.hostKey, drift: h.drift })),
      );
    }
  });

  it("compares snapshots and classifies replacement vs in-place change", async () => {
    const tag = randomUUID().slice(0, 8);
    const service = `web-${tag}`;
    const at = (day: number) => `2026-05-${String(day).padStart(2, "0")}T00:00:00Z`;
    const pods = (release: string, day: number) =>
      [1, 2, 3].map((i) => ({ hostKey: `${service}-${release}-${i}`, service, image: `app:${release}`, launchedAt: at(day), components: { app: release }, config: {} }));
    const first = await ingestSnapshot({ snapshot: { takenAt: at(1), source: "kubernetes", hosts: pods("1.0", 1) }, format: "json" });
    const second = await ingestSnapshot({ snapshot: { takenAt: at(8), source: "kubernetes", hosts: pods("1.1", 8) }, format: "json" });
    await ingestSnapshot({ snapshot: { takenAt: at(15), source: "kubernetes", hosts: pods("1.2", 15) }, format: "json" });

    const { changes } = await compareSnapshots({ from: first.id, to: second.id });
    expect(changes.filter((c) => c.kind === "launched")).toHaveLength(3);
    expect(changes.filter((c) => c.kind === "retired")).toHaveLength(3);
    expect((await getServiceDetail({ service })).classification.verdict).toBe("immutable");
    const timeline = await getServiceTimeline({ service });
    expect(timeline.map((e) => e.kind)).toEqual(["replacement", "replacement"]);

    const fleet = await getFleetSummary();
    expect(fleet.byVerdict.immutable).toBeGreaterThanOrEqual(1);
  });
});
