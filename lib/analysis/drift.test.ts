import { describe, expect, it } from "vitest";
import { computeHostDrift, isHostDrifted } from "./drift";

const baseline = new Map([
  ["agent", "3"],
  ["nginx", "1.22"],
  ["node", "18"],
]);

describe("computeHostDrift", () => {
  it("reports differing, missing and extra components, sorted by component", () => {
    const drift = computeHostDrift({ components: { nginx: "1.24", node: "18", "redis-tools": "7" } }, baseline);
    expect(drift).toEqual([
      { component: "agent", expected: "3", actual: null, ignored: false },
      { component: "nginx", expected: "1.22", actual: "1.24", ignored: false },
      { component: "redis-tools", expected: null, actual: "7", ignored: false },
    ]);
  });

  it("reports nothing for a host matching the baseline", () => {
    expect(computeHostDrift({ components: { agent: "3", nginx: "1.22", node: "18" } }, baseline)).toEqual([]);
  });

  it("marks ignored components but still returns them", () => {
    const drift = computeHostDrift(
      { components: { agent: "3", nginx: "1.22", node: "18", uptime: "1234" } },
      baseline,
      (component) => component === "uptime",
    );
    expect(drift).toEqual([{ component: "uptime", expected: null, actual: "1234", ignored: true }]);
  });

  it("does not mistake Object.prototype members for components", () => {
    const drift = computeHostDrift({ components: {} }, new Map([["constructor", "1"]]));
    expect(drift).toEqual([{ component: "constructor", expected: "1", actual: null, ignored: false }]);
  });
});

describe("isHostDrifted", () => {
  it("counts only drift that is not ignored", () => {
    expect(isHostDrifted([])).toBe(false);
    expect(isHostDrifted([{ component: "uptime", expected: null, actual: "1", ignored: true }])).toBe(false);
    expect(
      isHostDrifted([
        { component: "uptime", expected: null, actual: "1", ignored: true },
        { component: "nginx", expected: "1.22", actual: "1.24", ignored: false },
      ]),
    ).toBe(true);
  });
});
