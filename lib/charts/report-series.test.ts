import { describe, expect, it } from "vitest";
import { buildReportChangesSeries, buildReportDriftSeries, keyOf } from "./report-series";

describe("buildReportDriftSeries", () => {
  it("orders services by drift, labels by name, adds the environment only when several show", () => {
    const series = buildReportDriftSeries([
      { name: "api", environment: "prod", hostCount: 4, driftedHostCount: 1, snowflakeCount: 0 },
      { name: "web", environment: "prod", hostCount: 3, driftedHostCount: 2, snowflakeCount: 1 },
    ]);
    expect(series.map((p) => [p.label, p.drifted, p.clean, p.snowflakes])).toEqual([
      ["web", 2, 1, 1],
      ["api", 1, 3, 0],
    ]);
    const mixed = buildReportDriftSeries([
      { name: "web", environment: "prod", hostCount: 1, driftedHostCount: 0, snowflakeCount: 0 },
      { name: "web", environment: "staging", hostCount: 1, driftedHostCount: 0, snowflakeCount: 0 },
    ]);
    expect(mixed.map((p) => p.label)).toEqual(["web (prod)", "web (staging)"]);
    expect(new Set(mixed.map((p) => p.key)).size).toBe(2);
  });

  it("carries no links: a shared report links nowhere", () => {
    const [point] = buildReportDriftSeries([{ name: "web", environment: "prod", hostCount: 1, driftedHostCount: 0, snowflakeCount: 0 }]);
    expect(Object.keys(point!)).not.toContain("href");
  });
});

describe("buildReportChangesSeries", () => {
  it("orders services by the hosts that changed", () => {
    const series = buildReportChangesSeries([
      { service: "a", environment: "prod", counts: { mutated: 1, launched: 0, retired: 0 } },
      { service: "b", environment: "prod", counts: { mutated: 0, launched: 2, retired: 2 } },
    ]);
    expect(series.map((p) => [p.label, p.mutated, p.launched, p.retired])).toEqual([
      ["b", 0, 2, 2],
      ["a", 1, 0, 0],
    ]);
  });
});

describe("keyOf", () => {
  it("cannot collide and holds no NUL (stored in JSONB)", () => {
    expect(keyOf("a/b", "c")).not.toBe(keyOf("a", "b/c"));
    expect(keyOf("a", "b")).not.toContain("\u0000");
  });
});
