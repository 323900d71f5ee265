/**
 * Property-based fuzzing of the upload pipeline for buffered uploads (importUpload: archive
 * detection, UTF-8 decoding, format detection, the canonical JSON/NDJSON/CSV parser, limits):
 * whatever the bytes, the outcome is a valid snapshot or an AppError that says what is wrong
 * (invalid_input, unsupported_format, payload_too_large) — never another exception or a hang.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import {
  damagedText,
  expectCleanOutcome,
  fuzzCounter,
  invalidUtf8,
  mutatedJson,
  nastyString,
  nastyValue,
  nestedJson,
  utf8,
} from "@/lib/testing/fuzz-inputs";
import { importUpload, type ImportedSnapshot } from "./import";
import { DEFAULT_SNAPSHOT_LIMITS } from "./limits";
import type { Upload } from "./upload";

const LIMITS = { maxEntries: 100, maxUnpackedBytes: 8 * 1024 * 1024, ...DEFAULT_SNAPSHOT_LIMITS };
const RUNS = Number(process.env.DRIFTBOARD_FUZZ_RUNS ?? 500);
const EXAMPLES = ["snapshot.json", "snapshot.ndjson", "snapshot.csv"].map((name) => ({
  name,
  text: readFileSync(path.join(__dirname, "..", "..", "public", "examples", name), "utf8"),
}));
const NAMES = ["upload", "fleet.json", "hosts.csv", "hosts.ndjson", "facts.tar.gz", "facts.zip", "facts.gz", "facts.tar", "x.tgz"];

function upload(name: string, bytes: Uint8Array, options: Upload["options"] = {}): Upload {
  return { files: [{ name, bytes }], options, byteCount: bytes.byteLength };
}

function importBytes(name: string, bytes: Uint8Array, limits = LIMITS): ImportedSnapshot {
  return importUpload(upload(name, bytes), limits);
}

/** The AppError an import ends in (fails when it succeeds or throws anything else). */
function failure(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected the import to fail");
}

const started = fuzzCounter.runs;
afterAll(() => {
  console.log(`[fuzz] lib/snapshots: ${fuzzCounter.runs - started} inputs`);
});

