/**
 * Unpacks an uploaded archive of tool output (a fact-cache directory as .tar.gz/.tgz/.tar/.zip,
 * or one gzipped file) into ImportFiles, with node:zlib only. Limits are enforced while
 * unpacking, so a zip bomb fails fast instead of filling memory.
 */
import { gunzipSync, inflateRawSync } from "node:zlib";
import { AppError } from "@/lib/errors";
import type { ImportFile } from "./types";

export interface ArchiveLimits {
  /** Most entries (files and directories) an archive may hold. */
  maxEntries: number;
  /** Most bytes all unpacked files together may hold. */
  maxUnpackedBytes: number;
}

const decoder = new TextDecoder("utf-8");

type Kind = "tar.gz" | "tar" | "zip" | "gz" | "plain";

function kindOf(name: string, bytes: Uint8Array): Kind {
  const lower = name.toLowerCase();
  const isGzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);
  if (isZip || (lower.endsWith(".zip") && bytes.length === 0)) return "zip";
  if (isGzip) return lower.endsWith(".tar.gz") || lower.endsWith(".tgz") ? "tar.gz" : "gz";
  if (lower.endsWith(".tar") && hasTarHeader(bytes, 0)) return "tar";
  if (/\.(tar\.gz|tgz|zip)$/.test(lower)) {
    throw new AppError("invalid_input", { message: `${name}: the file is named like an archive but is not one`, file: name });
  }
  return "plain";
}

function tooLarge(name: string, limits: ArchiveLimits): AppError {
  return new AppError("payload_too_large", {
    message: `${name}: the archive unpacks to more than ${limits.maxUnpackedBytes} bytes`,
    file: name,
  });
}

function tooManyEntries(name: string, limits: ArchiveLimits): AppError {
  return new AppError("payload_too_large", { message: `${name}: the archive holds more than ${limits.maxEntries} entries`, file: name });
}

function corrupt(name: string, detail: string): AppError {
  return new AppError("invalid_input", { message: `${name}: the archive is corrupt: ${detail}`, file: name });
}

/** Directories, dotfiles (`.DS_Store`, `._foo`) and macOS resource forks are not data. */
function isSkippedPath(path: string): boolean {
  return path.endsWith("/") || path.split("/").some((segment) => segment.startsWith(".") || segment === "__MACOSX");
}

function isBufferLimitError(error: unknown): boolean {
  return error instanceof Error && ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError);
}

function gunzip(name: string, bytes: Uint8Array, maxOutputLength: number, limits: ArchiveLimits): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: Math.max(1, maxOutputLength) });
  } catch (error) {
    if (isBufferLimitError(error)) throw tooLarge(name, limits);
    throw corrupt(name, error instanceof Error ? error.message : String(error));
  }
}

// ---------------------------------------------------------------------------------------------
// tar (ustar, with GNU long names and pax path headers)

function readString(bytes: Uint8Array, offset: number, length: number): string {
  let end = offset;
  while (end < offset + length && bytes[end] !== 0) end++;
  return decoder.decode(bytes.subarray(offset, end));
}

function readOctal(bytes: Uint8Array, offset: number, length: number): number {
  // GNU base-256 for sizes over 8 GiB: high bit set on the first byte.
  if ((bytes[offset]! & 0x80) !== 0) {
    let value = 0;
    for (let i = offset + 1; i < offset + length; i++) value = value * 256 + bytes[i]!;
    return value;
  }
  const text = readString(bytes, offset, length).trim();
  return text ? parseInt(text, 8) : 0;
}

function hasTarHeader(bytes: Uint8Array, offset: number): boolean {
  if (bytes.length < offset + 512) return false;
  const stored = readOctal(bytes, offset + 148, 8);
  let sum = 0;
  for (let i = offset; i < offset + 512; i++) sum += i >= offset + 148 && i < offset + 156 ? 0x20 : bytes[i]!;
  return Number.isFinite(stored) && stored === sum;
}

