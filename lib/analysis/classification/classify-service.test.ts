import { describe, expect, it } from "vitest";
import type { AnalysisHost, ServiceSnapshot } from "../types";
import { classifyService, MIXED_MIN_SHARE } from "./classify-service";
import { isoDay, makeHost, makeSnapshot } from "./test-fixtures";

const release = (version: number) => ({ app: `1.${version}`, nginx: "1.24" });

/** A Kubernetes-style service: every release replaces all pods with new pods on a new image. */
function makePodHistory(releases: number, podsPerRelease = 3): ServiceSnapshot[] {
  return Array.from({ length: releases }, (_, version) =>
    makeSnapshot(
      `s${version}`,
      isoDay(version * 7),
      Array.from({ length: podsPerRelease }, (_, pod) =>
        makeHost(`web-${version}-${pod}`, release(version), { image: `web:1.${version}`, launchedAt: isoDay(version * 7) }),
      ),
      "kubectl",
    ),
  );
}

describe("classifyService", () => {
  it("calls pods replaced on every release immutable", () => {
    const result = classifyService(makePodHistory(5));

    expect(result.verdict).toBe("immutable");
    expect(result.replacements).toBe(4);
    expect(result.mutations).toBe(0);
    expect(result.scaleEvents).toBe(0);
    expect(result.evidence).toContain("4 of 4 version changes arrived on new hosts");
    expect(result.evidence).toContain("no persisting host changed in place across 5 snapshots");
    expect(result.confidence).toBeCloseTo(4 / 6, 2);
    expect(result.leaning).toBeNull();
  });

  it("calls hosts patched in place at different times mutable, naming host, change and day", () => {
    const v1 = { nginx: "1.22", openssl: "3.0.2" };
    const v2 = { nginx: "1.24", openssl: "3.0.2" };
    const v3 = { nginx: "1.24", openssl: "3.0.13" };
    const hosts = (a: Record<string, string>, b: Record<string, string>, c: Record<string, string>): AnalysisHost[] => [
      makeHost("web-1", a, { launchedAt: "2025-01-01T00:00:00Z" }),
      makeHost("web-2", b, { launchedAt: "2025-01-01T00:00:00Z" }),
      makeHost("web-3", c, { launchedAt: "2025-01-01T00:00:00Z" }),
    ];
    const history = [
      makeSnapshot("s1", "2026-02-01T00:00:00Z", hosts(v1, v1, v1), "ansible"),
      makeSnapshot("s2", "2026-03-01T00:00:00Z", hosts(v1, v2, v1), "ansible"),
      makeSnapshot("s3", "2026-03-15T00:00:00Z", hosts(v2, v2, v1), "ansible"),
      makeSnapshot("s4", "2026-04-01T00:00:00Z", hosts(v3, v3, v2), "ansible"),
    ];

    const result = classifyService(history);

    expect(result.verdict).toBe("mutable");
    expect(result.mutations).toBe(3);
    expect(result.replacements).toBe(0);
    expect(result.evidence).toContain("3 of 3 version changes were applied in place on running hosts");
    expect(result.evidence).toContain("host web-2 changed nginx 1.22→1.24 in place on 2026-03-01");
    expect(result.evidence).toContain("host web-3 changed nginx 1.22→1.24 in place on 2026-04-01");
    expect(result.confidence).toBeCloseTo(3 / 5, 2);
  });

  it("calls an image-based fleet with one hotfix applied in place mixed", () => {
    const history = makePodHistory(4);
    // Someone SSHes into one pod of the latest release and patches openssl.
    const latest = history.at(-1);
    if (!latest) throw new Error("fixture");
    const hotfixed = latest.hosts.map((host, index) =>
      index === 0 ? makeHost(host.hostKey, { ...host.components, openssl: "3.0.13" }, { image: host.image, launchedAt: host.launchedAt }) : host,
    );
    history.push(makeSnapshot("s-hotfix", isoDay(23), hotfixed, "kubectl"));

    const result = classifyService(history);

    // 1 in-place change against 3 releases is a 25% share, above MIXED_MIN_SHARE.
    expect(1 / 4).toBeGreaterThanOrEqual(MIXED_MIN_SHARE);
    expect(result.verdict).toBe("mixed");
    expect([result.replacements, result.mutations]).toEqual([3, 1]);
    expect(result.evidence).toContain("3 of 4 version changes arrived on new hosts");
    expect(result.evidence).toContain("1 of 4 version changes was applied in place on running hosts");
    expect(result.evidence).toContain("host web-3-0 changed openssl 3.0.13 added in place on 2026-01-24");
  });

  it("keeps a single odd event among many a minority, not mixed", () => {
    // Ten in-place upgrades, then one new server that came up with a newer package.
    const history: ServiceSnapshot[] = [];
    for (let step = 0; step <= 10; step++) {
      history.push(makeSnapshot(`s${step}`, isoDay(step * 10), [makeHost("web-1", { app: `1.${step}` })]));
    }
    history.push(
      makeSnapshot("s-new", isoDay(120), [makeHost("web-1", { app: "1.10" }), makeHost("web-2", { app: "1.10", curl: "8" })]),
    );

    const result = classifyService(history);

    expect([result.mutations, result.replacements]).toEqual([10, 1]);
    expect(result.verdict).toBe("mutable");
    expect(result.evidence).toContain("1 of 11 version changes arrived on new hosts");
    // Confidence is discounted by the contradicting share.
    expect(result.confidence).toBeCloseTo((11 / 13) * (10 / 11), 2);
  });

  it("lets the caller move the mixed threshold", () => {
    const history = makePodHistory(4);
    const latest = history.at(-1);
    if (!latest) throw new Error("fixture");
    const [first, ...rest] = latest.hosts;
    if (!first) throw new Error("fixture");
    history.push(makeSnapshot("s-hotfix", isoDay(23), [{ ...makeHost(first.hostKey, { ...first.components, x: "1" }), image: first.image }, ...rest]));
    expect(classifyService(history, { mixedMinShare: 0.5 }).verdict).toBe("immutable");
  });

  it("does not count scale-out without a version change as a replacement", () => {
    const v1 = { app: "1.0" };
    const history = [
      makeSnapshot("s1", isoDay(0), [makeHost("web-1", v1, { image: "web:1" })]),
      makeSnapshot("s2", isoDay(1), [1, 2, 3].map((n) => makeHost(`web-${n}`, v1, { image: "web:1" }))),
      makeSnapshot("s3", isoDay(2), [1, 2].map((n) => makeHost(`web-${n}`, v1, { image: "web:1" }))),
    ];

    const result = classifyService(history);

    expect(result).toMatchObject({ verdict: "unknown", replacements: 0, mutations: 0, scaleEvents: 2 });
    expect(result.evidence).toEqual([
      "no version change observed across 3 snapshots",
      "2 scale events: hosts added or removed without new versions",
    ]);
  });

  it("returns unknown with hints and a leaning for a single snapshot", () => {
    const snapshot = makeSnapshot(
      "s1",
      "2026-03-01T00:00:00Z",
      [1, 2, 3].map((n) => makeHost(`web-${n}`, { nginx: "1.22" }, { image: "sha256:abc", launchedAt: `2026-02-2${n}T00:00:00Z` })),
      "kubectl",
    );

    const result = classifyService([snapshot]);

    expect(result.verdict).toBe("unknown");
    expect(result.leaning).toBe("immutable");
    expect(result.hints).toEqual([
      "all 3 hosts run the same image sha256:abc",
      "hosts launched within 2 days of each other",
      "data came from Kubernetes, where pods are replaced from images",
    ]);
    expect(result.evidence).toEqual(["only one snapshot of this service so far: no change can be observed yet"]);
    expect(result.confidence).toBeGreaterThan(0);
    expect(result.confidence).toBeLessThan(classifyService(makePodHistory(2)).confidence);
  });

  it("returns unknown with no confidence for an empty history", () => {
    expect(classifyService([])).toMatchObject({ verdict: "unknown", confidence: 0, leaning: null, evidence: ["no snapshot of this service yet"] });
  });

  it("calls a fleet reusing host names for relaunched machines immutable", () => {
    const history = [0, 1, 2].map((version) =>
      makeSnapshot(
        `s${version}`,
        isoDay(version * 10 + 5),
        ["web-1", "web-2"].map((key) => makeHost(key, release(version), { image: `ami-${version}`, launchedAt: isoDay(version * 10) })),
        "aws-ec2",
      ),
    );

    const result = classifyService(history);

    expect(result).toMatchObject({ verdict: "immutable", replacements: 2, mutations: 0 });
  });

  it("grows confidence with the number of observed changes", () => {
    const confidences = [2, 3, 5, 9].map((releases) => classifyService(makePodHistory(releases)).confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => a - b));
    expect(new Set(confidences).size).toBe(4);
    expect(confidences.at(-1)).toBeLessThanOrEqual(1);
  });

  it("caps the per-host evidence lines and says how many more there are", () => {
    const before = Array.from({ length: 8 }, (_, n) => makeHost(`web-${n}`, { app: "1" }));
    const after = Array.from({ length: 8 }, (_, n) => makeHost(`web-${n}`, { app: "2" }));
    const result = classifyService([makeSnapshot("s1", isoDay(0), before), makeSnapshot("s2", isoDay(1), after)], {
      maxEvidenceDetails: 3,
    });
    expect(result.evidence.filter((line) => line.startsWith("host "))).toHaveLength(3);
    expect(result.evidence).toContain("… and 5 more in-place host changes");
  });
});
