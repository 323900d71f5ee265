import { describe, expect, it } from "vitest";
import {
  bucketInstanceAges,
  buildChangeTimelineSeries,
  toTimelineEvent,
  buildVersionSpreadSeries,
  type ChangeEventInput,
  type SpreadComponentInput,
} from "./service-series";

function component(name: string, versions: Array<[string, number]>, options: Partial<SpreadComponentInput> = {}): SpreadComponentInput {
  return {
    name,
    baseline: versions[0]?.[0] ?? null,
    versions: versions.map(([version, hostCount]) => ({ version, hostCount })),
    ignored: false,
    ...options,
  };
}

describe("buildVersionSpreadSeries", () => {
  it("lists only components with more than one version, most spread first", () => {
    const series = buildVersionSpreadSeries([
      component("libc6", [["2.35", 3]]),
      component("nginx", [["1.22", 2], ["1.24", 1]]),
      component("kernel", [["5.15.97", 2], ["5.15.91", 1], ["5.15.80", 1]]),
      component("openssl", [["3.0.14", 1], ["3.0.12", 1]]),
    ]);
    expect(series.rows.map((row) => row.component)).toEqual(["kernel", "openssl", "nginx"]);
    expect(series.segmentCount).toBe(3);
    expect(series.hiddenCount).toBe(0);
  });

  it("makes one segment per version with host counts and marks the baseline", () => {
    const [row] = buildVersionSpreadSeries([component("nginx", [["1.22", 1], ["1.24", 2]], { baseline: "1.22" })]).rows;
    expect(row?.segments).toEqual([
      { version: "1.24", hostCount: 2, isBaseline: false, versionCount: 1 },
      { version: "1.22", hostCount: 1, isBaseline: true, versionCount: 1 },
    ]);
    expect(row?.hostCount).toBe(3);
    expect(row?.offMajorityShare).toBeCloseTo(1 / 3);
  });

  it("puts ignored components last, or leaves them out", () => {
    const components = [
      component("uptime", [["1", 1], ["2", 1], ["3", 1]], { ignored: true }),
      component("nginx", [["1.22", 2], ["1.24", 1]]),
    ];
    expect(buildVersionSpreadSeries(components).rows.map((row) => [row.component, row.ignored])).toEqual([
      ["nginx", false],
      ["uptime", true],
    ]);
    expect(buildVersionSpreadSeries(components, { includeIgnored: false }).rows).toHaveLength(1);
  });

  it("sums versions beyond maxSegments into one 'other' segment", () => {
    const versions: Array<[string, number]> = Array.from({ length: 6 }, (_, i) => [`1.${i}`, 6 - i]);
    const [row] = buildVersionSpreadSeries([component("agent", versions)], { maxSegments: 3 }).rows;
    expect(row?.segments.map((s) => [s.version, s.hostCount, s.versionCount])).toEqual([
      ["1.0", 6, 1],
      ["1.1", 5, 1],
      [null, 4 + 3 + 2 + 1, 4],
    ]);
    expect(row?.versionCount).toBe(6);
  });

  it("limits the rows and says how many were left out", () => {
    const components = ["a", "b", "c"].map((name) => component(name, [["1", 1], ["2", 1]]));
    const series = buildVersionSpreadSeries(components, { limit: 2 });
    expect(series.rows.map((row) => row.component)).toEqual(["a", "b"]);
    expect(series.hiddenCount).toBe(1);
  });
});

describe("buildChangeTimelineSeries", () => {
  const event = (snapshotId: string, takenAt: string, kind: ChangeEventInput["kind"], fields: Partial<ChangeEventInput> = {}) =>
    toTimelineEvent({ snapshotId, takenAt, kind, hostKeys: [], perHost: [], added: [], removed: [], ...fields });

  it("gives one point per snapshot in time order, including quiet snapshots", () => {
    const series = buildChangeTimelineSeries(
      [event("s3", "2026-01-15T00:00:00Z", "mutation", { hostKeys: ["a", "b"], perHost: [{}, {}] })],
      [
        { snapshotId: "s3", takenAt: "2026-01-15T00:00:00Z" },
        { snapshotId: "s1", takenAt: "2026-01-01T00:00:00Z" },
        { snapshotId: "s2", takenAt: "2026-01-08T00:00:00Z" },
      ],
    );
    expect(series.map((p) => [p.snapshotId, p.day, p.mutations, p.replacements, p.scale])).toEqual([
      ["s1", "2026-01-01", 0, 0, 0],
      ["s2", "2026-01-08", 0, 0, 0],
      ["s3", "2026-01-15", 2, 0, 0],
    ]);
  });

  it("counts hosts per kind: new hosts of a replacement, the hosts they retired, and scaled hosts", () => {
    const series = buildChangeTimelineSeries([
      event("s2", "2026-01-08T00:00:00Z", "replacement", { added: ["n1", "n2", "n3"], removed: ["o1", "o2"], perHost: [{}, {}, {}] }),
      event("s2", "2026-01-08T00:00:00Z", "mutation", { hostKeys: ["x"], perHost: [{}] }),
      event("s3", "2026-01-15T00:00:00Z", "scale", { added: ["n4"], removed: [] }),
    ]);
    expect(series).toEqual([
      { snapshotId: "s2", takenAt: "2026-01-08T00:00:00Z", day: "2026-01-08", mutations: 1, replacements: 3, retired: 2, scale: 0 },
      { snapshotId: "s3", takenAt: "2026-01-15T00:00:00Z", day: "2026-01-15", mutations: 0, replacements: 0, retired: 0, scale: 1 },
    ]);
  });

  it("is empty without events or snapshots", () => {
    expect(buildChangeTimelineSeries([])).toEqual([]);
  });
});

describe("bucketInstanceAges", () => {
  const takenAt = "2026-06-01T00:00:00Z";
  const launched = (daysBefore: number) => ({ launchedAt: new Date(Date.parse(takenAt) - daysBefore * 86_400_000).toISOString() });

  it("buckets hosts by age in days at the time of the snapshot", () => {
    const series = bucketInstanceAges([launched(0.5), launched(3), launched(3), launched(45), launched(400), launched(1000)], takenAt);
    expect(Object.fromEntries(series.buckets.map((b) => [b.label, b.hostCount]))).toEqual({
      "< 1 day": 1,
      "1–7 days": 2,
      "1–4 weeks": 0,
      "1–3 months": 1,
      "3–6 months": 0,
      "6–12 months": 0,
      "1–2 years": 1,
      "> 2 years": 1,
    });
    expect(series.oldestDays).toBe(1000);
    expect(series.newestDays).toBe(0);
    expect(series.unknownCount).toBe(0);
  });

  it("puts bucket edges in the older bucket and launches after the snapshot in the newest", () => {
    const series = bucketInstanceAges([launched(7), launched(-2)], takenAt);
    expect(series.buckets.find((b) => b.label === "1–4 weeks")?.hostCount).toBe(1);
    expect(series.buckets.find((b) => b.label === "< 1 day")?.hostCount).toBe(1);
  });

  it("counts hosts without a launch time separately", () => {
    const series = bucketInstanceAges([{ launchedAt: null }, { launchedAt: "not a date" }, launched(10)], takenAt);
    expect(series.unknownCount).toBe(2);
    expect(series.buckets.reduce((total, b) => total + b.hostCount, 0)).toBe(1);
  });

  it("has no oldest or newest age when no host has a launch time", () => {
    const series = bucketInstanceAges([{ launchedAt: null }], takenAt);
    expect(series).toMatchObject({ unknownCount: 1, oldestDays: null, newestDays: null });
  });
});
