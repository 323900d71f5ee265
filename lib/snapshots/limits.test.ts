import { describe, expect, it } from "vitest";
import { assertComponentCount, assertHostCount, assertJsonDepth, assertRawHostAllowed } from "./limits";

function messageOf(run: () => void): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return "";
}

describe("assertJsonDepth", () => {
  it("counts objects and arrays, not brackets in strings (escaped quotes included)", () => {
    expect(() => assertJsonDepth('{"a":{"b":[1]}}', 3)).not.toThrow();
    expect(messageOf(() => assertJsonDepth('{"a":{"b":[1]}}', 2))).toMatch(/line 1: JSON is nested more than 2 levels deep/);
    expect(() => assertJsonDepth('{"a":"[[[[\\"[[[["}', 1)).not.toThrow();
    expect(() => assertJsonDepth('{"a":"\\\\"}', 1)).not.toThrow();
  });

  it("names the line and file, and resets between NDJSON lines", () => {
    const ndjson = '{"a":{}}\n{"a":{}}\n{"a":{"b":{}}}';
    expect(() => assertJsonDepth(ndjson, 2, "hosts.ndjson")).toThrow(/hosts\.ndjson: line 3:/);
    expect(() => assertJsonDepth(ndjson, 3)).not.toThrow();
  });

  it("leaves text that is not JSON alone (CSV with brackets in cells)", () => {
    expect(() => assertJsonDepth('host,service\n"[[[[[[",x', 1)).not.toThrow();
    expect(() => assertJsonDepth("\ufeff  [[[]]]", 2)).toThrow(/nested more than 2/);
  });

  it("scans a 1 MB `[[[[…` in well under a second", () => {
    const start = performance.now();
    expect(() => assertJsonDepth("[".repeat(1 << 20), 64)).toThrow();
    expect(performance.now() - start).toBeLessThan(1_000);
  });
});

describe("host and component limits", () => {
  it("refuses too many hosts with 413 and the variable to change", () => {
    expect(() => assertHostCount(10, { maxHosts: 10 })).not.toThrow();
    expect(() => assertHostCount(11, { maxHosts: 10 })).toThrow(expect.objectContaining({ code: "payload_too_large" }));
  });

  it("counts components and config fingerprints together", () => {
    const host = { hostKey: "web-1", components: { a: "1", b: "1" }, config: { c: "x" } };
    expect(() => assertComponentCount(host, { maxComponentsPerHost: 3 })).not.toThrow();
    expect(messageOf(() => assertComponentCount(host, { maxComponentsPerHost: 2 }, { line: 4 }))).toBe(
      'line 4: host "web-1" has 3 components and config fingerprints, more than the limit of 2 (set DRIFTBOARD_MAX_COMPONENTS_PER_HOST to change it)',
    );
  });

  it("checks raw hosts before validation, leaving odd shapes to the schema", () => {
    expect(() => assertRawHostAllowed("not a host", { maxComponentsPerHost: 1 })).not.toThrow();
    expect(() => assertRawHostAllowed({ components: [1, 2, 3] }, { maxComponentsPerHost: 1 })).not.toThrow();
    expect(messageOf(() => assertRawHostAllowed({ hostKey: "a", components: { x: "1", y: "2" } }, { maxComponentsPerHost: 1 }, { path: ["hosts", 2] }))).toMatch(
      /^hosts\[2\]: host "a" has 2 components/,
    );
    const proto = JSON.parse('{"hostKey":"a","config":{"__proto__":"x"}}') as unknown;
    expect(messageOf(() => assertRawHostAllowed(proto, { maxComponentsPerHost: 10 }, { line: 7 }))).toBe('line 7: config.__proto__: "__proto__" cannot be a config name');
    expect(messageOf(() => assertRawHostAllowed({ service: " __proto__ " }, { maxComponentsPerHost: 10 }))).toMatch(/cannot be a service/);
  });
});
