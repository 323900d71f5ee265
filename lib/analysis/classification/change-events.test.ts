import { describe, expect, it } from "vitest";
import type { AnalysisHost } from "../types";
import { detectChangeEvents, detectTransitionEvents, diffHosts, IMAGE_COMPONENT, isRelaunched } from "./change-events";
import { isoDay, makeHost, makeSnapshot } from "./test-fixtures";

const v1 = { nginx: "1.22", openssl: "3.0.2" };
const v2 = { nginx: "1.24", openssl: "3.0.2" };

describe("detectTransitionEvents", () => {
  it("reports a persisting host whose manifest changed as a mutation, with the changed components", () => {
    const before = makeSnapshot("s1", isoDay(0), [makeHost("web-1", v1), makeHost("web-2", v1)]);
    const after = makeSnapshot("s2", isoDay(30), [makeHost("web-1", v1), makeHost("web-2", { ...v2, agent: "3" })]);

    const events = detectTransitionEvents(before, after);

    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: "mutation",
      snapshotId: "s2",
      previousSnapshotId: "s1",
      takenAt: isoDay(30),
      hostKeys: ["web-2"],
      components: [
        { name: "agent", from: null, to: "3" },
        { name: "nginx", from: "1.22", to: "1.24" },
      ],
    });
    expect(events[0]?.perHost).toEqual([{ hostKey: "web-2", components: events[0]?.components }]);
  });

  it("records removed components with to = null", () => {
    const before = makeSnapshot("s1", isoDay(0), [makeHost("web-1", { ...v1, agent: "2" })]);
    const after = makeSnapshot("s2", isoDay(1), [makeHost("web-1", v1)]);
    expect(detectTransitionEvents(before, after)[0]?.components).toEqual([{ name: "agent", from: "2", to: null }]);
  });

  it("reports an image change on a persisting host as a mutation even when the manifest is equal", () => {
    const before = makeSnapshot("s1", isoDay(0), [makeHost("vm-1", v1, { image: "ami-1" })]);
    const after = makeSnapshot("s2", isoDay(1), [makeHost("vm-1", v1, { image: "ami-2" })]);
    expect(detectTransitionEvents(before, after)).toMatchObject([
      { kind: "mutation", components: [{ name: IMAGE_COMPONENT, from: "ami-1", to: "ami-2" }] },
    ]);
  });

  it("reports nothing when nothing changed", () => {
    const hosts = [makeHost("web-1", v1), makeHost("web-2", v1)];
    expect(detectTransitionEvents(makeSnapshot("s1", isoDay(0), hosts), makeSnapshot("s2", isoDay(1), hosts))).toEqual([]);
  });

  it("reports pods replaced by pods with a new image as one replacement", () => {
    const before = makeSnapshot("s1", isoDay(0), [
      makeHost("pod-a", v1, { image: "web:1" }),
      makeHost("pod-b", v1, { image: "web:1" }),
    ]);
    const after = makeSnapshot("s2", isoDay(7), [
      makeHost("pod-c", v2, { image: "web:2" }),
      makeHost("pod-d", v2, { image: "web:2" }),
    ]);

    const events = detectTransitionEvents(before, after);

    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: "replacement",
      hostKeys: ["pod-c", "pod-d", "pod-a", "pod-b"],
      added: ["pod-c", "pod-d"],
      removed: ["pod-a", "pod-b"],
      components: [
        { name: IMAGE_COMPONENT, from: "web:1", to: "web:2" },
        { name: "nginx", from: "1.22", to: "1.24" },
      ],
    });
  });

  it("reports scale-out without a new version as scale, not a replacement", () => {
    const before = makeSnapshot("s1", isoDay(0), [makeHost("web-1", v1, { image: "web:1" })]);
    const after = makeSnapshot("s2", isoDay(1), [
      makeHost("web-1", v1, { image: "web:1" }),
      makeHost("web-2", v1, { image: "web:1" }),
      makeHost("web-3", v1, { image: "web:1" }),
    ]);
    expect(detectTransitionEvents(before, after)).toEqual([
      expect.objectContaining({ kind: "scale", hostKeys: ["web-2", "web-3"], added: ["web-2", "web-3"], removed: [], components: [] }),
    ]);
  });

  it("reports scale-in as scale", () => {
    const before = makeSnapshot("s1", isoDay(0), [makeHost("web-1", v1), makeHost("web-2", v1)]);
    const after = makeSnapshot("s2", isoDay(1), [makeHost("web-1", v1)]);
    expect(detectTransitionEvents(before, after)).toEqual([
      expect.objectContaining({ kind: "scale", hostKeys: ["web-2"], added: [], removed: ["web-2"] }),
    ]);
  });

  it("counts new hosts with new versions as a replacement even before the old ones leave (blue-green)", () => {
    const blue = [makeHost("blue-1", v1), makeHost("blue-2", v1)];
    const green = [makeHost("green-1", v2), makeHost("green-2", v2)];
    const events = detectChangeEvents([
      makeSnapshot("s1", isoDay(0), blue),
      makeSnapshot("s2", isoDay(1), [...blue, ...green]),
      makeSnapshot("s3", isoDay(2), green),
    ]);
    expect(events.map((event) => [event.snapshotId, event.kind, event.hostKeys])).toEqual([
      ["s2", "replacement", ["green-1", "green-2"]],
      ["s3", "scale", ["blue-1", "blue-2"]],
    ]);
  });

  it("does not call a new server a replacement when it joins with the version its peers were upgraded to in place", () => {
    const before = makeSnapshot("s1", isoDay(0), [makeHost("web-1", v1), makeHost("web-2", v1)]);
    const after = makeSnapshot("s2", isoDay(1), [makeHost("web-1", v2), makeHost("web-2", v2), makeHost("web-3", v2)]);
    expect(detectTransitionEvents(before, after).map((event) => [event.kind, event.hostKeys])).toEqual([
      ["mutation", ["web-1", "web-2"]],
      ["scale", ["web-3"]],
    ]);
  });

  it("treats a host key reused by a relaunched machine as a replacement, not a mutation", () => {
    const before = makeSnapshot("s1", isoDay(10), [
      makeHost("web-1", v1, { launchedAt: isoDay(0) }),
      makeHost("web-2", v1, { launchedAt: isoDay(0) }),
    ]);
    const after = makeSnapshot("s2", isoDay(20), [
      makeHost("web-1", v2, { launchedAt: isoDay(15) }),
      makeHost("web-2", v2, { launchedAt: isoDay(15) }),
    ]);

    const events = detectTransitionEvents(before, after);

    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: "replacement",
      hostKeys: ["web-1", "web-2"],
      added: ["web-1", "web-2"],
      removed: ["web-1", "web-2"],
      components: [{ name: "nginx", from: "1.22", to: "1.24" }],
      perHost: [
        { hostKey: "web-1", components: [{ name: "nginx", from: "1.22", to: "1.24" }] },
        { hostKey: "web-2", components: [{ name: "nginx", from: "1.22", to: "1.24" }] },
      ],
    });
  });

  it("treats a relaunch with the same versions as churn (scale), not a change", () => {
    const before = makeSnapshot("s1", isoDay(10), [makeHost("web-1", v1, { launchedAt: isoDay(0) })]);
    const after = makeSnapshot("s2", isoDay(20), [makeHost("web-1", v1, { launchedAt: isoDay(15) })]);
    expect(detectTransitionEvents(before, after)).toEqual([
      expect.objectContaining({ kind: "scale", hostKeys: ["web-1"], added: ["web-1"], removed: ["web-1"] }),
    ]);
  });

  it("keeps a host that was patched without a relaunch a mutation, even with launchedAt present", () => {
    const before = makeSnapshot("s1", isoDay(10), [makeHost("web-1", v1, { launchedAt: isoDay(0) })]);
    const after = makeSnapshot("s2", isoDay(20), [makeHost("web-1", v2, { launchedAt: isoDay(0) })]);
    expect(detectTransitionEvents(before, after).map((event) => event.kind)).toEqual(["mutation"]);
  });

  it("emits mutation, replacement and scale from one transition, once each", () => {
    const before = makeSnapshot("s1", isoDay(0), [
      makeHost("a", v1, { image: "i1" }),
      makeHost("b", v1, { image: "i1" }),
      makeHost("c", v1, { image: "i1" }),
    ]);
    const after = makeSnapshot("s2", isoDay(1), [
      makeHost("a", { ...v1, hotfix: "1" }, { image: "i1" }),
      makeHost("d", v1, { image: "i2" }),
      makeHost("e", v1, { image: "i2" }),
      makeHost("f", v1, { image: "i1" }),
    ]);
    const events = detectTransitionEvents(before, after);
    expect(events.map((event) => [event.kind, event.hostKeys])).toEqual([
      ["mutation", ["a"]],
      ["replacement", ["d", "e", "b", "c"]],
      ["scale", ["f"]],
    ]);
  });
});

