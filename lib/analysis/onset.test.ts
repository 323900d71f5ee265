import { describe, expect, it } from "vitest";
import { type DriftHistoryEntry, findDriftOnsets, formatDriftAge } from "./onset";

function entry(snapshotId: string, takenAt: string, hosts: DriftHistoryEntry["hosts"]): DriftHistoryEntry {
  return { snapshotId, takenAt, hosts };
}

const nginxDrift = { component: "nginx", expected: "1.22", actual: "1.24", ignored: false };

describe("findDriftOnsets", () => {
  it("dates a drift that starts in the second of three snapshots to the second", () => {
    const history = [
      entry("s1", "2024-01-01T00:00:00Z", [{ hostKey: "B", drift: [] }]),
      entry("s2", "2024-01-02T00:00:00Z", [{ hostKey: "B", drift: [nginxDrift] }]),
      entry("s3", "2024-01-03T00:00:00Z", [{ hostKey: "B", drift: [nginxDrift] }]),
    ];
    expect(findDriftOnsets(history)).toEqual([
      { hostKey: "B", component: "nginx", actual: "1.24", since: { snapshotId: "s2", takenAt: "2024-01-02T00:00:00Z" } },
    ]);
  });

  it("restarts the run when the host drifted to another version", () => {
    const history = [
      entry("s1", "2024-01-01T00:00:00Z", [{ hostKey: "B", drift: [{ component: "nginx", actual: "1.23" }] }]),
      entry("s2", "2024-01-02T00:00:00Z", [{ hostKey: "B", drift: [{ component: "nginx", actual: "1.24" }] }]),
    ];
    expect(findDriftOnsets(history)[0]?.since.snapshotId).toBe("s2");
  });

  it("uses only the unbroken run, not an earlier identical drift", () => {
    const missing = { component: "agent", actual: null };
    const history = [
      entry("s1", "t1", [{ hostKey: "C", drift: [missing] }]),
      entry("s2", "t2", [{ hostKey: "C", drift: [] }]),
      entry("s3", "t3", [{ hostKey: "C", drift: [missing] }]),
      entry("s4", "t4", [{ hostKey: "C", drift: [missing] }]),
    ];
    expect(findDriftOnsets(history)).toEqual([{ hostKey: "C", component: "agent", actual: null, since: { snapshotId: "s3", takenAt: "t3" } }]);
  });

  it("breaks the run at a snapshot where the host was absent", () => {
    const history = [
      entry("s1", "t1", [{ hostKey: "B", drift: [nginxDrift] }]),
      entry("s2", "t2", [{ hostKey: "A", drift: [] }]),
      entry("s3", "t3", [{ hostKey: "B", drift: [nginxDrift] }]),
    ];
    expect(findDriftOnsets(history)[0]?.since.snapshotId).toBe("s3");
  });

  it("tracks hosts and components independently and skips ignored drift", () => {
    const history = [
      entry("s1", "t1", [{ hostKey: "A", drift: [{ component: "agent", actual: "2" }] }, { hostKey: "B", drift: [] }]),
      entry("s2", "t2", [
        { hostKey: "A", drift: [{ component: "agent", actual: "2" }, { component: "uptime", actual: "9", ignored: true }] },
        { hostKey: "B", drift: [nginxDrift] },
      ]),
    ];
    expect(findDriftOnsets(history).map((o) => [o.hostKey, o.component, o.since.snapshotId])).toEqual([
      ["A", "agent", "s1"],
      ["B", "nginx", "s2"],
    ]);
  });

  it("returns nothing for an empty history", () => {
    expect(findDriftOnsets([])).toEqual([]);
  });
});

describe("formatDriftAge", () => {
  const now = "2024-03-01T12:00:00Z";

  it.each([
    ["2024-03-01T11:30:00Z", "drifting for less than an hour"],
    ["2024-03-01T11:00:00Z", "drifting for 1 hour"],
    ["2024-03-01T02:00:00Z", "drifting for 10 hours"],
    ["2024-02-29T12:00:00Z", "drifting for 1 day"],
    ["2024-02-07T12:00:00Z", "drifting for 23 days"],
    ["2023-12-01T12:00:00Z", "drifting for 3 months"],
    ["2021-02-01T12:00:00Z", "drifting for 3 years"],
    ["2024-03-02T12:00:00Z", "drifting for less than an hour"],
  ])("formats %s as %s", (since, text) => {
    expect(formatDriftAge(since, now)).toBe(text);
  });

  it("accepts Date objects and rejects invalid dates", () => {
    expect(formatDriftAge(new Date("2024-02-07T12:00:00Z"), new Date(now))).toBe("drifting for 23 days");
    expect(() => formatDriftAge("not a date", now)).toThrow(RangeError);
  });
});
