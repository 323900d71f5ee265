import { describe, expect, it } from "vitest";
import { normaliseSnapshot } from "./identity";

describe("normaliseSnapshot", () => {
  it("stores launch times as UTC with milliseconds, whichever way the upload wrote them", () => {
    const host = (hostKey: string, launchedAt: string) => ({ hostKey, service: "web", launchedAt, components: { nginx: "1.24" }, config: {} });
    const { hosts } = normaliseSnapshot({
      takenAt: "2026-03-01T12:00:00Z",
      hosts: [host("a", "2026-03-01T12:00:00+01:00"), host("b", "2026-03-01T11:00:00Z"), host("c", "2026-03-01T11:00:00.000Z"), host("d", "2026-03-01T11:00:00.5Z")],
    });
    expect(hosts.map((h) => h.launchedAt)).toEqual(["2026-03-01T11:00:00.000Z", "2026-03-01T11:00:00.000Z", "2026-03-01T11:00:00.000Z", "2026-03-01T11:00:00.500Z"]);
  });

  it("is the same snapshot whatever the order of hosts or keys", () => {
    const a = { hostKey: "a", service: "web", components: { x: "1", y: "2" }, config: { "/etc/c": "f" } };
    const b = { hostKey: "b", service: "web", components: { y: "2", x: "1" }, config: { "/etc/c": "f" } };
    const first = normaliseSnapshot({ takenAt: "2026-03-01T12:00:00Z", hosts: [a, b] });
    const second = normaliseSnapshot({ takenAt: "2026-03-01T12:00:00Z", hosts: [b, a] });
    expect(second.id).toBe(first.id);
    expect(first.manifests).toHaveLength(1);
  });
});
