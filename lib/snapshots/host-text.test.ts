import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ManifestTextIndex, splitHostText } from "./host-text";
import { TextMap } from "./text-map";

describe("splitHostText", () => {
  it("splits a host into its other fields and the text of its components and config", () => {
    const split = splitHostText('{"hostKey":"h1","service":"web","components" : {"nginx":"1.24"},"config":{"/etc/x":"ab"},"role":"edge"}');
    expect(split?.rest).toEqual({ hostKey: "h1", service: "web", role: "edge" });
    expect(split?.manifestText).toEqual({ components: '{"nginx":"1.24"}', config: '{"/etc/x":"ab"}' });
    expect(split?.readWhole()).toEqual({ hostKey: "h1", service: "web", role: "edge", components: { nginx: "1.24" }, config: { "/etc/x": "ab" } });
  });

  it("finds config before components, and a component named config inside them", () => {
    const split = splitHostText('{"config":{"/a":"1"},"hostKey":"h","service":"s","components":{"config":"2"}}');
    expect(split?.manifestText).toEqual({ components: '{"config":"2"}', config: '{"/a":"1"}' });
    expect(splitHostText('{"hostKey":"h","service":"s","components":{"config":"2"}}')?.manifestText).toEqual({ components: '{"config":"2"}', config: "" });
  });

  it("says a split is incomplete when a brace sits inside a version", () => {
    const split = splitHostText('{"hostKey":"h","service":"s","components":{"a":"}","b":"1"}}');
    expect(split?.readWhole() ?? null).toBeNull();
  });

  it("gives up on keys it cannot be sure of: repeated, escaped, or a value named like them", () => {
    expect(splitHostText('{"hostKey":"h","service":"s","components":{"a":"1"},"components":0}')).toBeNull();
    expect(splitHostText('{"hostKey":"h","service":"s","components":{"a":"1"},"\\u0063omponents":{"a":"2"}}')).toBeNull();
    expect(splitHostText('{"hostKey":"h","service":"s","role":"config","components":{"a":"1"},"config":{"/x":"1"}}')).toBeNull();
    expect(splitHostText('{"hostKey":"h","service":"s","config":{"components":{"a":"1"}}}')).toBeNull();
    expect(splitHostText('{"hostKey":"h","service":"s"}')).toBeNull();
  });

  it("whenever it vouches for a split, the split reads back as the whole host", () => {
    const name = fc.string({ unit: fc.constantFrom(..."ac{}[]\":,\\ ".split("")), maxLength: 6 });
    const host = fc.record(
      { hostKey: name, service: name, role: fc.option(fc.constantFrom("config", "components", "web"), { nil: undefined }), components: fc.dictionary(name, name), config: fc.option(fc.dictionary(name, name), { nil: undefined }) },
      { requiredKeys: ["hostKey", "service", "components"] },
    );
    fc.assert(
      fc.property(host, fc.boolean(), (value, spaced) => {
        const text = JSON.stringify(value, null, spaced ? 1 : undefined);
        const split = splitHostText(text);
        const whole = split?.readWhole();
        if (!whole) return;
        expect(whole).toEqual(JSON.parse(text));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("ManifestTextIndex", () => {
  const text = (version: string) => ({ components: `{"app":"${version}","lib":"1.0"}`, config: "" });

  it("finds a manifest by its exact text only", () => {
    const index = new ManifestTextIndex<string>(1_000);
    index.add(text("1.0.0"), "hash-a");
    expect(index.get(text("1.0.0"))).toBe("hash-a");
    expect(index.get(text("1.0.1"))).toBeUndefined();
    expect(index.get({ ...text("1.0.0"), config: "{}" })).toBeUndefined();
  });

  it("starts over once its character budget is spent", () => {
    const index = new ManifestTextIndex<string>(40);
    index.add(text("1.0.0"), "hash-a");
    index.add(text("2.0.0"), "hash-b");
    expect(index.get(text("1.0.0"))).toBeUndefined();
    expect(index.get(text("2.0.0"))).toBe("hash-b");
  });
});

describe("TextMap", () => {
  it("keeps few texts per fingerprint, so texts that differ only between samples cost little", () => {
    const map = new TextMap<string>(10_000_000);
    // 5,000-character texts differing in one character that no sample reads.
    const long = (i: number) => `{"a":"${"x".repeat(2_500)}${String.fromCharCode(65 + i)}${"x".repeat(2_480)}"}`;
    const added = Array.from({ length: 20 }, (_, i) => map.set(long(i), `hash-${i}`));
    expect(added.filter(Boolean).length).toBeLessThanOrEqual(8);
    const found = Array.from({ length: 20 }, (_, i) => map.get(long(i)));
    expect(found.filter((hash) => hash !== undefined).length).toBe(added.filter(Boolean).length);
    expect(found[0]).toBe("hash-0");
  });
});
