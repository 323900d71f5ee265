import { describe, expect, it } from "vitest";
import { analyseService } from "@/lib/analysis/analyse-service";
import { classifyService } from "@/lib/analysis/classification";
import { BUILT_IN_IGNORE_RULES } from "@/lib/analysis/ignore-rules";
import { type AnalysisHost, CONFIG_PREFIX, type ServiceSnapshot } from "@/lib/analysis/types";
import { type CanonicalHost, type CanonicalSnapshot, snapshotSchema } from "@/lib/snapshots/schemas";
import { DEMO_ENVIRONMENT, generateDemoFleet, generateDesignExampleSnapshot } from "./demo-fleet";

const DAY_MS = 24 * 60 * 60 * 1000;
const NOW = new Date("2026-03-15T09:30:00Z");
const fleet = generateDemoFleet({ now: NOW });

/** A canonical host as the analysis sees it: config fingerprints become `config:<name>` components. */
function toAnalysisHost(host: CanonicalHost, snapshot: CanonicalSnapshot): AnalysisHost {
  const components: Record<string, string> = { ...host.components };
  for (const [name, fingerprint] of Object.entries(host.config)) components[CONFIG_PREFIX + name] = fingerprint;
  const sorted = Object.entries(components).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    hostKey: host.hostKey,
    service: host.service,
    environment: host.environment ?? snapshot.environment ?? "default",
    role: host.role ?? null,
    image: host.image ?? null,
    launchedAt: host.launchedAt ?? null,
    manifestHash: JSON.stringify(sorted),
    components,
  };
}

/** The service's hosts in every snapshot that has any, oldest first. */
function historyOf(service: string): ServiceSnapshot[] {
  return fleet
    .map((snapshot) => ({
      snapshotId: `${snapshot.takenAt} ${snapshot.source}`,
      takenAt: snapshot.takenAt ?? "",
      source: snapshot.source ?? null,
      hosts: snapshot.hosts.filter((host) => host.service === service).map((host) => toAnalysisHost(host, snapshot)),
    }))
    .filter((snapshot) => snapshot.hosts.length > 0);
}

function latestHostsOf(service: string): AnalysisHost[] {
  return historyOf(service).at(-1)?.hosts ?? [];
}

/** Consecutive pairs of a service's history. */
function transitionsOf(service: string): Array<[ServiceSnapshot, ServiceSnapshot]> {
  const history = historyOf(service);
  return history.slice(1).map((next, index) => [history[index] as ServiceSnapshot, next]);
}

function versionsOf(snapshot: ServiceSnapshot, component: string): string[] {
  return [...new Set(snapshot.hosts.map((host) => host.components[component] ?? "(none)"))].sort();
}

function keysOf(snapshot: ServiceSnapshot): string[] {
  return snapshot.hosts.map((host) => host.hostKey).sort();
}

