import type { z } from "zod";
import { AppError, formatPath } from "@/lib/errors";
import { parseCsv } from "./csv";
import { readHostFast } from "./fast-host";
import { assertRawHostAllowed, configuredSnapshotLimits } from "./limits";
import {
  type CanonicalHost,
  type CanonicalSnapshot,
  hostSchema,
  type SnapshotHeader,
  snapshotHeaderSchema,
  snapshotSchema,
} from "./schemas";

/** The canonical formats: one JSON document, one host per NDJSON line, or flat CSV rows. */
export type CanonicalFormat = "json" | "ndjson" | "csv";

/** Values the uploader gives where the data names none. */
export interface CanonicalParseOptions {
  service?: string;
  environment?: string;
  takenAt?: string;
}

const CSV_HOST_COLUMNS = ["host", "hostkey", "host_key"];
const CSV_REQUIRED_COLUMNS = ["service", "component", "version"];

/** Which canonical format `text` is in, or null when it is none of them. */
export function detectCanonicalFormat(text: string): CanonicalFormat | null {
  const body = stripBom(text).trimStart();
  if (body.startsWith("{")) {
    const firstLine = body.slice(0, lineEnd(body));
    const firstLineObject = tryParseObject(firstLine);
    // A document whose first line is already a whole object with more lines after it is NDJSON.
    if (firstLineObject && body.length > firstLine.length && body.slice(firstLine.length).trim()) {
      return isCanonicalHostOrHeader(firstLineObject) ? "ndjson" : null;
    }
    const whole = tryParseObject(body);
    if (whole) return Array.isArray(whole.hosts) ? "json" : "hostKey" in whole ? "ndjson" : null;
    // Broken JSON that still announces itself as ours gets the JSON parser's precise error.
    return /"hosts"\s*:/.test(body.slice(0, 65_536)) ? "json" : null;
  }
  const header = body.slice(0, lineEnd(body)).toLowerCase();
  if (header.includes(",")) {
    const columns = header.split(",").map((c) => c.trim().replace(/^"|"$/g, ""));
    const hasHost = CSV_HOST_COLUMNS.some((c) => columns.includes(c));
    if (hasHost && CSV_REQUIRED_COLUMNS.every((c) => columns.includes(c))) return "csv";
  }
  return null;
}

/**
 * Parses and validates canonical input. Every error is an AppError("invalid_input") whose
 * message names the JSON path or line and the reason.
 */
export function parseCanonical(
  text: string,
  format: CanonicalFormat,
  options: CanonicalParseOptions = {},
): CanonicalSnapshot {
  const body = stripBom(text);
  const snapshot =
    format === "json" ? parseJsonSnapshot(body) : format === "ndjson" ? parseNdjsonSnapshot(body) : parseCsvSnapshot(body);
  return applyDefaults(snapshot, options);
}

function parseJsonSnapshot(text: string): CanonicalSnapshot {
  const document = parseJsonText(text);
  if (!document || typeof document !== "object" || Array.isArray(document) || !Array.isArray((document as { hosts?: unknown }).hosts)) {
    const result = snapshotSchema.safeParse(document);
    throw validationError(result.success ? missingHostsError() : result.error, document);
  }
  const { hosts: rawHosts, ...headerFields } = document as { hosts: unknown[] } & Record<string, unknown>;
  const header = validateHeader(headerFields);
  const hosts = rawHosts.map((raw, index) => readHost(raw, ["hosts", index], document));
  rejectDuplicateHostKeys(hosts.map((h, i) => ({ hostKey: h.hostKey, where: { path: `hosts[${i}].hostKey` } })));
  return { takenAt: header.takenAt, source: header.source, environment: header.environment, hosts };
}

/** The snapshot-level fields of a JSON document or NDJSON header line. */
export function validateHeader(fields: Record<string, unknown>): SnapshotHeader {
  const header = snapshotHeaderSchema.safeParse(fields);
  if (!header.success) throw validationError(header.error, fields);
  return header.data;
}

/** One host: the fast check first, zod for anything it does not vouch for (and its error). */
export function readHost(raw: unknown, path: ReadonlyArray<PropertyKey>, document: unknown, line?: number): CanonicalHost {
  // Hostile-input limits first (components per host, reserved names), before anything copies the host.
  assertRawHostAllowed(raw, configuredSnapshotLimits(), { path, line });
  const fast = readHostFast(raw);
  if (fast) return fast;
  const parsed = hostSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw validationError(parsed.error, document, line, path);
}

