import { crc32, deflateRawSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { expandArchive } from "./archive";
import { importFiles } from "./index";
import { readFixture, thrown } from "./test-utils";

const LIMITS = { maxEntries: 100, maxUnpackedBytes: 1024 * 1024 };
const encoder = new TextEncoder();

interface Entry {
  path: string;
  text?: string;
  /** Raw bytes, when the content is not text. */
  bytes?: Uint8Array;
  type?: "file" | "directory";
}

function contentOf(entry: Entry): Uint8Array {
  return entry.bytes ?? encoder.encode(entry.text ?? "");
}

/** A ustar archive, the way `tar -c` writes one. */
function buildTar(entries: Entry[]): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (const entry of entries) {
    const data = entry.type === "directory" ? new Uint8Array() : contentOf(entry);
    const header = new Uint8Array(512);
    const put = (offset: number, text: string) => header.set(encoder.encode(text), offset);
    put(0, entry.path);
    put(100, "0000644\0");
    put(108, "0001750\0");
    put(116, "0001750\0");
    put(124, `${data.length.toString(8).padStart(11, "0")}\0`);
    put(136, `${Math.floor(Date.parse("2026-03-01T10:00:00Z") / 1000).toString(8).padStart(11, "0")}\0`);
    put(156, entry.type === "directory" ? "5" : "0");
    put(257, "ustar\0");
    put(263, "00");
    put(148, "        ");
    const sum = header.reduce((total, byte) => total + byte, 0);
    put(148, `${sum.toString(8).padStart(6, "0")}\0 `);
    blocks.push(header, data, new Uint8Array((512 - (data.length % 512)) % 512));
  }
  blocks.push(new Uint8Array(1024));
  return Buffer.concat(blocks);
}

/** A zip archive with a central directory, deflated entries unless `stored`. */
function buildZip(entries: (Entry & { stored?: boolean; declaredSize?: number })[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.path);
    const data = entry.type === "directory" ? new Uint8Array() : contentOf(entry);
    const compressed = entry.stored || entry.type === "directory" ? data : deflateRawSync(data);
    const method = entry.stored || entry.type === "directory" ? 0 : 8;
    const size = entry.declaredSize ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(method, 10);
    header.writeUInt32LE(crc32(data), 16);
    header.writeUInt32LE(compressed.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    central.push(header, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const factCache: Entry[] = [
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