/** A host's manifest without the volatile uptime fact. */
function stableManifest(host: AnalysisHost): string {
  const { uptime_seconds: _uptime, ...rest } = host.components;
  return JSON.stringify(Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function driftedComponents(analysis: ReturnType<typeof analyseService>, hostKey: string): string[] {
  const host = analysis.hosts.find((candidate) => candidate.hostKey === hostKey);
  return (host?.drift ?? []).filter((item) => !item.ignored).map((item) => item.component);
}

describe("generateDemoFleet", () => {
  it("is deterministic: the same day gives the same fleet, another day only moves the times", () => {
    expect(generateDemoFleet({ now: NOW })).toEqual(fleet);
    expect(generateDemoFleet({ now: new Date("2026-03-15T23:59:59Z") })).toEqual(fleet);

    const nextDay = generateDemoFleet({ now: new Date(NOW.getTime() + DAY_MS) });
    expect(nextDay.map((snapshot) => snapshot.hosts.map((host) => host.hostKey))).toEqual(
      fleet.map((snapshot) => snapshot.hosts.map((host) => host.hostKey)),
    );
    expect(Date.parse(nextDay[0]?.takenAt ?? "") - Date.parse(fleet[0]?.takenAt ?? "")).toBe(DAY_MS);
  });

  it("covers at least six services over at least four dates spanning three weeks, ending the day before now", () => {
    const services = new Set(fleet.flatMap((snapshot) => snapshot.hosts.map((host) => host.service)));
    expect([...services].sort()).toEqual([
      "billing",
      "checkout-api",
      "events-queue",
      "orders-db",
      "search-api",
      "session-cache",
      "storefront",
    ]);

    const dates = [...new Set(fleet.map((snapshot) => snapshot.takenAt?.slice(0, 10)))];
    expect(dates.length).toBeGreaterThanOrEqual(4);
    const times = fleet.map((snapshot) => Date.parse(snapshot.takenAt ?? ""));
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(21 * DAY_MS);
    expect(dates.at(-1)).toBe("2026-03-14");
    expect(times.every((time) => time < NOW.getTime())).toBe(true);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("produces snapshots the canonical schema accepts unchanged, each with takenAt, source and environment", () => {
    expect(fleet.length).toBeGreaterThanOrEqual(8);
    for (const snapshot of fleet) {
      const parsed = snapshotSchema.safeParse(snapshot);
      expect(parsed.error).toBeUndefined();
      expect(parsed.data).toEqual(snapshot);
      expect(snapshot).toMatchObject({ takenAt: expect.any(String), source: expect.any(String), environment: DEMO_ENVIRONMENT });
      const hostKeys = snapshot.hosts.map((host) => host.hostKey);
      expect(new Set(hostKeys).size).toBe(hostKeys.length);
    }
  });

  it("splits each date into a kubernetes and an ansible snapshot taken minutes apart", () => {
    const dates = [...new Set(fleet.map((snapshot) => snapshot.takenAt?.slice(0, 10)))];
    for (const date of dates) {
      const snapshots = fleet.filter((snapshot) => snapshot.takenAt?.slice(0, 10) === date);
      expect(snapshots.map((snapshot) => snapshot.source)).toEqual(["kubernetes", "ansible"]);
      const [kubernetes, ansible] = snapshots.map((snapshot) => Date.parse(snapshot.takenAt ?? ""));
      expect((ansible ?? 0) - (kubernetes ?? 0)).toBeGreaterThan(0);
      expect((ansible ?? 0) - (kubernetes ?? 0)).toBeLessThan(60 * 60 * 1000);
    }
    const kubernetesServices = new Set(fleet.filter((s) => s.source === "kubernetes").flatMap((s) => s.hosts.map((h) => h.service)));
    expect([...kubernetesServices].sort()).toEqual(["checkout-api", "storefront"]);
  });

  it("replaces every storefront pod on each release and never changes one in place", () => {
    let releases = 0;
    for (const [previous, next] of transitionsOf("storefront")) {
      expect(next.hosts).toHaveLength(6);
      const component = "registry.example.com/storefront";
      if (versionsOf(previous, component).join() !== versionsOf(next, component).join()) {
        releases++;
        const previousKeys = new Set(keysOf(previous));
        expect(keysOf(next).filter((key) => previousKeys.has(key))).toEqual([]);
        for (const pod of next.hosts) expect(Date.parse(pod.launchedAt ?? "")).toBeGreaterThan(Date.parse(previous.takenAt));
        expect(versionsOf(next, "node")).not.toEqual(versionsOf(previous, "node"));
      } else {
        // Between releases the same pods run, exactly as they were launched.
        expect(next.hosts).toEqual(previous.hosts);
      }
    }
    expect(releases).toBe(3);

    for (const pod of latestHostsOf("storefront")) {
      expect(pod.hostKey).toMatch(/^storefront-[b-z2-9]{9}-[b-z2-9]{5}$/);
      expect(pod.image).toMatch(/^registry\.example\.com\/storefront:1\.5\.0@sha256:[0-9a-f]{64}$/);
      expect(pod.components).toMatchObject({ "registry.example.com/storefront": "1.5.0", node: "20.12.2" });
    }
  });

  it("scales checkout-api out once: the pods stay, more join with the same image and versions", () => {
    const scaleOuts = transitionsOf("checkout-api").filter(([previous, next]) => next.hosts.length > previous.hosts.length);
    expect(scaleOuts).toHaveLength(1);
    const [previous, next] = scaleOuts[0] ?? [];
    if (!previous || !next) throw new Error("no scale-out");

    expect([previous.hosts.length, next.hosts.length]).toEqual([4, 8]);
    expect(next.hosts.slice(0, 4)).toEqual(previous.hosts);
    expect(new Set(next.hosts.map((pod) => pod.image)).size).toBe(1);
    expect(new Set(next.hosts.map((pod) => pod.manifestHash)).size).toBe(1);
    // Same ReplicaSet: every pod name shares the pod-template hash.
    expect(new Set(next.hosts.map((pod) => pod.hostKey.split("-").at(-2))).size).toBe(1);
  });

  it("keeps the billing VMs for months and patches them in place, each at its own times", () => {
    const history = historyOf("billing");
    const first = history[0];
    if (!first) throw new Error("no billing history");
    for (const snapshot of history) {
      expect(keysOf(snapshot)).toEqual(["billing-01", "billing-02", "billing-03"]);
      for (const host of snapshot.hosts) {
        expect(host.image).toBeNull();
        expect(host.launchedAt).toBe(first.hosts.find((h) => h.hostKey === host.hostKey)?.launchedAt);
        expect(Date.parse(first.takenAt) - Date.parse(host.launchedAt ?? "")).toBeGreaterThan(90 * DAY_MS);
      }
    }

    const patchDates = (hostKey: string) =>
      transitionsOf("billing")
        .filter(([previous, next]) => {
          const before = previous.hosts.find((host) => host.hostKey === hostKey);
          const after = next.hosts.find((host) => host.hostKey === hostKey);
          return before && after && stableManifest(before) !== stableManifest(after);
        })
        .map(([, next]) => next.takenAt.slice(0, 10));
    const [a, b, c] = ["billing-01", "billing-02", "billing-03"].map(patchDates);
    expect(a?.length).toBeGreaterThanOrEqual(2);
    expect(new Set([a?.join(), b?.join(), c?.join()]).size).toBe(3);

    const latest = latestHostsOf("billing");
    expect(latest.map((host) => [host.components.nginx, host.components.nodejs, host.components["datadog-agent"] ?? null])).toEqual([
      ["1.22.1-1~jammy", "18.19.0-1nodesource1", "1:6.53.0-1"],
      ["1.24.0-1~jammy", "20.11.1-1nodesource1", "1:7.52.1-1"],
      ["1.22.1-1~jammy", "18.19.0-1nodesource1", null],
    ]);
  });

  it("lets billing drift until billing-03, without the agent, is a snowflake", () => {
    const analysis = analyseService({ hosts: latestHostsOf("billing"), baselineSource: "majority", ignoreRules: BUILT_IN_IGNORE_RULES });

    expect(analysis.snowflakes).toEqual(["billing-03"]);
    expect(analysis.hosts.find((host) => host.hostKey === "billing-03")?.snowflakeReasons).toEqual([
      "config:/etc/nginx/nginx.conf fingerprint 2e4f35a2… shared by no peer",
      "missing datadog-agent, which 2 of 2 peers run",
    ]);
    expect(analysis.driftedHostCount).toBe(3);
    expect(driftedComponents(analysis, "billing-01")).toEqual(["datadog-agent"]);
    expect(driftedComponents(analysis, "billing-02")).toEqual(["nginx", "nodejs"]);
    expect(driftedComponents(analysis, "billing-03")).toEqual(["config:/etc/nginx/nginx.conf", "datadog-agent", "kernel"]);
  });

  it("hotfixes search-api in place once, between releases that replace every instance", () => {
    let hotfixes = 0;
    let releases = 0;
    for (const [previous, next] of transitionsOf("search-api")) {
      const previousByKey = new Map(previous.hosts.map((host) => [host.hostKey, host]));
      const persisting = next.hosts.filter((host) => previousByKey.has(host.hostKey));
      if (persisting.length === 0) {
        releases++;
        continue;
      }
      expect(persisting).toHaveLength(next.hosts.length);
      const changed = persisting.filter((host) => previousByKey.get(host.hostKey)?.manifestHash !== host.manifestHash);
      if (changed.length === 0) continue;
      hotfixes++;
      for (const host of changed) {
        const before = previousByKey.get(host.hostKey);
        expect(host.image).toBe(before?.image);
        expect(host.launchedAt).toBe(before?.launchedAt);
        expect([before?.components.openssl, host.components.openssl]).toEqual(["3.0.2-0ubuntu1.12", "3.0.2-0ubuntu1.15"]);
      }
    }
    expect([hotfixes, releases]).toEqual([1, 2]);
    expect(latestHostsOf("search-api").every((host) => /^i-0[0-9a-f]{16}$/.test(host.hostKey) && /^ami-0[0-9a-f]{16}$/.test(host.image ?? ""))).toBe(true);
  });

  it("patches the data services in place, with their roles", () => {
    const roles = { "orders-db": "database", "session-cache": "cache", "events-queue": "queue" };
    for (const [service, role] of Object.entries(roles)) {
      const history = historyOf(service);
      expect(new Set(history.map((snapshot) => keysOf(snapshot).join())).size).toBe(1);
      expect(history.every((snapshot) => snapshot.hosts.every((host) => host.role === role && host.image === null))).toBe(true);
    }
    const ordersDb = historyOf("orders-db");
    expect(ordersDb[0] && versionsOf(ordersDb[0], "postgresql-15")).toEqual(["15.5-1.pgdg22.04+1"]);
    expect(ordersDb.at(-1) && versionsOf(ordersDb.at(-1) as ServiceSnapshot, "postgresql-15")).toEqual(["15.6-1.pgdg22.04+1"]);
    // Replicas first: for one week primary and replicas ran different minor versions.
    expect(ordersDb.some((snapshot) => versionsOf(snapshot, "postgresql-15").length === 2)).toBe(true);
  });

  it("reports a volatile uptime fact that only the built-in ignore rules keep from drifting", () => {
    const hosts = latestHostsOf("orders-db");
    expect(new Set(hosts.map((host) => host.components.uptime_seconds)).size).toBe(3);
    // Without rules, the newest uptime wins the three-way tie and the two other hosts drift on it.
    const unfiltered = analyseService({ hosts, baselineSource: "majority", ignoreRules: [] });
    expect(unfiltered.driftedHostCount).toBe(2);
    expect(new Set(hosts.flatMap((host) => driftedComponents(unfiltered, host.hostKey)))).toEqual(new Set(["uptime_seconds"]));
    expect(analyseService({ hosts, baselineSource: "majority", ignoreRules: BUILT_IN_IGNORE_RULES }).driftedHostCount).toBe(0);
  });

  it("classifies storefront and checkout-api immutable, billing and the data services mutable, search-api mixed", () => {
    const verdicts = Object.fromEntries(
      ["storefront", "checkout-api", "search-api", "billing", "orders-db", "session-cache", "events-queue"].map((service) => [
        service,
        classifyService(historyOf(service)).verdict,
      ]),
    );
    expect(verdicts).toEqual({
      storefront: "immutable",
      "checkout-api": "immutable",
      "search-api": "mixed",
      billing: "mutable",
      "orders-db": "mutable",
      "session-cache": "mutable",
      "events-queue": "mutable",
    });
    expect(classifyService(historyOf("checkout-api")).scaleEvents).toBe(1);
    expect(classifyService(historyOf("search-api"))).toMatchObject({ mutations: 1, replacements: 2 });
  });
});

describe("generateDesignExampleSnapshot", () => {
  it("is DESIGN.md's three web servers: all drift, web-c without the agent is the snowflake", () => {
    const snapshot = generateDesignExampleSnapshot();
    expect(snapshotSchema.parse(snapshot)).toEqual(snapshot);

    const hosts = snapshot.hosts.map((host) => toAnalysisHost(host, snapshot));
    const analysis = analyseService({ hosts, baselineSource: "majority", ignoreRules: BUILT_IN_IGNORE_RULES });
    expect(analysis.snowflakes).toEqual(["web-c"]);
    expect(analysis.driftedHostCount).toBe(3);
    expect(driftedComponents(analysis, "web-a")).toEqual(["monitoring-agent"]);
    expect(driftedComponents(analysis, "web-b")).toEqual(["nginx", "node"]);
  });
});