function missingHostsError(): z.ZodError {
  const result = snapshotSchema.safeParse({});
  if (result.success) throw new Error("unreachable: a snapshot without hosts validated");
  return result.error;
}

function parseNdjsonSnapshot(text: string): CanonicalSnapshot {
  const snapshot: CanonicalSnapshot = { hosts: [] };
  const hostLines: Array<{ hostKey: string; where: { line: number } }> = [];
  let lineNumber = 0;
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf("\n", start);
    const line = text.slice(start, end === -1 ? text.length : end).trim();
    start = end === -1 ? text.length + 1 : end + 1;
    lineNumber += 1;
    if (!line) continue;
    const value = parseJsonText(line, lineNumber);
    // Only the first line may be the snapshot header; anything that looks like a host is one.
    const isHeader =
      hostLines.length === 0 &&
      !!value &&
      typeof value === "object" &&
      !Array.isArray(value) &&
      !["hostKey", "service", "components", "config"].some((key) => key in value);
    if (isHeader) {
      const header = snapshotHeaderSchema.safeParse(value);
      if (!header.success) throw validationError(header.error, value, lineNumber);
      Object.assign(snapshot, { takenAt: header.data.takenAt, source: header.data.source, environment: header.data.environment });
      continue;
    }
    const host = readHost(value, [], value, lineNumber);
    snapshot.hosts.push(host);
    hostLines.push({ hostKey: host.hostKey, where: { line: lineNumber } });
  }
  rejectDuplicateHostKeys(hostLines);
  return snapshot;
}

function parseCsvSnapshot(text: string): CanonicalSnapshot {
  const records = parseCsv(text);
  const header = records[0];
  if (!header) throw new AppError("invalid_input", { message: "the CSV file is empty", line: 1 });
  const columns = header.fields.map((c) => c.trim().toLowerCase());
  const column = (...names: string[]) => columns.findIndex((c) => names.includes(c));
  const at = {
    host: column(...CSV_HOST_COLUMNS),
    service: column("service"),
    environment: column("environment", "env"),
    component: column("component"),
    version: column("version"),
    kind: column("kind"),
    role: column("role"),
    image: column("image"),
    launchedAt: column("launched_at", "launchedat"),
  };
  for (const required of ["host", "service", "component", "version"] as const) {
    if (at[required] === -1) {
      throw new AppError("invalid_input", { message: `the CSV header lacks the "${required}" column`, line: 1 });
    }
  }

  const hosts = new Map<string, { host: Record<string, unknown>; line: number }>();
  for (const record of records.slice(1)) {
    const cell = (index: number) => (index === -1 ? "" : (record.fields[index] ?? "").trim());
    if (record.fields.every((f) => !f.trim())) continue;
    const hostKey = cell(at.host);
    const fail = (message: string): never => {
      throw new AppError("invalid_input", { message: `line ${record.line}: ${message}`, line: record.line });
    };
    if (!hostKey) fail(`the "host" column is empty`);
    const row = {
      hostKey,
      service: cell(at.service),
      environment: cell(at.environment) || undefined,
      role: cell(at.role) || undefined,
      image: cell(at.image) || undefined,
      launchedAt: cell(at.launchedAt) || undefined,
    };
    let entry = hosts.get(hostKey);
    if (!entry) {
      entry = { host: { ...row, components: {}, config: {} }, line: record.line };
      hosts.set(hostKey, entry);
    }
    for (const field of ["service", "environment", "role", "image", "launchedAt"] as const) {
      if (row[field] !== undefined && row[field] !== "" && entry.host[field] !== row[field]) {
        fail(`host "${hostKey}" has ${field} "${row[field]}" here but "${String(entry.host[field])}" on line ${entry.line}`);
      }
    }
    const component = cell(at.component);
    if (!component) continue; // a host row without components: the host exists, its manifest is empty
    const kind = cell(at.kind).toLowerCase() || "component";
    if (kind !== "component" && kind !== "config") fail(`"kind" must be "component" or "config", not "${kind}"`);
    const target = entry.host[kind === "config" ? "config" : "components"] as Record<string, string>;
    // Own keys only, defined rather than assigned: "constructor" is no duplicate, and
    // "__proto__" stays a key (readHost then refuses it) instead of replacing the prototype.
    if (Object.hasOwn(target, component)) fail(`host "${hostKey}" lists ${kind} "${component}" twice`);
    Object.defineProperty(target, component, { value: record.fields[at.version] ?? "", enumerable: true, writable: true, configurable: true });
  }

  const snapshot: CanonicalSnapshot = { hosts: [] };
  for (const { host, line } of hosts.values()) {
    snapshot.hosts.push(readHost(host, [], host, line));
  }
  return snapshot;
}