describe("fuzzing buffered uploads", { timeout: 120_000 }, () => {
  it("random bytes under any file name", () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), fc.uint8Array({ maxLength: 2048 }), (name, bytes) => {
        expectCleanOutcome(() => importBytes(name, bytes));
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it("archive-looking bytes: gzip and zip magic followed by garbage", () => {
    const magic = fc.constantFrom([0x1f, 0x8b, 0x08, 0x00], [0x50, 0x4b, 0x03, 0x04], [0x50, 0x4b, 0x05, 0x06]);
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), magic, fc.uint8Array({ maxLength: 1024 }), (name, head, tail) => {
        expectCleanOutcome(() => importBytes(name, new Uint8Array([...head, ...tail])));
      }),
      { numRuns: RUNS },
    );
  });

  it("random text made of JSON and CSV punctuation", () => {
    const punctuation = fc.string({ unit: fc.constantFrom(..."{}[]\":,\\\n\r 0123456789.-eEtrufalsn_hostKeyservicecomponents".split("")), maxLength: 400 });
    fc.assert(
      fc.property(fc.constantFrom("upload", "a.json", "a.csv", "a.ndjson"), punctuation, (name, text) => {
        expectCleanOutcome(() => importBytes(name, utf8(text)));
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it("truncated and damaged canonical examples", () => {
    for (const example of EXAMPLES) {
      fc.assert(
        fc.property(damagedText(example.text), (text) => {
          expectCleanOutcome(() => importBytes(example.name, utf8(text)));
        }),
        { numRuns: RUNS },
      );
    }
  });

  it("structure-aware mutations of the canonical JSON example (wrong types, deleted fields, prototype keys)", () => {
    const json = EXAMPLES[0]!;
    fc.assert(
      fc.property(mutatedJson(JSON.parse(json.text)), (text) => {
        expectCleanOutcome(() => importBytes("fleet.json", utf8(text)));
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it("invalid UTF-8 anywhere is refused as not UTF-8 text", () => {
    for (const example of EXAMPLES) {
      fc.assert(
        fc.property(invalidUtf8(example.text), (bytes) => {
          expectCleanOutcome(() => importBytes(example.name, bytes));
          expect(failure(() => importBytes(example.name, bytes)).message).toMatch(/not UTF-8/);
        }),
        { numRuns: Math.ceil(RUNS / 3) },
      );
    }
  });

  it("hostile canonical documents: any value where strings belong, `__proto__` keys, odd names", () => {
    const host = fc.dictionary(
      fc.constantFrom("hostKey", "service", "environment", "role", "image", "launchedAt", "components", "config", "__proto__", "extra"),
      fc.oneof(nastyValue, nastyString, fc.dictionary(nastyString, fc.oneof(nastyString, nastyValue), { maxKeys: 5 })),
      { maxKeys: 8 },
    );
    const document = fc.record({ takenAt: fc.oneof(nastyString, nastyValue), hosts: fc.oneof(fc.array(host, { maxLength: 5 }), nastyValue) }, { requiredKeys: [] });
    fc.assert(
      fc.property(document, fc.boolean(), (doc, asNdjson) => {
        const text = asNdjson && Array.isArray(doc.hosts) ? doc.hosts.map((h) => JSON.stringify(h)).join("\n") : JSON.stringify(doc);
        expectCleanOutcome(() => importBytes(asNdjson ? "hosts.ndjson" : "fleet.json", utf8(text)));
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it("CSV with embedded newlines, quotes and commas, well-formed or not", () => {
    const cell = fc.oneof(nastyString, fc.constantFrom('"a\nb"', '"a""b"', '"unterminated', 'a"b', '""', '"x"y', "a\rb"));
    const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 8 });
    const header = fc.constantFrom("host,service,component,version", "host,service,component,version,kind", "hostKey,service,component,version,environment", "host,service");
    fc.assert(
      fc.property(header, rows, fc.constantFrom("\n", "\r\n", "\r"), (head, body, newline) => {
        const text = [head, ...body.map((row) => row.join(","))].join(newline);
        expectCleanOutcome(() => importBytes("hosts.csv", utf8(text)));
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it("deeply nested JSON fails fast with the depth limit, wherever it sits", () => {
    const placement = fc.constantFrom("bare", "component", "header", "ndjson");
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom("array", "object" as const), fc.boolean(), placement, (depth, kind, isClosed, where) => {
        const nested = nestedJson(depth, kind, isClosed);
        const text =
          where === "bare"
            ? nested
            : where === "component"
              ? `{"hosts":[{"hostKey":"a","service":"s","components":{"x":${nested}}}]}`
              : where === "header"
                ? `{"takenAt":${nested},"hosts":[]}`
                : `{"hostKey":"a","service":"s"}\n{"hostKey":"b","service":"s","components":${nested}}`;
        expectCleanOutcome(() => importBytes("upload", utf8(text)));
        const extra = where === "bare" ? 0 : where === "ndjson" ? 1 : where === "header" ? 1 : 4;
        if (depth + extra > LIMITS.maxJsonDepth) {
          expect(failure(() => importBytes("upload", utf8(text))).message).toMatch(/nested more than 64 levels/);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("a 1 MB `[[[[…` and other large hostile bodies finish quickly", () => {
    const bodies = [
      "[".repeat(1 << 20),
      '{"a":'.repeat(200_000),
      `{"hosts":[{"hostKey":"${"x".repeat(1 << 20)}","service":"s"}]}`,
      `{"hosts":[{"hostKey":"a","service":"s","components":{"${"n".repeat(1 << 20)}":"1"}}]}`,
      `host,service,component,version\n"${"a".repeat(1 << 20)}`,
      `{"hosts":[${Array.from({ length: 20_000 }, (_, i) => `{"hostKey":"h${i}","service":"s","components":{"__proto__":"1","constructor":"2"}}`).join(",")}]}`,
    ];
    for (const body of bodies) {
      const start = performance.now();
      expectCleanOutcome(() => importBytes("upload", utf8(body)));
      expect(performance.now() - start, body.slice(0, 40)).toBeLessThan(5_000);
    }
  });

  it("huge strings are refused with the field's limit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 513, max: 200_000 }), fc.constantFrom("hostKey", "service", "componentName", "version"), (length, field) => {
        const long = "x".repeat(field === "version" ? length + 512 : length);
        const host =
          field === "componentName"
            ? { hostKey: "a", service: "s", components: { [long]: "1" } }
            : field === "version"
              ? { hostKey: "a", service: "s", components: { nginx: long } }
              : { hostKey: "a", service: "s", [field]: long };
        const error = failure(() => importBytes("fleet.json", utf8(JSON.stringify({ hosts: [host] }))));
        expect(error.code).toBe("invalid_input");
        expect(error.message).toMatch(/at most (512|1024) characters/);
        fuzzCounter.runs++;
      }),
      { numRuns: 50 },
    );
  });
});

describe("round trips: whatever the names, what was uploaded is what is read", { timeout: 120_000 }, () => {
  // Names as a person could type them (hostKey and service are trimmed by the format), including
  // CSV's quotes, commas and newlines and keys that collide with Object.prototype's members
  // (`__proto__` itself is refused, below).
  const name = fc
    .oneof(fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }), fc.constantFrom("constructor", "toString", "hasOwnProperty", "valueOf", "a,b", 'say "hi"', "line\nbreak", "=1+1", "<b>x</b>"))
    .filter((s) => s.trim() === s && s.length > 0 && !/[\r]/.test(s) && s !== "__proto__");
  const versions = fc.uniqueArray(fc.tuple(name, name), { selector: ([n]) => n, maxLength: 6 }).map((pairs) => Object.fromEntries(pairs));
  const hosts = fc.uniqueArray(fc.record({ hostKey: name, service: name, components: versions, config: versions }), { selector: (h) => h.hostKey, minLength: 1, maxLength: 5 });

  it("canonical JSON and NDJSON", () => {
    fc.assert(
      fc.property(hosts, fc.boolean(), (fleet, asNdjson) => {
        fuzzCounter.runs++;
        const text = asNdjson ? fleet.map((h) => JSON.stringify(h)).join("\n") : JSON.stringify({ hosts: fleet });
        const { snapshot } = importUpload(upload(asNdjson ? "hosts.ndjson" : "fleet.json", utf8(text), { format: asNdjson ? "ndjson" : "json" }), LIMITS);
        expect(snapshot.hosts).toEqual(fleet);
      }),
      { numRuns: RUNS },
    );
  });

  it("canonical CSV, quoted as RFC 4180 says", () => {
    const quote = (cell: string) => (/[",\n]/.test(cell) || cell !== cell.trim() ? `"${cell.replaceAll('"', '""')}"` : cell);
    fc.assert(
      fc.property(hosts, fc.constantFrom("\n", "\r\n"), (fleet, newline) => {
        fuzzCounter.runs++;
        const rows = fleet.flatMap((h) => [
          [h.hostKey, h.service, "", "", "component"],
          ...Object.entries(h.components).map(([c, v]) => [h.hostKey, h.service, c, v, "component"]),
          ...Object.entries(h.config).map(([c, v]) => [h.hostKey, h.service, c, v, "config"]),
        ]);
        const text = ["host,service,component,version,kind", ...rows.map((r) => r.map(quote).join(","))].join(newline);
        const { snapshot } = importUpload(upload("hosts.csv", utf8(text), { format: "csv" }), LIMITS);
        expect(snapshot.hosts).toEqual(fleet);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("limits", () => {
  it("refuses `__proto__` as a name in every format, saying where", () => {
    const cases: Array<[string, string, RegExp]> = [
      ["fleet.json", '{"hosts":[{"hostKey":"a","service":"s","components":{"__proto__":"1"}}]}', /hosts\[0\]\.components\.__proto__: "__proto__" cannot be a component name/],
      ["hosts.ndjson", '{"hostKey":"a","service":"s"}\n{"hostKey":"b","service":"s","config":{"__proto__":"x"}}', /line 2: config\.__proto__: "__proto__" cannot be a config name/],
      ["hosts.csv", "host,service,component,version\na,s,__proto__,1", /line 2: components\.__proto__/],
      ["fleet.json", '{"hosts":[{"hostKey":"__proto__","service":"s"}]}', /hosts\[0\]\.hostKey: "__proto__" cannot be a hostKey/],
    ];
    for (const [name, text, message] of cases) {
      const error = failure(() => importBytes(name, utf8(text)));
      expect(error.code).toBe("invalid_input");
      expect(error.message).toMatch(message);
    }
    expect(({} as Record<string, unknown>)["1"]).toBeUndefined();
  });

  it("refuses more hosts than DRIFTBOARD_MAX_HOSTS with 413", () => {
    const text = JSON.stringify({ hosts: Array.from({ length: 11 }, (_, i) => ({ hostKey: `h${i}`, service: "s" })) });
    const error = failure(() => importBytes("fleet.json", utf8(text), { ...LIMITS, maxHosts: 10 }));
    expect(error).toMatchObject({ code: "payload_too_large" });
    expect(error.message).toContain("11 hosts, more than the limit of 10 (set DRIFTBOARD_MAX_HOSTS");
    expect(importBytes("fleet.json", utf8(text), { ...LIMITS, maxHosts: 11 }).snapshot.hosts).toHaveLength(11);
  });

  it("refuses more components per host than DRIFTBOARD_MAX_COMPONENTS_PER_HOST with 413", () => {
    const components = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`c${i}`, "1"]));
    const text = `host,service,component,version\n${Object.keys(components).map((c) => `web-1,web,${c},1`).join("\n")}`;
    const error = failure(() => importBytes("hosts.csv", utf8(text), { ...LIMITS, maxComponentsPerHost: 5 }));
    expect(error).toMatchObject({ code: "payload_too_large" });
    expect(error.message).toContain('host "web-1" has 6 components and config fingerprints, more than the limit of 5');
  });

  it("refuses JSON deeper than DRIFTBOARD_MAX_JSON_DEPTH before parsing it", () => {
    const ok = nestedJson(9, "array", true);
    expect(failure(() => importBytes("upload", utf8(nestedJson(11, "array", true)), { ...LIMITS, maxJsonDepth: 10 })).message).toMatch(
      /line 1: JSON is nested more than 10 levels deep \(set DRIFTBOARD_MAX_JSON_DEPTH/,
    );
    // Under the limit the usual parser answers (an array is not a snapshot).
    expect(failure(() => importBytes("upload", utf8(ok), { ...LIMITS, maxJsonDepth: 10 })).message).not.toMatch(/nested/);
    // Brackets inside strings do not count.
    const quoted = JSON.stringify({ hosts: [{ hostKey: "a", service: "s", components: { x: "[".repeat(100) } }] });
    expect(importBytes("fleet.json", utf8(quoted), { ...LIMITS, maxJsonDepth: 10 }).snapshot.hosts).toHaveLength(1);
  });
});
