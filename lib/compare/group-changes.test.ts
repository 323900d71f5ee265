import { describe, expect, it } from "vitest";
import type { SnapshotChange } from "@/lib/analysis/compare";
import { abbreviateVersion, countKinds, summarizeComparison, filterGroupsByKind, groupChangesByService, splitReplacement, summarizeServiceChanges } from "./group-changes";

const launched = (service: string, hostKey: string, components: Record<string, string>, environment = "production"): SnapshotChange => ({
  service,
  environment,
  hostKey,
  kind: "launched",
  components: Object.entries(components).map(([name, to]) => ({ name, from: null, to })),
});
const retired = (service: string, hostKey: string, components: Record<string, string>): SnapshotChange => ({
  service,
  environment: "production",
  hostKey,
  kind: "retired",
  components: Object.entries(components).map(([name, from]) => ({ name, from, to: null })),
});
const mutated = (service: string, hostKey: string, changes: Array<[string, string | null, string | null]>): SnapshotChange => ({
  service,
  environment: "production",
  hostKey,
  kind: "mutated",
  components: changes.map(([name, from, to]) => ({ name, from, to })),
});

describe("groupChangesByService", () => {
  it("tells a replacement from a mutation, per service", () => {
    const groups = groupChangesByService([
      mutated("billing", "billing-01", [["openssl", "3.0.11", "3.0.13"]]),
      launched("storefront", "sf-new-1", { node: "20.12.2", libc6: "2.36" }),
      launched("storefront", "sf-new-2", { node: "20.12.2", libc6: "2.36" }),
      launched("storefront", "sf-new-3", { node: "20.12.2", libc6: "2.36" }),
      retired("storefront", "sf-old-1", { node: "20.11.1", libc6: "2.36" }),
      retired("storefront", "sf-old-2", { node: "20.11.1", libc6: "2.36" }),
      retired("storefront", "sf-old-3", { node: "20.11.1", libc6: "2.36" }),
    ]);
    expect(groups.map((g) => [g.service, g.how, g.summary])).toEqual([
      ["billing", "mutation", "1 host mutated in place"],
      ["storefront", "replacement", "3 hosts replaced"],
    ]);
    const storefront = groups[1]!;
    expect(storefront.counts).toEqual({ mutated: 0, launched: 3, retired: 3 });
    expect(storefront.replacementChanges).toEqual([{ name: "node", from: "20.11.1", to: "20.12.2" }]);
    expect(storefront.hosts.find((h) => h.hostKey === "sf-new-1")?.highlights).toEqual([{ name: "node", from: "20.11.1", to: "20.12.2" }]);
    expect(storefront.hosts.find((h) => h.hostKey === "sf-old-1")?.highlights).toEqual([{ name: "node", from: "20.11.1", to: "20.12.2" }]);
    expect(groups[0]?.hosts[0]?.highlights).toEqual([{ name: "openssl", from: "3.0.11", to: "3.0.13" }]);
    expect(storefront.hosts.map((h) => h.isTypicalReplacement)).toEqual([true, true, true, false, false, false]);
  });

  it("summarises a service changed both ways, with scale-out beyond the replacement", () => {
    const [group] = groupChangesByService([
      launched("search", "s-4", { app: "2" }),
      launched("search", "s-5", { app: "2" }),
      retired("search", "s-1", { app: "1" }),
      mutated("search", "s-2", [["openssl", "3.0.11", "3.0.13"]]),
    ]);
    expect(group).toMatchObject({ how: "both", replaced: 1, bringsNewVersions: true, summary: "1 host replaced, 1 launched, 1 mutated in place" });
  });

  it("calls hosts coming and going without new versions what they are", () => {
    const [scaleOut] = groupChangesByService([launched("api", "api-5", { app: "1" }), launched("api", "api-6", { app: "1" })]);
    expect(scaleOut).toMatchObject({ how: "scale", summary: "2 hosts launched", replacementChanges: [] });
    expect(scaleOut?.hosts[0]?.highlights).toEqual([]);
    const [recreated] = groupChangesByService([launched("api", "api-b", { app: "1" }), retired("api", "api-a", { app: "1" })]);
    expect(recreated).toMatchObject({ how: "replacement", bringsNewVersions: false, summary: "1 host replaced with the same versions" });
  });

  it("marks launched hosts that did not bring all of the replacement's changes", () => {
    const [group] = groupChangesByService([
      launched("web", "w-3", { app: "2", agent: "1" }),
      launched("web", "w-4", { app: "2", agent: "2" }),
      retired("web", "w-1", { app: "1", agent: "1" }),
      retired("web", "w-2", { app: "1", agent: "1" }),
    ]);
    expect(group?.hosts.filter((h) => h.kind === "launched").map((h) => [h.hostKey, h.isTypicalReplacement])).toEqual([
      ["w-3", false],
      ["w-4", true],
    ]);
  });

  it("keeps the same service in two environments apart", () => {
    const groups = groupChangesByService([launched("web", "w-1", { a: "1" }, "production"), launched("web", "w-2", { a: "1" }, "staging")]);
    expect(groups.map((g) => g.environment)).toEqual(["production", "staging"]);
  });

  it("names the retired hosts' versions when they differ among them", () => {
    const [group] = groupChangesByService([
      launched("web", "w-new", { nginx: "1.26" }),
      retired("web", "w-a", { nginx: "1.22" }),
      retired("web", "w-b", { nginx: "1.24" }),
    ]);
    expect(group?.replacementChanges).toEqual([{ name: "nginx", from: "1.22, 1.24", to: "1.26" }]);
    expect(group?.hosts[0]?.isTypicalReplacement).toBe(true);
    expect(group?.summary).toBe("1 host replaced, 1 retired");
  });
});

