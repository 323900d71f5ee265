import { describe, expect, it } from "vitest";
import { computeVersionSpread, countSpread, countVersions, summariseSpread } from "./spread";

const DIGEST = `sha256:${"c".repeat(64)}`;

describe("computeVersionSpread", () => {
  it("counts hosts per version, most-run first", () => {
    const spread = computeVersionSpread([
      { components: { nginx: "1.22", node: "18" } },
      { components: { nginx: "1.24", node: "20" } },
      { components: { nginx: "1.22", node: "18" } },
    ]);
    expect(spread.get("nginx")?.versions).toEqual([
      { version: "1.22", hostCount: 2 },
      { version: "1.24", hostCount: 1 },
    ]);
  });

  it("puts the newest first among equal counts", () => {
    const spread = summariseSpread(new Map([["1.9", 1], ["1.10", 1], ["1.2", 1]]));
    expect(spread.versions.map((v) => v.version)).toEqual(["1.10", "1.9", "1.2"]);
  });

  it("groups semver-like versions by major and minor, and other versions under null", () => {
    const spread = summariseSpread(
      new Map([
        ["1.2.3-ubuntu0.4", 3],
        ["1.2.5", 1],
        ["v1.3", 2],
        ["2.0.0", 2],
        [DIGEST, 1],
      ]),
    );
    expect(spread.byMajor).toEqual([
      { group: "1", hostCount: 6 },
      { group: "2", hostCount: 2 },
      { group: null, hostCount: 1 },
    ]);
    expect(spread.byMinor).toEqual([
      { group: "1.2", hostCount: 4 },
      { group: "2.0", hostCount: 2 },
      { group: "1.3", hostCount: 2 },
      { group: null, hostCount: 1 },
    ]);
  });

  it("treats calendar versions as year and year.month", () => {
    const spread = summariseSpread(new Map([["2024.01", 1], ["2024.03.1", 1], ["2023.12", 1]]));
    expect(spread.byMajor).toEqual([
      { group: "2024", hostCount: 2 },
      { group: "2023", hostCount: 1 },
    ]);
    expect(spread.byMinor.map((g) => g.group)).toEqual(["2024.03", "2024.01", "2023.12"]);
  });
});

describe("countSpread", () => {
  it("counts components with more than one version, not components merely missing somewhere", () => {
    const counts = countVersions([
      { components: { nginx: "1.22", agent: "3", node: "18" } },
      { components: { nginx: "1.24", node: "18" } },
    ]);
    expect(countSpread(counts).spreadComponentCount).toBe(1);
  });
});

describe("countVersions", () => {
  it("counts each component's versions across hosts", () => {
    const counts = countVersions([{ components: { a: "1" } }, { components: { a: "1", b: "2" } }]);
    expect(counts.get("a")?.get("1")).toBe(2);
    expect(counts.get("b")?.get("2")).toBe(1);
  });
});