describe("isRelaunched", () => {
  const host = (launchedAt: string | null): AnalysisHost => makeHost("web-1", v1, { launchedAt });

  it("is true when the launch time moved past the previous snapshot", () => {
    expect(isRelaunched(host(isoDay(0)), host(isoDay(15)), isoDay(10))).toBe(true);
    expect(isRelaunched(host(null), host(isoDay(15)), isoDay(10))).toBe(true);
  });

  it("is false when the launch time is unchanged, earlier than the previous snapshot, or unknown", () => {
    expect(isRelaunched(host(isoDay(0)), host(isoDay(0)), isoDay(10))).toBe(false);
    expect(isRelaunched(host(isoDay(0)), host(isoDay(5)), isoDay(10))).toBe(false);
    expect(isRelaunched(host(isoDay(0)), host(null), isoDay(10))).toBe(false);
    expect(isRelaunched(host(isoDay(0)), host("not a date"), isoDay(10))).toBe(false);
  });
});

describe("diffHosts", () => {
  it("skips the component diff when the manifest hashes are equal", () => {
    // Same hash, different maps: only a hash comparison can report "unchanged" here.
    const before = { ...makeHost("web-1", v1), manifestHash: "h" };
    const after = { ...makeHost("web-1", v2), manifestHash: "h" };
    expect(diffHosts(before, after)).toEqual([]);
  });

  it("reuses the diff of a pair of manifests from the cache", () => {
    const cache = new Map();
    const first = diffHosts(makeHost("a", v1), makeHost("a", v2), cache);
    const second = diffHosts(makeHost("b", v1), makeHost("b", v2), cache);
    expect(second).toBe(first);
    expect(cache.size).toBe(1);
  });
});

