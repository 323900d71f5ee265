/**
 * Limits on what one upload may contain, beyond its size in bytes (lib/snapshots/upload.ts)
 * and its archives (lib/importers/archive.ts): JSON nesting depth, hosts, and components per
 * host. Each is configurable in lib/env.ts and each is answered with a clear AppError.
 * Pure; docs/security.md lists the variables.
 */
import { AppError } from "@/lib/errors";
import type { CanonicalSnapshot } from "./schemas";

export interface SnapshotLimits {
  /** Deepest JSON nesting accepted (objects and arrays). */
  maxJsonDepth: number;
  maxHosts: number;
  /** Components plus config fingerprints of one host. */
  maxComponentsPerHost: number;
}

export const DEFAULT_SNAPSHOT_LIMITS: SnapshotLimits = { maxJsonDepth: 64, maxHosts: 200_000, maxComponentsPerHost: 20_000 };

const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;
const CLOSE_BRACE = 125;
const CLOSE_BRACKET = 93;
const QUOTE = 34;
const BACKSLASH = 92;
const NEWLINE = 10;

/**
 * Refuses JSON (or NDJSON) nested deeper than `maxDepth`, with one cheap pass over the text
 * BEFORE anything parses it: JSON.parse itself copes with a 1 MB `[[[[…`, but every recursive
 * walk after it (importers, JSON.stringify) would overflow the stack. Brackets inside strings
 * do not count. Text that does not start like JSON (CSV, osquery logs) is left alone.
 */
export function assertJsonDepth(text: string, maxDepth: number, fileName?: string): void {
  const start = firstNonSpace(text);
  const first = text.charCodeAt(start);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) return;
  let depth = 0;
  let inString = false;
  let line = 1;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === NEWLINE) line++;
    if (inString) {
      if (code === BACKSLASH) i++;
      else if (code === QUOTE) inString = false;
      continue;
    }
    if (code === QUOTE) inString = true;
    else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (++depth > maxDepth) {
        throw new AppError("invalid_input", {
          message: `${fileName ? `${fileName}: ` : ""}line ${line}: JSON is nested more than ${maxDepth} levels deep (set DRIFTBOARD_MAX_JSON_DEPTH to change the limit)`,
          line,
          ...(fileName !== undefined && { file: fileName }),
        });
      }
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      if (depth > 0) depth--;
    }
  }
}

function firstNonSpace(text: string): number {
  let i = 0;
  // Skip a byte-order mark and whitespace.
  while (i < text.length && (text.charCodeAt(i) <= 32 || text.charCodeAt(i) === 0xfeff)) i++;
  return i;
}

/** Refuses a snapshot with more hosts than allowed (413: the data is too large, not wrong). */
export function assertHostCount(hostCount: number, limits: Pick<SnapshotLimits, "maxHosts">): void {
  if (hostCount > limits.maxHosts) {
    throw new AppError("payload_too_large", {
      message: `the upload describes ${hostCount.toLocaleString("en-US")} hosts, more than the limit of ${limits.maxHosts.toLocaleString("en-US")} (set DRIFTBOARD_MAX_HOSTS to change it, or upload the fleet in parts)`,
      path: "hosts",
    });
  }
}

/** Refuses a host with more components and config fingerprints than allowed. */
export function assertComponentCount(
  host: { hostKey: string; components?: Record<string, string>; config?: Record<string, string> },
  limits: Pick<SnapshotLimits, "maxComponentsPerHost">,
  where: { path?: string; line?: number } = {},
): void {
  const count = Object.keys(host.components ?? {}).length + Object.keys(host.config ?? {}).length;
  if (count > limits.maxComponentsPerHost) {
    throw new AppError("payload_too_large", {
      message: `${where.path ? `${where.path}: ` : where.line ? `line ${where.line}: ` : ""}host "${host.hostKey.slice(0, 80)}" has ${count.toLocaleString("en-US")} components and config fingerprints, more than the limit of ${limits.maxComponentsPerHost.toLocaleString("en-US")} (set DRIFTBOARD_MAX_COMPONENTS_PER_HOST to change it)`,
      ...where,
    });
  }
}

/** Every count limit of a whole snapshot. */
export function assertSnapshotLimits(snapshot: CanonicalSnapshot, limits: SnapshotLimits): void {
  assertHostCount(snapshot.hosts.length, limits);
  snapshot.hosts.forEach((host, index) => assertComponentCount(host, limits, { path: `hosts[${index}]` }));
}