describe("splitReplacement", () => {
  it("names the typical replacement's hosts once and keeps the hosts worth reading one by one as rows", () => {
    const [group] = groupChangesByService([
      mutated("web", "w-0", [["openssl", "3.0.11", "3.0.13"]]),
      launched("web", "w-3", { app: "2", agent: "1" }),
      launched("web", "w-4", { app: "2", agent: "2" }),
      retired("web", "w-1", { app: "1", agent: "1" }),
      retired("web", "w-2", { app: "1", agent: "1" }),
    ]);
    const { replacement, rows } = splitReplacement(group!.hosts);
    expect(replacement?.launched.map((h) => h.hostKey)).toEqual(["w-4"]);
    expect(replacement?.retired.map((h) => h.hostKey)).toEqual(["w-1", "w-2"]);
    expect(rows.map((h) => h.hostKey)).toEqual(["w-0", "w-3"]);
  });

  it("keeps every host as a row when nothing was replaced", () => {
    const [scaledIn] = groupChangesByService([retired("web", "w-1", { app: "1" }), mutated("web", "w-2", [["app", "1", "2"]])]);
    expect(splitReplacement(scaledIn!.hosts)).toEqual({ replacement: null, rows: scaledIn!.hosts });
    const [scaledOut] = groupChangesByService([launched("api", "a-1", { app: "1" })]);
    expect(splitReplacement(scaledOut!.hosts).rows.map((h) => h.hostKey)).toEqual(["a-1"]);
  });
});

describe("filterGroupsByKind", () => {
  const groups = groupChangesByService([mutated("a", "a-1", [["x", "1", "2"]]), launched("b", "b-1", { x: "1" })]);

  it("keeps only hosts of the kind, and the counts of all", () => {
    const filtered = filterGroupsByKind(groups, "launched");
    expect(filtered.map((g) => g.service)).toEqual(["b"]);
    expect(filterGroupsByKind(groups, undefined)).toHaveLength(2);
    expect(filterGroupsByKind(groups, "retired")).toEqual([]);
  });
});

describe("summaries and counts", () => {
  it("reads naturally for large and empty counts", () => {
    expect(summarizeServiceChanges({ counts: { mutated: 1200, launched: 0, retired: 0 }, replaced: 0, bringsNewVersions: false })).toBe(
      "1,200 hosts mutated in place",
    );
    expect(summarizeServiceChanges({ counts: { mutated: 0, launched: 0, retired: 0 }, replaced: 0, bringsNewVersions: false })).toBe("No changes");
    expect(countKinds([{ kind: "retired" }, { kind: "retired" }, { kind: "mutated" }])).toEqual({ mutated: 1, launched: 0, retired: 2 });
  });
});

describe("abbreviateVersion", () => {
  it("shortens hashes and very long versions only", () => {
    expect(abbreviateVersion("40c8806e92a3c53a9373c6593d0dfb98c438f29087d663d34c21f8011c940aa1")).toBe("40c8806e92a3…");
    expect(abbreviateVersion("sha256:40c8806e92a3c53a9373c6593d0dfb98c438f29087d663d34c21f8011c940aa1")).toBe("sha256:40c8806e92a3…");
    expect(abbreviateVersion("3.0.13-1~deb12u1")).toBe("3.0.13-1~deb12u1");
    expect(abbreviateVersion("x".repeat(60))).toHaveLength(48);
  });
});

describe("summarizeComparison", () => {
  it("counts hosts and services by how they changed", () => {
    const groups = groupChangesByService([
      mutated("billing", "b-1", [["x", "1", "2"]]),
      launched("web", "w-2", { app: "2" }),
      retired("web", "w-1", { app: "1" }),
      launched("api", "a-3", { app: "1" }),
    ]);
    expect(summarizeComparison(groups)).toBe("4 hosts changed in 3 services: 1 by replacement, 1 in place, 1 scaled out or in");
    expect(summarizeComparison([])).toBe("No host changed");
  });
});
