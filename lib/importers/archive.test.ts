import { gzipSync } from "node:zlib";
import { type ArchiveEntry, buildTar, buildZip } from "@/lib/testing/archives";
import { describe, expect, it } from "vitest";
import { expandArchive } from "./archive";
import { importFiles } from "./index";
import { readFixture, thrown } from "./test-utils";

const LIMITS = { maxEntries: 100, maxUnpackedBytes: 1024 * 1024 };
const encoder = new TextEncoder();

const factCache: ArchiveEntry[] = [
  { path: "facts/", type: "directory" },
  { path: "facts/billing-03.prod.example.com", text: readFixture("ansible/fact-cache/billing-03.prod.example.com").text },
  { path: "facts/pg-01.prod.example.com", text: readFixture("ansible/fact-cache/pg-01.prod.example.com").text },
  { path: "facts/.DS_Store", text: "\0\0\0\x01Bud1" },
  { path: "__MACOSX/facts/._pg-01.prod.example.com", text: "\0\x05\x16\x07" },
];

describe("expandArchive", () => {
  it("unpacks a .tar.gz fact cache, skipping directories and dotfiles, into importable files", () => {
    const files = expandArchive("facts.tar.gz", gzipSync(buildTar(factCache)), LIMITS);
    expect(files.map((file) => file.name)).toEqual(["facts/billing-03.prod.example.com", "facts/pg-01.prod.example.com"]);
    const result = importFiles(files);
    expect(result.format).toBe("ansible");
    expect(result.snapshot.hosts.map((host) => host.hostKey)).toEqual(["billing-03.prod.example.com", "pg-01.prod.example.com"]);
  });

  it("unpacks a .zip with deflated and stored entries", () => {
    const entries = factCache.map((entry, index) => ({ ...entry, stored: index === 2 }));
    const files = expandArchive("facts.zip", buildZip(entries), LIMITS);
    expect(files.map((file) => file.name)).toEqual(["facts/billing-03.prod.example.com", "facts/pg-01.prod.example.com"]);
    expect(files[1]?.text).toBe(readFixture("ansible/fact-cache/pg-01.prod.example.com").text);
  });

  it("unpacks a lone .gz file and passes a plain file through", () => {
    const text = readFixture("docker/inspect.json").text;
    expect(expandArchive("inspect.json.gz", gzipSync(text), LIMITS)).toEqual([{ name: "inspect.json", text }]);
    expect(expandArchive("inspect.json", encoder.encode(text), LIMITS)).toEqual([{ name: "inspect.json", text }]);
    // A .tgz named plainly is still recognised by its magic bytes.
    expect(expandArchive("upload", gzipSync(buildTar(factCache)), LIMITS)).toHaveLength(2);
  });

  it("stops a zip bomb before inflating it", () => {
    const bomb = buildZip([{ path: "zeros.json", bytes: new Uint8Array(64 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const started = performance.now();
    const error = thrown(() => expandArchive("bomb.zip", bomb, LIMITS));
    expect(error).toMatchObject({ code: "payload_too_large", file: "bomb.zip" });
    expect(error.message).toBe(`bomb.zip: the archive unpacks to more than ${LIMITS.maxUnpackedBytes} bytes`);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("stops a zip bomb that lies about its size while inflating", () => {
    const liar = buildZip([{ path: "zeros.json", bytes: new Uint8Array(64 * 1024 * 1024), declaredSize: 10 }]);
    expect(thrown(() => expandArchive("liar.zip", liar, LIMITS)).code).toBe("payload_too_large");
  });

  it("stops a gzip bomb and an archive with too many entries", () => {
    const bomb = gzipSync(buildTar([{ path: "zeros.json", bytes: new Uint8Array(32 * 1024 * 1024) }]));
    expect(thrown(() => expandArchive("bomb.tar.gz", bomb, LIMITS)).code).toBe("payload_too_large");
    const many = Array.from({ length: 101 }, (_, index) => ({ path: `facts/host-${index}`, text: "{}" }));
    expect(thrown(() => expandArchive("many.zip", buildZip(many), LIMITS))).toMatchObject({ code: "payload_too_large", message: expect.stringContaining("more than 100 entries") });
    expect(thrown(() => expandArchive("many.tgz", gzipSync(buildTar(many)), LIMITS)).code).toBe("payload_too_large");
  });

  it("rejects corrupt archives as invalid input", () => {
    const zip = buildZip(factCache);
    expect(thrown(() => expandArchive("cut.zip", zip.subarray(0, zip.length - 30), LIMITS))).toMatchObject({ code: "invalid_input", file: "cut.zip" });
    const tgz = gzipSync(buildTar(factCache));
    expect(thrown(() => expandArchive("cut.tgz", tgz.subarray(0, tgz.length / 2), LIMITS)).code).toBe("invalid_input");
    expect(thrown(() => expandArchive("fake.zip", encoder.encode("not a zip"), LIMITS)).code).toBe("invalid_input");
  });
});
