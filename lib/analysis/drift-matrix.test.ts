import { describe, expect, it } from "vitest";
import { buildDriftMatrix, type DriftMatrixHostInput, filterDriftMatrix, getDriftCellStatus, summariseDriftOnsets } from "./drift-matrix";

const hosts: DriftMatrixHostInput[] = [
  {
    hostKey: "web-10",
    isDrifted: true,
    isSnowflake: false,
    drift: [{ component: "nginx", expected: "1.22", actual: "1.24", ignored: false, since: "2026-01-08T00:00:00Z" }],
  },
  {
    hostKey: "web-2",
    isDrifted: true,
    isSnowflake: true,
    drift: [
      { component: "agent", expected: "7", actual: null, ignored: false, since: "2026-01-01T00:00:00Z" },
      { component: "nginx", expected: "1.22", actual: "1.24", ignored: false, since: "2026-01-15T00:00:00Z" },
      { component: "telnet", expected: null, actual: "0.17", ignored: false, since: null },
      { component: "uptime", expected: "100", actual: "7", ignored: true },
    ],
  },
  { hostKey: "web-1", isDrifted: false, isSnowflake: false, drift: [{ component: "uptime", expected: "100", actual: "9", ignored: true }] },
];

describe("buildDriftMatrix", () => {
  const matrix = buildDriftMatrix(hosts, (component) => (component === "nginx" ? "1.22" : null));

  it("has a column per drifting component, most drifting hosts first, all-ignored columns last", () => {
    expect(matrix.columns.map((c) => [c.component, c.driftHostCount, c.ignored])).toEqual([
      ["nginx", 2, false],
      ["agent", 1, false],
      ["telnet", 1, false],
      ["uptime", 0, true],
    ]);
    expect(matrix.columns[0]?.baseline).toBe("1.22");
  });

  it("sorts hosts by name with numbers in order and counts drift without ignored items", () => {
    expect(matrix.rows.map((r) => [r.hostKey, r.driftCount])).toEqual([
      ["web-1", 0],
      ["web-2", 3],
      ["web-10", 1],
    ]);
  });

  it("tells each cell's status", () => {
    const web2 = matrix.rows.find((r) => r.hostKey === "web-2")!;
    expect(["nginx", "agent", "telnet", "uptime", "libc"].map((c) => getDriftCellStatus(web2, c))).toEqual([
      "differs",
      "missing",
      "extra",
      "ignored",
      "matches",
    ]);
  });
});

describe("filterDriftMatrix", () => {
  const matrix = buildDriftMatrix(hosts);

  it("filters hosts by substring and drift, components by substring", () => {
    const filtered = filterDriftMatrix(matrix, { host: "WEB-1", component: "gin", onlyDrifted: true });
    expect(filtered.rows.map((r) => r.hostKey)).toEqual(["web-10"]);
    expect(filtered.columns.map((c) => c.component)).toEqual(["nginx"]);
  });

  it("sorts by drift count, most first", () => {
    expect(filterDriftMatrix(matrix, { sort: "drift" }).rows.map((r) => r.hostKey)).toEqual(["web-2", "web-10", "web-1"]);
  });

  it("keeps everything without a filter", () => {
    const filtered = filterDriftMatrix(matrix, {});
    expect(filtered.rows).toHaveLength(3);
    expect(filtered.columns).toHaveLength(4);
  });
});

describe("summariseDriftOnsets", () => {
  it("gives per component the hosts drifting and the first and last onset, longest-standing first", () => {
    expect(summariseDriftOnsets(hosts)).toEqual([
      { component: "agent", hostCount: 1, firstSince: "2026-01-01T00:00:00Z", lastSince: "2026-01-01T00:00:00Z" },
      { component: "nginx", hostCount: 2, firstSince: "2026-01-08T00:00:00Z", lastSince: "2026-01-15T00:00:00Z" },
      { component: "telnet", hostCount: 1, firstSince: null, lastSince: null },
    ]);
  });
});
