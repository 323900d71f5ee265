import { env } from "@/lib/env";
import { expandArchive } from "@/lib/importers/archive";
import { type CanonicalParser, importFiles } from "@/lib/importers";
import type { ImportFile } from "@/lib/importers/types";
import { type CanonicalFormat, detectCanonicalFormat, parseCanonical } from "./parse";
import { assertJsonDepth, assertSnapshotLimits, type SnapshotLimits } from "./limits";
import type { CanonicalSnapshot } from "./schemas";
import { decodeText, type Upload } from "./upload";

export interface ImportedSnapshot {
  snapshot: CanonicalSnapshot;
  format: string;
  skipped: Array<{ hostKey: string; reason: string }>;
}

export interface ArchiveLimits {
  maxEntries: number;
  maxUnpackedBytes: number;
}

const CANONICAL_FORMATS = new Set<string>(["json", "ndjson", "csv"]);

/** The canonical JSON/NDJSON/CSV parser, plugged into the importers as the fallback format. */
export const canonicalParser: CanonicalParser = {
  detect: (file) => detectCanonicalFormat(file.text) !== null,
  parse(file, options) {
    const forced = options.format && CANONICAL_FORMATS.has(options.format) ? (options.format as CanonicalFormat) : null;
    const format = forced ?? detectCanonicalFormat(file.text) ?? "json";
    return { snapshot: parseCanonical(file.text, format, options), skipped: [], format };
  },
};

/**
 * Turns an upload into one canonical snapshot: archives are unpacked, each file's format is
 * detected (tool outputs or the canonical format) unless `format` forces one, and several
 * files become one snapshot, with files about the same machine merged onto one host.
 */
export function importUpload(upload: Upload, limits: ArchiveLimits & Partial<SnapshotLimits>): ImportedSnapshot {
  // Hostile-input limits (lib/snapshots/limits.ts); the configured ones unless the caller names others.
  const snapshotLimits: SnapshotLimits = {
    maxJsonDepth: limits.maxJsonDepth ?? env.DRIFTBOARD_MAX_JSON_DEPTH,
    maxHosts: limits.maxHosts ?? env.DRIFTBOARD_MAX_HOSTS,
    maxComponentsPerHost: limits.maxComponentsPerHost ?? env.DRIFTBOARD_MAX_COMPONENTS_PER_HOST,
  };
  let unpackedBytes = 0;
  const files: ImportFile[] = upload.files.flatMap((file) => {
    const entries = isArchiveName(file.name)
      ? expandArchive(file.name, file.bytes, { ...limits, maxUnpackedBytes: limits.maxUnpackedBytes - unpackedBytes })
      : [{ name: file.name, text: decodeText(file) }];
    for (const entry of entries) unpackedBytes += entry.text.length;
    return entries;
  });
  // Before any JSON.parse: a deep `[[[[…` must fail here, not as a stack overflow in an importer.
  for (const file of files) assertJsonDepth(file.text, snapshotLimits.maxJsonDepth, file.name);
  const { snapshot, skipped, format } = importFiles(files, upload.options, { canonical: canonicalParser });
  assertSnapshotLimits(snapshot, snapshotLimits);
  return { snapshot, skipped, format };
}

function isArchiveName(name: string): boolean {
  return /\.(tar\.gz|tgz|tar|zip|gz)$/i.test(name);
}
