import { describe, expect, it } from "vitest";
import { compareHosts } from "./compare";
import type { AnalysisHost } from "./types";

function host(hostKey: string, components: Record<string, string>, extra: Partial<AnalysisHost> = {}): AnalysisHost {
  return { hostKey, service: "web", environment: "prod", manifestHash: JSON.stringify(components), components, ...extra };
}

describe("compareHosts", () => {
  it("finds in-place mutations with the components that changed", () => {
    const changes = compareHosts([host("a", { nginx: "1.22", node: "18" })], [host("a", { nginx: "1.24", node: "18", agent: "3" })]);
    expect(changes).toEqual([
      {
        service: "web",
        environment: "prod",
        hostKey: "a",
        kind: "mutated",
        components: [
          { name: "agent", from: null, to: "3" },
          { name: "nginx", from: "1.22", to: "1.24" },
        ],
      },
    ]);
  });

  it("reports launched and retired hosts, and nothing for unchanged ones", () => {
    const changes = compareHosts([host("old", { app: "1" }), host("same", { app: "1" })], [host("same", { app: "1" }), host("new", { app: "2" })]);
    expect(changes.map((c) => [c.hostKey, c.kind])).toEqual([
      ["new", "launched"],
      ["old", "retired"],
    ]);
    expect(changes[0]!.components).toEqual([{ name: "app", from: null, to: "2" }]);
    expect(changes[1]!.components).toEqual([{ name: "app", from: "1", to: null }]);
  });

  it("counts an image change as a mutation even when the manifest is the same", () => {
    const changes = compareHosts([host("a", { app: "1" }, { image: "img:1" })], [host("a", { app: "1" }, { image: "img:2" })]);
    expect(changes[0]).toMatchObject({ kind: "mutated", components: [{ name: "image", from: "img:1", to: "img:2" }] });
  });
});