function applyDefaults(snapshot: CanonicalSnapshot, options: CanonicalParseOptions): CanonicalSnapshot {
  return {
    takenAt: snapshot.takenAt ?? options.takenAt,
    source: snapshot.source,
    environment: snapshot.environment ?? options.environment,
    hosts: snapshot.hosts.map((host) => (options.service && !host.service ? { ...host, service: options.service } : host)),
  };
}

/** Same host key twice in one snapshot would make drift meaningless: name both places. */
export function rejectDuplicateHostKeys(
  hosts: ReadonlyArray<{ hostKey: string; where: { path?: string; line?: number; file?: string } }>,
): void {
  const seen = new Map<string, { path?: string; line?: number; file?: string }>();
  for (const { hostKey, where } of hosts) {
    const first = seen.get(hostKey);
    if (first) {
      const firstAt = first.path ?? (first.line ? `line ${first.line}` : first.file ?? "another file");
      const here = where.path ?? (where.line ? `line ${where.line}` : where.file);
      throw new AppError("invalid_input", {
        message: `${here ? `${here}: ` : ""}duplicate hostKey "${hostKey}" (first seen at ${firstAt})`,
        ...where,
      });
    }
    seen.set(hostKey, where);
  }
}

function parseJsonText(text: string, lineOffset?: number): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(reason);
    if (lineOffset !== undefined) {
      throw new AppError("invalid_input", { message: `line ${lineOffset}: invalid JSON: ${reason}`, line: lineOffset });
    }
    if (!text.trim()) throw new AppError("invalid_input", { message: "the file is empty" });
    const offset = position ? Number(position[1]) : text.length;
    const line = countLines(text, offset);
    const column = offset - text.lastIndexOf("\n", offset - 1);
    throw new AppError("invalid_input", {
      message: `invalid JSON at line ${line}, column ${column}: ${reason.replace(/ in JSON at position \d+.*$/, "")}`,
      line,
    });
  }
}

function validationError(error: z.ZodError, input: unknown, line?: number, prefix: ReadonlyArray<PropertyKey> = []): AppError {
  const first = error.issues[0];
  if (!first) return new AppError("invalid_input", { message: "invalid input", line });
  const issue = { ...first, path: [...prefix, ...first.path] };
  let path = formatPath(issue.path);
  let message = issue.message;
  if (issue.code === "unrecognized_keys") {
    path = formatPath([...issue.path, issue.keys[0] ?? ""]);
    message = `unknown field (format v1 has no "${issue.keys[0]}"; check the spelling)`;
  } else if (issue.code === "invalid_type" && valueAt(input, issue.path) === undefined) {
    message = "is required";
  } else if (issue.code === "invalid_key" && issue.issues[0]) {
    // A bad component name: say what is wrong with the name, not that the map is wrong.
    message = issue.issues[0].message;
  }
  // A hostile 100 kB unknown field name must not become a 100 kB error message.
  if (issue.code === "unrecognized_keys") message = message.length > 200 ? `${message.slice(0, 200)}…"` : message;
  const where = line !== undefined ? `line ${line}: ${path}` : path;
  return new AppError("invalid_input", { message: `${where}: ${message}`, path, line });
}

function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function isCanonicalHostOrHeader(value: Record<string, unknown>): boolean {
  return "hostKey" in value || "takenAt" in value || "source" in value || value.format !== undefined;
}

function tryParseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function lineEnd(text: string): number {
  const end = text.indexOf("\n");
  return end === -1 ? text.length : end;
}

function countLines(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