function readTar(name: string, bytes: Uint8Array, limits: ArchiveLimits): ImportFile[] {
  const files: ImportFile[] = [];
  let offset = 0;
  let entries = 0;
  let unpacked = 0;
  let longName: string | undefined;
  let paxPath: string | undefined;
  while (offset + 512 <= bytes.length) {
    if (bytes.subarray(offset, offset + 512).every((byte) => byte === 0)) break; // end-of-archive blocks
    if (!hasTarHeader(bytes, offset)) throw corrupt(name, `bad tar header at byte ${offset}`);
    const size = readOctal(bytes, offset + 124, 12);
    const type = String.fromCharCode(bytes[offset + 156] || 0x30);
    const prefix = readString(bytes, offset + 345, 155);
    const baseName = readString(bytes, offset + 0, 100);
    const dataStart = offset + 512;
    const dataEnd = dataStart + size;
    if (!Number.isFinite(size) || size < 0 || dataEnd > bytes.length) throw corrupt(name, `tar entry at byte ${offset} runs past the end`);
    const data = bytes.subarray(dataStart, dataEnd);
    offset = dataStart + Math.ceil(size / 512) * 512;

    if (type === "L") {
      longName = readString(data, 0, data.length);
      continue;
    }
    if (type === "x") {
      const match = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(decoder.decode(data));
      paxPath = match ? match[1] : undefined;
      continue;
    }
    if (type === "g") continue;
    entries++;
    if (entries > limits.maxEntries) throw tooManyEntries(name, limits);
    const path = (paxPath ?? longName ?? (prefix ? `${prefix}/${baseName}` : baseName)).replace(/^\.\//, "");
    longName = undefined;
    paxPath = undefined;
    if (type !== "0" && type !== "7") continue; // directories, links, devices
    if (isSkippedPath(path) || !path) continue;
    unpacked += size;
    if (unpacked > limits.maxUnpackedBytes) throw tooLarge(name, limits);
    files.push({ name: path, text: decoder.decode(data) });
  }
  return files;
}

// ---------------------------------------------------------------------------------------------
// zip (central directory + inflateRaw; no zip64, no encryption)

function readZip(name: string, bytes: Uint8Array, limits: ArchiveLimits): ImportFile[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) throw corrupt(name, "no zip end-of-central-directory record");
  const count = view.getUint16(eocd + 10, true);
  let cursor = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cursor === 0xffffffff) throw new AppError("invalid_input", { message: `${name}: zip64 archives are not supported`, file: name });
  if (count > limits.maxEntries) throw tooManyEntries(name, limits);

  // Read the whole directory first, so declared sizes fail the upload before anything inflates.
  const entries: { path: string; method: number; flags: number; compressedSize: number; size: number; localOffset: number }[] = [];
  let declared = 0;
  for (let i = 0; i < count; i++) {
    if (cursor + 46 > bytes.length || view.getUint32(cursor, true) !== 0x02014b50) throw corrupt(name, `bad central directory entry ${i}`);
    const flags = view.getUint16(cursor + 8, true);
    const method = view.getUint16(cursor + 10, true);
    const compressedSize = view.getUint32(cursor + 20, true);
    const size = view.getUint32(cursor + 24, true);
    const nameLength = view.getUint16(cursor + 28, true);
    const extraLength = view.getUint16(cursor + 30, true);
    const commentLength = view.getUint16(cursor + 32, true);
    const localOffset = view.getUint32(cursor + 42, true);
    const path = decoder.decode(bytes.subarray(cursor + 46, cursor + 46 + nameLength));
    cursor += 46 + nameLength + extraLength + commentLength;
    if (isSkippedPath(path)) continue;
    declared += size;
    if (declared > limits.maxUnpackedBytes) throw tooLarge(name, limits);
    entries.push({ path, method, flags, compressedSize, size, localOffset });
  }

  const files: ImportFile[] = [];
  let unpacked = 0;
  for (const entry of entries) {
    if (entry.flags & 0x1) throw new AppError("invalid_input", { message: `${name}: ${entry.path} is encrypted`, file: name });
    const local = entry.localOffset;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw corrupt(name, `bad local header for ${entry.path}`);
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const compressed = bytes.subarray(dataStart, dataStart + entry.compressedSize);
    if (dataStart + entry.compressedSize > bytes.length) throw corrupt(name, `${entry.path} runs past the end`);
    let data: Uint8Array;
    if (entry.method === 0) data = compressed;
    else if (entry.method === 8) {
      // Never trust the declared size: cap the output at what the budget still allows.
      const budget = limits.maxUnpackedBytes - unpacked;
      try {
        data = inflateRawSync(compressed, { maxOutputLength: Math.max(1, budget) });
      } catch (error) {
        if (isBufferLimitError(error)) throw tooLarge(name, limits);
        throw corrupt(name, `${entry.path}: ${error instanceof Error ? error.message : String(error)}`);
      }
    } else {
      throw new AppError("invalid_input", { message: `${name}: ${entry.path} uses unsupported zip compression method ${entry.method}`, file: name });
    }
    if (data.length !== entry.size) throw corrupt(name, `${entry.path} unpacks to ${data.length} bytes, not the declared ${entry.size}`);
    unpacked += data.length;
    if (unpacked > limits.maxUnpackedBytes) throw tooLarge(name, limits);
    files.push({ name: entry.path, text: decoder.decode(data) });
  }
  return files;
}

/**
 * The files inside an uploaded archive (`.tar.gz`, `.tgz`, `.tar`, `.zip`), or the one file of
 * a `.gz`, or — for anything else — the upload itself decoded as UTF-8. Directories and
 * dotfiles are skipped. Throws AppError `payload_too_large` past the limits and
 * `invalid_input` for a corrupt archive.
 */
export function expandArchive(name: string, bytes: Uint8Array, limits: ArchiveLimits): ImportFile[] {
  const kind = kindOf(name, bytes);
  switch (kind) {
    case "zip":
      return readZip(name, bytes, limits);
    case "tar":
      return readTar(name, bytes, limits);
    case "tar.gz":
      // Tar headers and padding take up to 1 KiB per entry on top of the file contents.
      return readTar(name, gunzip(name, bytes, limits.maxUnpackedBytes + 1024 * (limits.maxEntries + 2), limits), limits);
    case "gz": {
      const data = gunzip(name, bytes, limits.maxUnpackedBytes + 1024 * (limits.maxEntries + 2), limits);
      if (hasTarHeader(data, 0)) return readTar(name, data, limits);
      if (data.length > limits.maxUnpackedBytes) throw tooLarge(name, limits);
      return [{ name: name.replace(/\.gz$/i, ""), text: decoder.decode(data) }];
    }
    case "plain":
      if (bytes.length > limits.maxUnpackedBytes) throw tooLarge(name, limits);
      return [{ name, text: decoder.decode(bytes) }];
  }
}
