import "server-only";
import { AppError } from "@/lib/errors";
import { parseQuery } from "@/lib/http/query";
import { SnapshotBuilder } from "./identity";
import { type ArchiveLimits, importUpload } from "./import";
import { assertHostCount, configuredSnapshotLimits } from "./limits";
import { ingestNormalisedSnapshot, ingestSnapshot, type IngestResult } from "./mutations";
import { readHost, rejectDuplicateHostKeys, validateHeader } from "./parse";
import type { CanonicalHost } from "./schemas";
import { splitHostText } from "./host-text";
import { CanonicalStreamParser, parseJson, type StreamedHost } from "./stream-parse";
import { readUpload, tooLarge, type Upload, uploadOptionsSchema } from "./upload";
import { Utf8StreamDecoder } from "./utf8-stream";

export interface ReceiveLimits extends ArchiveLimits {
  maxBytes: number;
}

/**
 * Receives one snapshot upload and stores it. A raw canonical JSON or NDJSON body is parsed
 * as it streams in, one host at a time, so memory stays proportional to the fleet's distinct
 * manifests rather than to the upload; anything else (multipart forms, tool formats, CSV,
 * archives) is read whole and goes through the importers.
 */
export async function receiveSnapshot(request: Request, limits: ReceiveLimits): Promise<IngestResult> {
  const contentType = (request.headers.get("content-type") ?? "").toLowerCase();
  const url = new URL(request.url);
  const forced = url.searchParams.get("format");
  const canStream = !contentType.startsWith("multipart/") && request.body && (!forced || forced === "json" || forced === "ndjson");
  if (!canStream) return ingestUpload(await readUpload(request, limits.maxBytes), limits);

  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (declared > limits.maxBytes) throw tooLarge(limits.maxBytes);
  const options = parseQuery(request, uploadOptionsSchema);
  const builder = new SnapshotBuilder();
  const hostLimits = configuredSnapshotLimits();
  const keys: Array<{ hostKey: string; where: { path?: string; line?: number } }> = [];
  const parser = new CanonicalStreamParser((streamed) => {
    const host = addStreamedHost(builder, streamed);
    keys.push({ hostKey: host.hostKey, where: streamed.index === undefined ? { line: streamed.line } : { path: `hosts[${streamed.index}].hostKey` } });
    // DRIFTBOARD_MAX_HOSTS, as soon as one host too many has arrived (lib/snapshots/limits.ts).
    assertHostCount(keys.length, hostLimits);
  });
  const decoder = new Utf8StreamDecoder();
  // Until the parser has seen the first key, keep the raw bytes: a tool's own JSON goes to
  // the buffered path and needs them.
  const held: Uint8Array[] = [];
  let byteCount = 0;
  const reader = request.body!.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      byteCount += value.byteLength;
      if (byteCount > limits.maxBytes) throw tooLarge(limits.maxBytes);
      if (parser.decision !== "stream") held.push(value);
      if (parser.decision !== "buffer") parser.feed(decode(decoder, value, false));
      if (parser.decision === "stream") held.length = 0;
    }
    if (parser.decision !== "buffer") parser.feed(decode(decoder, undefined, true));
  } finally {
    reader.releaseLock();
  }
  if (parser.decision !== "stream") {
    const bytes = concat(held, byteCount);
    const name = request.headers.get("x-filename") ?? url.searchParams.get("filename") ?? "upload";
    return ingestUpload({ files: [{ name, bytes }], options, byteCount }, limits);
  }
  parser.end();
  rejectDuplicateHostKeys(keys);
  const header = validateHeader(parser.header);
  const normalised = builder.finish({
    takenAt: header.takenAt ?? options.takenAt,
    source: header.source,
    environment: header.environment ?? options.environment,
  });
  return ingestNormalisedSnapshot({ normalised, format: parser.format ?? "json" });
}

/**
 * Reads one streamed host into the builder. A host whose manifest text was seen before needs
 * only its other fields read; anything else (a new manifest, an invalid field) is read whole,
 * so errors name the same path and line as they would without the shortcut.
 */
function addStreamedHost(builder: SnapshotBuilder, { text, index, line }: StreamedHost): CanonicalHost {
  // In a JSON document the error names the path (hosts[3].service); in NDJSON the line.
  const read = (value: unknown) => (index === undefined ? readHost(value, [], value, line) : readHost(value, ["hosts", index], { hosts: { [index]: value } }, line));
  const split = splitHostText(text);
  if (split) {
    const known = readOrNull(() => read(split.rest));
    if (known && builder.addWithManifestText(known, split.manifestText)) return known;
    // A new manifest: its two objects parsed (not the whole text again), and remembered.
    const whole = split.readWhole();
    const host = whole && readOrNull(() => read(whole));
    if (host) {
      builder.add(host, split.manifestText);
      return host;
    }
  }
  const host = read(parseJson(text, line));
  builder.add(host);
  return host;
}

function readOrNull(read: () => CanonicalHost): CanonicalHost | null {
  try {
    return read();
  } catch {
    return null;
  }
}

async function ingestUpload(upload: Upload, limits: ArchiveLimits): Promise<IngestResult> {
  return ingestSnapshot(importUpload(upload, limits));
}

function decode(decoder: Utf8StreamDecoder, bytes: Uint8Array | undefined, isLast: boolean): string {
  try {
    return decoder.decode(bytes, isLast);
  } catch {
    throw new AppError("invalid_input", { message: "the upload is not UTF-8 text" });
  }
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
