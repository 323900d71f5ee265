import { describe, expect, it } from "vitest";
import { analyseService } from "./analyse-service";
import { BUILT_IN_IGNORE_RULES } from "./ignore-rules";
import type { AnalysisHost } from "./types";

function host(hostKey: string, components: Record<string, string>, service = "web"): AnalysisHost {
  return { hostKey, service, environment: "prod", manifestHash: hostKey, components };
}

// DESIGN.md's three "identical" web servers.
const designFleet = [
  host("A", { nginx: "1.22", node: "18", agent: "2" }),
  host("B", { nginx: "1.24", node: "20", agent: "3" }),
  host("C", { nginx: "1.22", node: "18" }),
];

function driftOf(analysis: ReturnType<typeof analyseService>, hostKey: string) {
  return analysis.hosts.find((h) => h.hostKey === hostKey)?.drift;
}

describe("analyseService", () => {
  it("analyses the DESIGN.md fleet against the majority", () => {
    const analysis = analyseService({ hosts: designFleet, baselineSource: "majority", ignoreRules: [] });

    expect(analysis.hostCount).toBe(3);
    expect(analysis.baselineSource).toBe("majority");
    expect(analysis.components.map((c) => [c.name, c.baseline])).toEqual([
      ["agent", "3"],
      ["nginx", "1.22"],
      ["node", "18"],
    ]);
    expect(analysis.components.find((c) => c.name === "nginx")?.versions).toEqual([
      { version: "1.22", hostCount: 2 },
      { version: "1.24", hostCount: 1 },
    ]);
    expect(driftOf(analysis, "A")).toEqual([{ component: "agent", expected: "3", actual: "2", ignored: false }]);
    expect(driftOf(analysis, "B")).toEqual([
      { component: "nginx", expected: "1.22", actual: "1.24", ignored: false },
      { component: "node", expected: "18", actual: "20", ignored: false },
    ]);
    expect(driftOf(analysis, "C")).toEqual([{ component: "agent", expected: "3", actual: null, ignored: false }]);
    expect(analysis.driftedHostCount).toBe(3);
    expect(analysis.snowflakes).toEqual(["C"]);
    expect(analysis.snowflakeCount).toBe(1);
    expect(analysis.hosts.find((h) => h.hostKey === "C")?.snowflakeReasons).toEqual(["missing agent, which 2 of 2 peers run"]);
    expect(analysis.hosts.find((h) => h.hostKey === "B")?.isSnowflake).toBe(false);
    expect(analysis.spreadComponentCount).toBe(3);
  });

  it("without components, counts the same spread, versions, drift and snowflakes", () => {
    const fleet = [...designFleet, host("D", { nginx: "1.22", node: "18", agent: "3", uptime: "123" })];
    const options = { hosts: fleet, baselineSource: "majority" as const, declared: { redis: "7" }, ignoreRules: BUILT_IN_IGNORE_RULES };
    const whole = analyseService(options);
    const { components, ...counted } = analyseService({ ...options, withComponents: false });
    expect(components).toEqual([]);
    expect(counted).toEqual({ ...whole, components: undefined });
    // Two versions each of agent, nginx and node; the ignored uptime and the pinned redis (no host runs it) add none.
    expect(whole.distinctVersions).toBe(whole.components.filter((c) => !c.ignored).reduce((total, c) => total + c.versions.length, 0));
    expect(whole.distinctVersions).toBe(6);
  });

  it("changes the drift when the user declares golden versions", () => {
    const analysis = analyseService({
      hosts: designFleet,
      baselineSource: "declared",
      declared: { nginx: "1.24", node: "20" },
      ignoreRules: [],
    });
    expect(driftOf(analysis, "B")).toEqual([]);
    expect(driftOf(analysis, "A")?.map((d) => d.component)).toEqual(["agent", "nginx", "node"]);
    expect(analysis.driftedHostCount).toBe(2);
  });

  it("lists a declared component no host runs, missing everywhere", () => {
    const analysis = analyseService({
      hosts: designFleet,
      baselineSource: "declared",
      declared: { "fluent-bit": "2.1" },
      ignoreRules: [],
    });
    expect(analysis.components.find((c) => c.name === "fluent-bit")).toMatchObject({ baseline: "2.1", versions: [] });
    expect(analysis.hosts.every((h) => h.drift.some((d) => d.component === "fluent-bit" && d.actual === null))).toBe(true);
  });

  it("compares with the previous snapshot's majority", () => {
    const previousHosts = designFleet.map((h) => host(h.hostKey, { nginx: "1.24", node: "20", agent: "3" }));
    const analysis = analyseService({ hosts: designFleet, baselineSource: "previous", previousHosts, ignoreRules: [] });
    expect(analysis.baselineSource).toBe("previous");
    expect(driftOf(analysis, "B")).toEqual([]);
    expect(analysis.driftedHostCount).toBe(2);
  });

  it("reports neither drift nor snowflakes for a one-host service", () => {
    const analysis = analyseService({
      hosts: [host("solo", { nginx: "1.22", "config:/etc/nginx/nginx.conf": "abc" })],
      baselineSource: "majority",
      ignoreRules: [],
    });
    expect(analysis.hosts).toEqual([{ hostKey: "solo", drift: [], isDrifted: false, isSnowflake: false, snowflakeReasons: [] }]);
    expect(analysis.driftedHostCount).toBe(0);
    expect(analysis.snowflakes).toEqual([]);
    expect(analysis.spreadComponentCount).toBe(0);
  });

  it("shows ignored drift without counting it, for fleet-wide and per-service rules", () => {
    const hosts = [
      host("1", { nginx: "1.22", uptime: "100", "config:/etc/motd": "m1" }),
      host("2", { nginx: "1.22", uptime: "200", "config:/etc/motd": "m2" }),
      host("3", { nginx: "1.22", uptime: "300", "config:/etc/motd": "m3" }),
    ];
    const serviceRule = { pattern: "/etc/motd", service: "web", reason: "banner names the host" };
    const analysis = analyseService({ hosts, baselineSource: "majority", ignoreRules: [...BUILT_IN_IGNORE_RULES, serviceRule] });

    expect(analysis.driftedHostCount).toBe(0);
    expect(analysis.snowflakes).toEqual([]);
    expect(analysis.spreadComponentCount).toBe(0);
    expect(analysis.components.filter((c) => c.ignored).map((c) => c.name)).toEqual(["config:/etc/motd", "uptime"]);
    expect(driftOf(analysis, "1")?.every((d) => d.ignored)).toBe(true);
    expect(driftOf(analysis, "1")?.map((d) => d.component)).toContain("uptime");

    const otherService = hosts.map((h) => ({ ...h, service: "api" }));
    const api = analyseService({ hosts: otherService, baselineSource: "majority", ignoreRules: [...BUILT_IN_IGNORE_RULES, serviceRule] });
    // m3 wins the three-way tie as the newest, so only hosts 1 and 2 drift from it.
    expect(api.driftedHostCount).toBe(2);
    expect(api.snowflakes).toEqual(["1", "2", "3"]);
  });

  it("handles package and digest versions in spread and baseline", () => {
    const digest = `sha256:${"d".repeat(64)}`;
    const hosts = [
      host("1", { openssl: "3.0.2-0ubuntu1.10", image: digest, tzdata: "2024.01" }),
      host("2", { openssl: "3.0.2-0ubuntu1.12", image: digest, tzdata: "2024.01" }),
    ];
    const analysis = analyseService({ hosts, baselineSource: "majority", ignoreRules: [] });
    const byName = new Map(analysis.components.map((c) => [c.name, c]));
    expect(byName.get("openssl")?.baseline).toBe("3.0.2-0ubuntu1.12");
    expect(byName.get("openssl")?.byMinor).toEqual([{ group: "3.0", hostCount: 2 }]);
    expect(byName.get("image")?.byMajor).toEqual([{ group: null, hostCount: 2 }]);
    expect(byName.get("tzdata")?.byMinor).toEqual([{ group: "2024.01", hostCount: 2 }]);
    expect(analysis.snowflakes).toEqual([]);
    expect(analysis.spreadComponentCount).toBe(1);
  });

  it("handles a service with no hosts", () => {
    const analysis = analyseService({ hosts: [], baselineSource: "majority", ignoreRules: [] });
    expect(analysis).toMatchObject({ hostCount: 0, components: [], hosts: [], snowflakes: [], driftedHostCount: 0 });
  });
});
