/**
 * Limits on what one upload may contain, beyond its size in bytes (lib/snapshots/upload.ts)
 * and its archives (lib/importers/archive.ts): JSON nesting depth, hosts, and components per
 * host. Each is configurable in lib/env.ts and each is answered with a clear AppError.
 * Pure; docs/security.md lists the variables.
 */
import { env } from "@/lib/env";
import { AppError, formatPath } from "@/lib/errors";
import type { CanonicalSnapshot } from "./schemas";

export interface SnapshotLimits {
  /** Deepest JSON nesting accepted (objects and arrays). */
  maxJsonDepth: number;
  maxHosts: number;
  /** Components plus config fingerprints of one host. */
  maxComponentsPerHost: number;
}

export const DEFAULT_SNAPSHOT_LIMITS: SnapshotLimits = { maxJsonDepth: 64, maxHosts: 200_000, maxComponentsPerHost: 20_000 };

/** The limits this server runs with (DRIFTBOARD_MAX_JSON_DEPTH, DRIFTBOARD_MAX_HOSTS, DRIFTBOARD_MAX_COMPONENTS_PER_HOST). */
export function configuredSnapshotLimits(): SnapshotLimits {
  return {
    maxJsonDepth: env.DRIFTBOARD_MAX_JSON_DEPTH,
    maxHosts: env.DRIFTBOARD_MAX_HOSTS,
    maxComponentsPerHost: env.DRIFTBOARD_MAX_COMPONENTS_PER_HOST,
  };
}

/**
 * `__proto__` is refused as a name: stored, it would come back as a key of plain objects in
 * the analysis and exports, where assigning it replaces a prototype (the value vanishes) or,
 * nested, writes onto Object.prototype. zod drops such keys silently; we say so instead.
 */
const RESERVED_NAME = "__proto__";

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
  if (count > limits.maxComponentsPerHost) throw tooManyComponents(host.hostKey, count, limits.maxComponentsPerHost, where);
}

function tooManyComponents(hostKey: string, count: number, limit: number, where: { path?: string; line?: number }): AppError {
  const at = where.line !== undefined ? `line ${where.line}: ` : where.path ? `${where.path}: ` : "";
  return new AppError("payload_too_large", {
    message: `${at}host "${hostKey.slice(0, 80)}" has ${count.toLocaleString("en-US")} components and config fingerprints, more than the limit of ${limit.toLocaleString("en-US")} (set DRIFTBOARD_MAX_COMPONENTS_PER_HOST to change it)`,
    ...where,
  });
}

/**
 * Checks one host as uploaded, before validation copies it: not more components than allowed
 * (counted without building anything), and no `__proto__` among its names. `raw` is whatever
 * the JSON held; anything not shaped like a host is left for the schema to describe.
 */
export function assertRawHostAllowed(
  raw: unknown,
  limits: Pick<SnapshotLimits, "maxComponentsPerHost">,
  where: { path?: ReadonlyArray<PropertyKey>; line?: number } = {},
): void {
  if (!isRecord(raw)) return;
  const base = where.path ?? [];
  const at = (segments: PropertyKey[]) => ({ path: formatPath([...base, ...segments]), ...(where.line !== undefined && { line: where.line }) });
  let count = 0;
  for (const field of ["components", "config"] as const) {
    const map = raw[field];
    if (!isRecord(map)) continue;
    if (Object.hasOwn(map, RESERVED_NAME)) throw reservedName(at([field, RESERVED_NAME]), field === "config" ? "config name" : "component name");
    for (const _ in map) count++;
  }
  for (const field of ["hostKey", "service", "environment", "role"] as const) {
    if (typeof raw[field] === "string" && raw[field].trim() === RESERVED_NAME) throw reservedName(at([field]), field);
  }
  if (count > limits.maxComponentsPerHost) {
    throw tooManyComponents(typeof raw.hostKey === "string" ? raw.hostKey : "?", count, limits.maxComponentsPerHost, at([]));
  }
}

/** Every limit of a whole snapshot, as the importers produced it. */
export function assertSnapshotLimits(snapshot: CanonicalSnapshot, limits: SnapshotLimits): void {
  assertHostCount(snapshot.hosts.length, limits);
  snapshot.hosts.forEach((host, index) => assertRawHostAllowed(host, limits, { path: ["hosts", index] }));
}

function reservedName(where: { path: string; line?: number }, what: string): AppError {
  return new AppError("invalid_input", {
    message: `${where.line !== undefined ? `line ${where.line}: ` : ""}${where.path}: "${RESERVED_NAME}" cannot be a ${what}`,
    ...where,
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
