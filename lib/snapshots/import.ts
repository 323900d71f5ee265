import { AppError } from "@/lib/errors";
import { type CanonicalFormat, detectCanonicalFormat, parseCanonical, rejectDuplicateHostKeys } from "./parse";
import type { CanonicalSnapshot } from "./schemas";
import { decodeText, type Upload } from "./upload";

export interface ImportedSnapshot {
  snapshot: CanonicalSnapshot;
  format: string;
  skipped: Array<{ hostKey: string; reason: string }>;
}

const CANONICAL_FORMATS: CanonicalFormat[] = ["json", "ndjson", "csv"];

/**
 * Turns an upload (one or more files) into one canonical snapshot, detecting each file's
 * format unless `format` forces one. Several files become one snapshot.
 */
export function importUpload(upload: Upload): ImportedSnapshot {
  const { options } = upload;
  if (options.format && !CANONICAL_FORMATS.includes(options.format as CanonicalFormat)) {
    throw new AppError("unsupported_format", {
      message: `unknown format "${options.format}"; supported formats: ${CANONICAL_FORMATS.join(", ")}`,
    });
  }
  const parts = upload.files.map((file) => {
    const text = decodeText(file);
    const format = (options.format as CanonicalFormat | undefined) ?? detectCanonicalFormat(text);
    if (!format) {
      throw new AppError("unsupported_format", {
        message: `${file.name}: could not recognise the format; supported formats: ${CANONICAL_FORMATS.join(", ")} (see /schema/snapshot-v1.json)`,
        file: file.name,
      });
    }
    try {
      return { file, format, snapshot: parseCanonical(text, format, options) };
    } catch (error) {
      if (error instanceof AppError && upload.files.length > 1) {
        throw new AppError(error.code, { message: `${file.name}: ${error.message}`, path: error.path, line: error.line, file: file.name });
      }
      throw error;
    }
  });

  const snapshot: CanonicalSnapshot = {
    takenAt: parts.find((p) => p.snapshot.takenAt)?.snapshot.takenAt ?? options.takenAt,
    source: parts.find((p) => p.snapshot.source)?.snapshot.source,
    environment: parts.find((p) => p.snapshot.environment)?.snapshot.environment ?? options.environment,
    hosts: parts.flatMap((p) =>
      p.snapshot.hosts.map((host) => ({
        ...host,
        // Each file's own environment wins for its hosts when files disagree.
        environment: host.environment ?? p.snapshot.environment,
      })),
    ),
  };
  if (parts.length > 1) {
    rejectDuplicateHostKeys(parts.flatMap((p) => p.snapshot.hosts.map((h) => ({ hostKey: h.hostKey, where: { file: p.file.name } }))));
  }
  const formats = [...new Set(parts.map((p) => p.format))];
  return { snapshot, format: formats.join("+"), skipped: [] };
}
