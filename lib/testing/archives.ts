/** Builds .tar and .zip archives in memory, for tests that feed archives to the upload. */
import { crc32, deflateRawSync } from "node:zlib";

const encoder = new TextEncoder();

export interface ArchiveEntry {
  path: string;
  text?: string;
  /** Raw bytes, when the content is not text. */
  bytes?: Uint8Array;
  type?: "file" | "directory";
}

function contentOf(entry: ArchiveEntry): Uint8Array {
  return entry.bytes ?? encoder.encode(entry.text ?? "");
}

/** A ustar archive, the way `tar -c` writes one. */
export function buildTar(entries: ArchiveEntry[]): Uint8Array {
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
export function buildZip(entries: (ArchiveEntry & { stored?: boolean; declaredSize?: number })[]): Uint8Array {
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
