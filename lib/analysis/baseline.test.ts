import { describe, expect, it } from "vitest";
import { computeBaseline, computeMajorityBaseline } from "./baseline";
import type { AnalysisHost } from "./types";

function host(hostKey: string, components: Record<string, string>): AnalysisHost {
  return { hostKey, service: "web", environment: "prod", manifestHash: hostKey, components };
}

// DESIGN.md's three "identical" web servers.
const A = host("A", { nginx: "1.22", node: "18", agent: "2" });
const B = host("B", { nginx: "1.24", node: "20", agent: "3" });
const C = host("C", { nginx: "1.22", node: "18" });

describe("computeMajorityBaseline", () => {
  it("takes the modal version, breaking ties by the newest", () => {
    expect(Object.fromEntries(computeMajorityBaseline([A, B, C]))).toEqual({ nginx: "1.22", node: "18", agent: "3" });
  });

  it("breaks ties by version order, not by string order or host order", () => {
    const hosts = [host("a", { node: "1.10" }), host("b", { node: "1.9" })];
    expect(computeMajorityBaseline(hosts).get("node")).toBe("1.10");
    expect(computeMajorityBaseline([...hosts].reverse()).get("node")).toBe("1.10");
  });

  it("leaves out a component only a minority of hosts run", () => {
    const hosts = [host("1", { debug: "1" }), host("2", {}), host("3", {}), host("4", {}), host("5", {})];
    expect(computeMajorityBaseline(hosts).has("debug")).toBe(false);
  });

  it("keeps a component two of three hosts run, and keeps it on a present/absent tie", () => {
    expect(computeMajorityBaseline([host("1", { x: "1" }), host("2", { x: "1" }), host("3", {})]).get("x")).toBe("1");
    expect(computeMajorityBaseline([host("1", { x: "1" }), host("2", {})]).get("x")).toBe("1");
  });

  it("decides presence before version, so version skew does not drop a component most hosts run", () => {
    const hosts = [host("1", { x: "1" }), host("2", { x: "2" }), host("3", { x: "3" }), host("4", {}), host("5", {})];
    expect(computeMajorityBaseline(hosts).get("x")).toBe("3");
  });

  it("is empty for no hosts", () => {
    expect(computeMajorityBaseline([]).size).toBe(0);
  });
});

describe("computeBaseline", () => {
  it("overlays declared versions on the majority", () => {
    const { baseline, source } = computeBaseline({
      hosts: [A, B, C],
      source: "declared",
      declared: { nginx: "1.24", "fluent-bit": "2.1" },
    });
    expect(source).toBe("declared");
    expect(Object.fromEntries(baseline)).toEqual({ nginx: "1.24", node: "18", agent: "3", "fluent-bit": "2.1" });
  });

  it("ignores declared versions unless the source is declared", () => {
    const { baseline } = computeBaseline({ hosts: [A, B, C], source: "majority", declared: { nginx: "1.24" } });
    expect(baseline.get("nginx")).toBe("1.22");
  });

  it("uses the majority of the previous snapshot for the previous source", () => {
    const previousHosts = [host("A", { nginx: "1.20" }), host("B", { nginx: "1.20" })];
    const { baseline, source } = computeBaseline({ hosts: [A, B, C], source: "previous", previousHosts });
    expect(source).toBe("previous");
    expect(Object.fromEntries(baseline)).toEqual({ nginx: "1.20" });
  });

  it("falls back to the majority when there is no previous snapshot", () => {
    const { baseline, source } = computeBaseline({ hosts: [A, B, C], source: "previous", previousHosts: [] });
    expect(source).toBe("majority");
    expect(baseline.get("nginx")).toBe("1.22");
  });
});
