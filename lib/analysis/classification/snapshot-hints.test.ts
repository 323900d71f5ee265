import { describe, expect, it } from "vitest";
import { collectSnapshotHints, HINT_MAX_CONFIDENCE, identifySourceTool } from "./snapshot-hints";
import { makeHost, makeSnapshot } from "./test-fixtures";

const taken = "2026-03-01T00:00:00Z";

describe("collectSnapshotHints", () => {
  it("leans mutable for old Ansible-managed hosts without images", () => {
    const hosts = [makeHost("web-1", {}, { launchedAt: "2025-01-25T00:00:00Z" }), makeHost("web-2", {}, { launchedAt: "2026-02-01T00:00:00Z" })];
    const result = collectSnapshotHints(makeSnapshot("s1", taken, hosts, "ansible"));
    expect(result.hints).toEqual([
      { text: "none of the 2 hosts reports an image id", leaning: "mutable" },
      { text: "oldest host launched 400 days before this snapshot", leaning: "mutable" },
      { text: "data came from Ansible, which manages hosts in place", leaning: "mutable" },
    ]);
    expect(result.leaning).toBe("mutable");
    expect(result.confidence).toBe(HINT_MAX_CONFIDENCE);
  });

  it("has no leaning when the hints cancel out", () => {
    // Shared image (immutable) but gathered by Chef (mutable); no launch times.
    const hosts = [makeHost("web-1", {}, { image: "ami-1" }), makeHost("web-2", {}, { image: "ami-1" })];
    const result = collectSnapshotHints(makeSnapshot("s1", taken, hosts, "chef"));
    expect(result.hints.map((hint) => hint.leaning)).toEqual(["immutable", "mutable"]);
    expect(result).toMatchObject({ leaning: null, confidence: 0 });
  });

  it("describes image layouts that point nowhere without a leaning", () => {
    const own = [makeHost("a", {}, { image: "i1" }), makeHost("b", {}, { image: "i2" })];
    const partial = [makeHost("a", {}, { image: "i1" }), makeHost("b", {})];
    const two = [makeHost("a", {}, { image: "i1" }), makeHost("b", {}, { image: "i1" }), makeHost("c", {}, { image: "i2" })];
    const single = [makeHost("a", {}, { image: "i1" })];
    const texts = [own, partial, two, single].map((hosts) => collectSnapshotHints(makeSnapshot("s", taken, hosts)).hints);
    expect(texts).toEqual([
      [{ text: "each of the 2 hosts runs its own image", leaning: null }],
      [{ text: "1 of 2 hosts report an image id", leaning: null }],
      [{ text: "3 hosts run 2 different images", leaning: null }],
      [{ text: "the only host runs image i1", leaning: null }],
    ]);
  });

  it("says nothing about host age when launches are spread but recent", () => {
    const hosts = [makeHost("a", {}, { launchedAt: "2026-01-01T00:00:00Z" }), makeHost("b", {}, { launchedAt: "2026-02-20T00:00:00Z" })];
    const [, age] = collectSnapshotHints(makeSnapshot("s", taken, hosts)).hints;
    expect(age).toEqual({ text: "hosts launched over 50 days, the oldest 59 days before this snapshot", leaning: null });
  });

  it("returns no hints and no leaning for an empty snapshot from an unknown tool", () => {
    expect(collectSnapshotHints(makeSnapshot("s", taken, [], "csv"))).toEqual({ hints: [], leaning: null, confidence: 0 });
  });
});

describe("identifySourceTool", () => {
  it("recognises tools inside importer format ids", () => {
    expect(identifySourceTool("aws-ec2")?.leaning).toBe("immutable");
    expect(identifySourceTool("kubectl-pods")?.label).toBe("Kubernetes");
    expect(identifySourceTool("Puppet facts")?.leaning).toBe("mutable");
    expect(identifySourceTool("osquery")?.leaning).toBe("mutable");
  });

  it("returns null for formats that name no tool", () => {
    expect(identifySourceTool("csv")).toBeNull();
    expect(identifySourceTool(null)).toBeNull();
    // Whole words only: "chefs-kiss" is not Chef, "awsome" is not AWS.
    expect(identifySourceTool("awsome")).toBeNull();
    expect(identifySourceTool("chefs-kiss")).toBeNull();
  });
});
