import { describe, expect, it } from "vitest";
import { compareVersions, isDigestVersion, parseVersionGroups } from "./version-order";

const DIGEST_A = `sha256:${"a".repeat(64)}`;
const DIGEST_B = `sha256:${"b".repeat(64)}`;

describe("compareVersions", () => {
  it.each([
    ["1.9", "1.10"],
    ["1.2.3", "1.2.4"],
    ["1.22", "1.24"],
    ["v1.2", "v1.10"],
    ["1.0.0-rc1", "1.0.0"],
    ["1.0.0-alpha", "1.0.0-beta"],
    ["1.0.0-beta.2", "1.0.0-rc.1"],
    ["1.0.0-rc.1", "1.0.0-rc.2"],
    ["1.0~rc1", "1.0"],
    ["1.2.3", "1.2.3-ubuntu0.4"],
    ["1.2.3-ubuntu0.4", "1.2.3-ubuntu0.10"],
    ["1.2.3-ubuntu0.4", "1.2.4"],
    ["9.9", "1:2.3-1"],
    ["1:2.3-1", "2:0.1"],
    ["2023.12", "2024.01"],
    ["2024.01", "2024.01.1"],
    ["1.1.1", "1.1.1w"],
    ["18", "20"],
    [DIGEST_A, "0.1"],
    [DIGEST_A, DIGEST_B],
  ])("orders %s before %s", (older, newer) => {
    expect(compareVersions(older, newer)).toBeLessThan(0);
    expect(compareVersions(newer, older)).toBeGreaterThan(0);
  });

  it("returns 0 only for identical strings, so versions equal by rule still order deterministically", () => {
    expect(compareVersions("1.2.3", "1.2.3")).toBe(0);
    expect(compareVersions("v1.0", "1.0")).not.toBe(0);
    expect(compareVersions("2024.1", "2024.01")).not.toBe(0);
    expect(Math.sign(compareVersions("v1.0", "1.0"))).toBe(-Math.sign(compareVersions("1.0", "v1.0")));
  });

  it("is a total order: antisymmetric, transitive and consistent with sorting", () => {
    const versions = [
      "1.10", "1.9", "v1.9", "1.9.0", "1.0.0-rc1", "1.0.0", "1.0.0-1", "1.0~rc1", "1.0",
      "1:0.1", "2:0.1", "1.2.3-ubuntu0.4", "1.2.3", "1.2.3.1", "2024.01", "2024.1", "latest",
      "", "beef", DIGEST_A, DIGEST_B, "1.0.0-RC1", "1.0.0rc1", "1.1.1a", "abc", "10",
    ];
    for (const a of versions) {
      for (const b of versions) {
        const ab = Math.sign(compareVersions(a, b));
        expect(ab, `${a} vs ${b}`).toBe(-Math.sign(compareVersions(b, a)) || 0);
        if (a !== b) expect(ab, `${a} vs ${b}`).not.toBe(0);
        for (const c of versions) {
          if (ab < 0 && compareVersions(b, c) < 0) expect(compareVersions(a, c), `${a} < ${b} < ${c}`).toBeLessThan(0);
        }
      }
    }
    const sorted = [...versions].sort(compareVersions);
    const reversedThenSorted = [...versions].reverse().sort(compareVersions);
    expect(reversedThenSorted).toEqual(sorted);
  });
});

describe("isDigestVersion", () => {
  it("recognises image digests and long bare hashes but not short words", () => {
    expect(isDigestVersion(DIGEST_A)).toBe(true);
    expect(isDigestVersion(`nginx@${DIGEST_A}`)).toBe(true);
    expect(isDigestVersion("0123456789abcdef0123456789abcdef")).toBe(true);
    expect(isDigestVersion("beef")).toBe(false);
    expect(isDigestVersion("1:2.3-1")).toBe(false);
  });
});

describe("parseVersionGroups", () => {
  it.each([
    ["1.22.3", "1", "1.22"],
    ["v1.22", "1", "1.22"],
    ["1.2.3-ubuntu0.4", "1", "1.2"],
    ["2024.01", "2024", "2024.01"],
    ["1:2.3-1", "1:2", "1:2.3"],
    ["18", "18", null],
    [DIGEST_A, null, null],
    ["latest", null, null],
  ])("groups %s as major %s, minor %s", (version, major, minor) => {
    expect(parseVersionGroups(version)).toEqual({ major, minor });
  });
});