describe("detectChangeEvents at fleet scale", () => {
  it("handles 30 snapshots × 5,000 hosts × 300 components quickly", () => {
    const hostCount = 5_000;
    const base: Record<string, string> = {};
    for (let index = 0; index < 300; index++) base[`pkg-${index}`] = "1.0";
    // Content-addressed like the real data: hosts with equal manifests share one object.
    const manifests = new Map<number, Record<string, string>>();
    const manifestFor = (generation: number) => {
      let components = manifests.get(generation);
      if (!components) manifests.set(generation, (components = { ...base, "pkg-0": `1.${generation}` }));
      return components;
    };

    const history = Array.from({ length: 30 }, (_, snapshotIndex) => {
      const hosts = Array.from({ length: hostCount }, (_, hostIndex) => {
        // A rolling in-place upgrade: each snapshot moves another 10% of hosts one version on.
        const generation = Math.floor((snapshotIndex + (hostIndex % 10)) / 10);
        const components = manifestFor(generation);
        return { hostKey: `host-${hostIndex}`, service: "web", environment: "prod", components, manifestHash: `m${generation}` };
      });
      // Scale churn: every snapshot swaps 500 hosts for new ones on the same versions.
      for (let index = 0; index < 500; index++) {
        const host = hosts[index];
        if (host) hosts[index] = { ...host, hostKey: `host-${index}-s${snapshotIndex}` };
      }
      return makeSnapshot(`s${snapshotIndex}`, isoDay(snapshotIndex), hosts);
    });

    const started = performance.now();
    const events = detectChangeEvents(history);
    const elapsed = performance.now() - started;

    const count = (kind: string) => events.filter((event) => event.kind === kind).length;
    expect([count("mutation"), count("replacement"), count("scale")]).toEqual([29, 0, 29]);
    expect(events.find((event) => event.kind === "mutation")?.hostKeys).toHaveLength(450);
    expect(elapsed).toBeLessThan(3_000);
  });
});
