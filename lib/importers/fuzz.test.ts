/**
 * Property-based fuzzing of every tool importer and the archive reader, starting from the
 * real-shaped fixtures: fields replaced by values of the wrong type, deleted, duplicated,
 * `__proto__` keys, truncated and spliced text, several damaged files merged, damaged
 * archives. Each ends as valid hosts or an AppError that says what is wrong — never a
 * TypeError, a stack overflow or a hang.
 */
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { canonicalParser, importUpload } from "@/lib/snapshots/import";
import { DEFAULT_SNAPSHOT_LIMITS } from "@/lib/snapshots/limits";
import { buildTar, buildZip } from "@/lib/testing/archives";
import { damagedText, expectCleanOutcome, fuzzCounter, mutatedJson, nastyString, nastyValue, utf8 } from "@/lib/testing/fuzz-inputs";
import { expandArchive } from "./archive";
import { FORMAT_IDS, IMPORTERS, importFiles } from "./index";
import { jsonOf, listFixtures, readFixture } from "./test-utils";

const RUNS = Number(process.env.DRIFTBOARD_FUZZ_RUNS ?? 500);
const HOOKS = { canonical: canonicalParser };
const ARCHIVE_LIMITS = { maxEntries: 50, maxUnpackedBytes: 4 * 1024 * 1024 };

const fixtures = listFixtures().map((relative) => ({ tool: relative.split("/")[0]!, file: readFixture(relative) }));
const jsonFixtures = fixtures.filter((f) => jsonOf(f.file.text) !== undefined);
const textFixtures = fixtures.filter((f) => jsonOf(f.file.text) === undefined);

const started = fuzzCounter.runs;
afterAll(() => {
  console.log(`[fuzz] lib/importers: ${fuzzCounter.runs - started} inputs over ${fixtures.length} fixtures and ${IMPORTERS.length} importers`);
});

describe("fuzzing the tool importers", { timeout: 300_000 }, () => {
  it("has fixtures for every importer", () => {
    for (const id of FORMAT_IDS) expect(fixtures.some((f) => f.tool === id), id).toBe(true);
  });

  it.each(jsonFixtures.map((f) => [`${f.tool}/${f.file.name}`, f] as const))("structure-aware mutations of %s", (_label, fixture) => {
    const document = jsonOf(fixture.file.text);
    fc.assert(
      fc.property(mutatedJson(document), fc.boolean(), (text, isForced) => {
        const file = { name: fixture.file.name, text };
        // Forced, the tool's parser must cope even with what its detector would have refused.
        const options = isForced ? { format: fixture.tool } : {};
        expectCleanOutcome(() => importFiles([file], options, HOOKS));
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it.each(fixtures.map((f) => [`${f.tool}/${f.file.name}`, f] as const))("truncated and spliced text of %s", (_label, fixture) => {
    fc.assert(
      fc.property(damagedText(fixture.file.text), fc.boolean(), (text, isForced) => {
        expectCleanOutcome(() => importFiles([{ name: fixture.file.name, text }], isForced ? { format: fixture.tool } : {}, HOOKS));
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });

  it("text formats (Ansible setup output, osquery logs) with hostile lines", () => {
    for (const fixture of textFixtures) {
      const lines = fixture.file.text.split("\n");
      fc.assert(
        fc.property(fc.nat({ max: lines.length }), fc.oneof(nastyString, nastyValue.map((v) => JSON.stringify(v) ?? "")), (at, line) => {
          const text = [...lines.slice(0, at), line, ...lines.slice(at)].join("\n");
          expectCleanOutcome(() => importFiles([{ name: fixture.file.name, text }], { format: fixture.tool }, HOOKS));
        }),
        { numRuns: Math.ceil(RUNS / 4) },
      );
    }
  });

  it("any JSON value forced through any importer", () => {
    fc.assert(
      fc.property(fc.constantFrom(...FORMAT_IDS), nastyValue, (format, value) => {
        expectCleanOutcome(() => importFiles([{ name: "x.json", text: JSON.stringify(value) ?? "null" }], { format }, HOOKS));
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it("hostile uploader options (service, environment, host, takenAt)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), nastyString, nastyString, nastyString, nastyString, (fixture, service, environment, host, takenAt) => {
        expectCleanOutcome(() => importFiles([fixture.file], { service, environment, host, takenAt }, HOOKS));
      }),
      { numRuns: RUNS },
    );
  });

  it("several damaged files of different tools merged into one snapshot", () => {
    const damaged = fc.constantFrom(...jsonFixtures).chain((fixture) => mutatedJson(jsonOf(fixture.file.text)).map((text) => ({ name: fixture.file.name, text })));
    const intact = fc.constantFrom(...fixtures).map((f) => f.file);
    fc.assert(
      fc.property(fc.array(fc.oneof(damaged, intact), { minLength: 2, maxLength: 4 }), (files) => {
        expectCleanOutcome(() => importFiles(files, {}, HOOKS));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("fuzzing archives", { timeout: 300_000 }, () => {
  const entries = fixtures.slice(0, 6).map((f, i) => ({ path: `facts/${i}-${f.file.name}`, text: f.file.text }));
  const archives = [
    { name: "facts.tar.gz", bytes: gzipSync(buildTar(entries)) },
    { name: "facts.tar", bytes: buildTar(entries) },
    { name: "facts.zip", bytes: buildZip(entries) },
    { name: "facts.json.gz", bytes: gzipSync(utf8(fixtures[0]!.file.text)) },
  ];

  it("intact archives unpack", () => {
    for (const archive of archives) expect(expandArchive(archive.name, archive.bytes, ARCHIVE_LIMITS).length).toBeGreaterThan(0);
  });

  it("flipped, cut and inserted bytes in archives end in files or a clear error", () => {
    const damage = fc.record({
      archive: fc.constantFrom(...archives),
      flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
      cut: fc.option(fc.nat(), { nil: undefined }),
    });
    fc.assert(
      fc.property(damage, ({ archive, flips, cut }) => {
        const bytes = new Uint8Array(archive.bytes);
        for (const [at, value] of flips) bytes[at % bytes.length] = value;
        const damaged = cut === undefined ? bytes : bytes.subarray(0, cut % bytes.length);
        const upload = { files: [{ name: archive.name, bytes: damaged }], options: {}, byteCount: damaged.length };
        expectCleanOutcome(() => importUpload(upload, { ...ARCHIVE_LIMITS, ...DEFAULT_SNAPSHOT_LIMITS }));
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it("zip bombs and entry floods fail fast with 413", () => {
    const bomb = { name: "bomb.zip", bytes: buildZip([{ path: "a.json", text: " ".repeat(8 * 1024 * 1024) }]) };
    const gzBomb = { name: "bomb.json.gz", bytes: gzipSync(new Uint8Array(64 * 1024 * 1024)) };
    const flood = { name: "flood.tar", bytes: buildTar(Array.from({ length: 60 }, (_, i) => ({ path: `f/${i}.json`, text: "{}" }))) };
    for (const archive of [bomb, gzBomb, flood]) {
      const start = performance.now();
      let code = "";
      try {
        expandArchive(archive.name, archive.bytes, ARCHIVE_LIMITS);
      } catch (error) {
        code = (error as { code?: string }).code ?? "";
      }
      expect(code, archive.name).toBe("payload_too_large");
      expect(performance.now() - start).toBeLessThan(5_000);
      fuzzCounter.runs++;
    }
  });
});
