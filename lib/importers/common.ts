/**
 * Helpers shared by the importers: validation that names the tool and the JSON path,
 * name/version/timestamp cleaning, and a collector that assembles an ImportResult.
 */
import { z } from "zod";
import { AppError, formatPath } from "@/lib/errors";
import { MAX_NAME_LENGTH, MAX_VERSION_LENGTH, type CanonicalHost } from "@/lib/snapshots/schemas";
import type { FormatId, HostIdentity, ImportFile, ImportOptions, ImportResult, SkippedHost } from "./types";

type Segment = string | number;

export interface ParseContext {
  tool: FormatId;
  file: ImportFile;
  /** 1-based line of the value being validated (line-oriented formats). */
  line?: number;
}

// ---------------------------------------------------------------------------------------------
// Errors and validation

export function invalidInput(ctx: ParseContext, path: ReadonlyArray<Segment>, expectation: string, line?: number): AppError {
  const where = formatPath(path);
  const at = line ?? ctx.line;
  return new AppError("invalid_input", {
    message: `${ctx.tool}: ${where}: ${expectation}${at !== undefined ? ` (line ${at})` : ""}`,
    path: where,
    ...(at !== undefined && { line: at }),
    file: ctx.file.name,
  });
}

function describeValue(value: unknown): string {
  if (value === undefined) return "it is missing";
  if (value === null) return "got null";
  if (Array.isArray(value)) return "got an array";
  if (typeof value === "string") return `got the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === "object") return "got an object";
  return `got ${typeof value} ${String(value)}`;
}

function withArticle(type: string): string {
  if (type === "record") return "an object";
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current = root;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.code === "invalid_type") {
    return `expected ${withArticle(issue.expected)}, ${describeValue(valueAt(input, issue.path))}`;
  }
  if (issue.code === "invalid_value") {
    return `expected ${issue.values.map((value) => JSON.stringify(value)).join(" or ")}, ${describeValue(valueAt(input, issue.path))}`;
  }
  return issue.message;
}

/**
 * Parses `value` with `schema`; on failure throws invalid_input naming the tool, the JSON path
 * (prefixed by `basePath`) and what was expected, e.g. `kubernetes: items[2].metadata.uid: expected a string`.
 */
export function validate<S extends z.ZodType>(schema: S, value: unknown, ctx: ParseContext, basePath: ReadonlyArray<Segment> = []): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw invalidInput(ctx, basePath, "is not valid");
  const path = [...basePath, ...issue.path.map((segment) => (typeof segment === "symbol" ? String(segment) : segment))];
  throw invalidInput(ctx, path, describeIssue(issue, value));
}

// ---------------------------------------------------------------------------------------------
// JSON

export type JsonParseOutcome = { ok: true; value: unknown } | { ok: false; message: string; line?: number };

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/** Line numbers for increasing offsets in one text, in linear total time. */
export class LineCounter {
  private offset = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  lineAt(index: number): number {
    if (index < this.offset) {
      this.offset = 0;
      this.line = 1;
    }
    for (let i = this.text.indexOf("\n", this.offset); i !== -1 && i < index; i = this.text.indexOf("\n", i + 1)) this.line++;
    this.offset = index;
    return this.line;
  }
}

export function parseJsonText(text: string): JsonParseOutcome {
  try {
    return { ok: true, value: JSON.parse(stripBom(text)) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const lineMatch = /line (\d+) column \d+/.exec(message);
    const positionMatch = /at position (\d+)/.exec(message);
    const line = lineMatch ? Number(lineMatch[1]) : positionMatch ? lineAt(stripBom(text), Number(positionMatch[1])) : undefined;
    const short = message.replace(/\s*\(line \d+ column \d+\)/, "").replace(/ in JSON at position \d+.*$/, "");
    return { ok: false, message: short, ...(line !== undefined ? { line } : { line: lineAt(text, text.length) }) };
  }
}

/** The parsed JSON of a file, or invalid_input naming the tool and the line of the syntax error. */
export function requireJson(ctx: ParseContext, json: unknown | undefined): unknown {
  if (json !== undefined) return json;
  const outcome = parseJsonText(ctx.file.text);
  if (outcome.ok) return outcome.value;
  throw new AppError("invalid_input", {
    message: `${ctx.tool}: the file is not valid JSON: ${outcome.message}${outcome.line !== undefined ? ` (line ${outcome.line})` : ""}`,
    path: "(root)",
    ...(outcome.line !== undefined && { line: outcome.line }),
    file: ctx.file.name,
  });
}

/** First `max` characters, for cheap text sniffing of large files. */
export function headOf(text: string, max = 4096): string {
  return text.length > max ? text.slice(0, max) : text;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------
// Names, versions, times

/** A trimmed, non-empty name of at most MAX_NAME_LENGTH characters, or undefined. */
export function cleanName(value: unknown): string | undefined {
  if (typeof value === "number" || typeof value === "boolean") value = String(value);
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  return trimmed.length > MAX_NAME_LENGTH ? trimmed.slice(0, MAX_NAME_LENGTH).trim() : trimmed;
}

/** A version string (numbers coerced) of at most MAX_VERSION_LENGTH characters, or undefined. */
export function cleanVersion(value: unknown): string | undefined {
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") value = String(value);
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed.length > MAX_VERSION_LENGTH ? trimmed.slice(0, MAX_VERSION_LENGTH) : trimmed;
}

const DATA_EXTENSIONS = /\.(json|jsonl|ndjson|txt|log|out|yaml|yml|csv|xml)$/i;

/** `fixtures/pg-prod-01.json` → `pg-prod-01`; `web-01.example.com` (no data extension) stays. */
export function hostNameFromFile(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  let stem = base;
  // Strip data extensions, repeatedly (`sbom.cdx.json`, `results.log.json`), and SBOM sub-extensions.
  for (let i = 0; i < 3; i++) {
    const next = stem.replace(DATA_EXTENSIONS, "").replace(/\.(cdx|bom|spdx|sbom|results)$/i, "");
    if (next === stem || !next) break;
    stem = next;
  }
  return cleanName(stem) ?? cleanName(base) ?? "unknown";
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export function isIpAddress(name: string): boolean {
  return IPV4.test(name) || name.includes(":");
}

/** `billing-01.prod.example.com` → `billing-01`; IP addresses stay whole. */
export function shortHostName(name: string): string {
  if (isIpAddress(name)) return name;
  const dot = name.indexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}

/**
 * The service a host name suggests: its short name without the trailing number, lower-cased
 * (`billing-01.prod.example.com` → `billing`, `WEB3` → `web`). Names that are only a number
 * or an address stay as they are.
 */
export function guessServiceFromHostName(name: string): string {
  const short = shortHostName(name.trim()).toLowerCase();
  if (isIpAddress(short) || /^ip-\d+-\d+-\d+-\d+$/.test(short)) return short;
  const stripped = short.replace(/[-_.]?\d+$/, "").replace(/[-_.]+$/, "");
  return stripped || short || "unknown";
}

/**
 * ISO 8601 (UTC, milliseconds) from an ISO string, a date string a tool printed, or epoch
 * seconds (milliseconds when larger than 1e12). Undefined when it is none of those.
 */
export function toIsoTime(value: unknown): string | undefined {
  let ms: number | undefined;
  if (typeof value === "number" && Number.isFinite(value) && value > 0) ms = value > 1e12 ? value : value * 1000;
  else if (typeof value === "string" && value.trim()) {
    const text = value.trim();
    if (/^\d+(\.\d+)?$/.test(text)) return toIsoTime(Number(text));
    if (text.startsWith("0001-01-01")) return undefined; // Go's zero time
    // Trim sub-millisecond digits (Go and Kubernetes print nanoseconds) so every engine parses it.
    const parsed = Date.parse(text.replace(/(\.\d{3})\d+/, "$1"));
    if (!Number.isNaN(parsed)) ms = parsed;
  }
  if (ms === undefined) return undefined;
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return undefined;
  // Fuzzing found this: past year 9999 toISOString writes `+010000-01-01T…`, which is no
  // ISO 8601 date-time the canonical schema (or Postgres) accepts. No real fact is that far off.
  const year = date.getUTCFullYear();
  return year < 1 || year > 9999 ? undefined : date.toISOString();
}

/** The later of two ISO timestamps (either may be undefined). */
export function laterTime(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

/** When a machine booted, from its uptime and the time the facts were gathered. */
export function bootTime(gatheredAt: string | undefined, uptimeSeconds: unknown): string | undefined {
  if (gatheredAt === undefined) return undefined;
  const uptime = typeof uptimeSeconds === "string" ? Number(uptimeSeconds) : uptimeSeconds;
  if (typeof uptime !== "number" || !Number.isFinite(uptime) || uptime < 0) return undefined;
  return toIsoTime(Date.parse(gatheredAt) - uptime * 1000);
}

/** A hex digest (md5, sha1, sha256, sha512), optionally prefixed `sha256:`. */
export function isChecksum(value: unknown): boolean {
  if (typeof value !== "string") return false;
  const hex = value.replace(/^(sha256|sha1|sha512|md5):/i, "");
  return /^[0-9a-f]+$/i.test(hex) && [32, 40, 64, 128].includes(hex.length);
}

/** Tag and label keys that carry a version (`AppVersion`, `nginx_version`, `version`). */
export function isVersionKey(key: string): boolean {
  return /version$/i.test(key);
}

export const SERVICE_KEYS = ["Service", "service", "app", "App", "application", "Application"];
export const ENVIRONMENT_KEYS = ["Environment", "environment", "env", "Env", "ENV", "stage", "Stage"];
export const ROLE_KEYS = ["Role", "role"];

/** The first of `keys` that names a non-empty value in `tags`. */
export function pickTag(tags: Readonly<Record<string, unknown>> | undefined, keys: readonly string[]): string | undefined {
  if (!tags) return undefined;
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(tags, key)) continue;
    const value = cleanName(tags[key]);
    if (value) return value;
  }
  return undefined;
}

export interface ImageReference {
  /** `ghcr.io/acme/web`, `nginx` (Docker Hub's `docker.io/library/` left out) */
  repository: string;
  tag?: string;
  digest?: string;
}

/** Splits `registry/repo:tag@sha256:…` into its parts. */
export function parseImageReference(reference: string): ImageReference {
  let rest = reference.trim();
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const repository = rest.replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, "").replace(/^library\//, "");
  return { repository: repository || reference, ...(tag && { tag }), ...(digest && { digest }) };
}

/** The `sha256:…` digest inside an image id such as `docker-pullable://nginx@sha256:…`. */
export function extractDigest(imageId: string | undefined): string | undefined {
  if (!imageId) return undefined;
  const match = /(sha256:[0-9a-f]{64})/i.exec(imageId);
  return match ? match[1] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Assembling hosts

/** Component and config maps under construction; Map keeps odd names like `__proto__` safe. */
export class VersionMap {
  readonly entries = new Map<string, string>();

  set(name: unknown, version: unknown): void {
    const key = cleanName(name);
    const value = cleanVersion(version);
    if (key === undefined || value === undefined) return;
    this.entries.set(key, value);
  }

  /** Sets only when the name is not taken yet. */
  setDefault(name: unknown, version: unknown): void {
    const key = cleanName(name);
    if (key !== undefined && !this.entries.has(key)) this.set(key, version);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  toRecord(): Record<string, string> {
    return Object.fromEntries(this.entries);
  }
}

export interface HostDraft {
  hostKey: string;
  service: string;
  environment?: string;
  role?: string;
  image?: string;
  launchedAt?: string;
  components?: VersionMap;
  config?: VersionMap;
}

export interface ResolvedService {
  service: string;
  isServiceGuessed: boolean;
}

/** The data's own service name, else the uploader's, else a guess from the host name. */
export function resolveService(declared: string | undefined, options: ImportOptions, hostName: string): ResolvedService {
  const fromData = cleanName(declared);
  if (fromData) return { service: fromData, isServiceGuessed: false };
  const fromOptions = cleanName(options.service);
  if (fromOptions) return { service: fromOptions, isServiceGuessed: false };
  return { service: cleanName(guessServiceFromHostName(hostName)) ?? "unknown", isServiceGuessed: true };
}

/**
 * Collects the hosts of one file. A host key seen twice merges (later values win), so a
 * tool printing one machine in several records still yields one host.
 */
export class ResultCollector {
  private readonly hosts: CanonicalHost[] = [];
  private readonly indexByKey = new Map<string, number>();
  private readonly skipped: SkippedHost[] = [];
  private readonly identities = new Map<string, HostIdentity>();
  private takenAt: string | undefined;

  constructor(private readonly ctx: ParseContext) {}

  addHost(draft: HostDraft, identity: { aliases?: unknown[]; isServiceGuessed?: boolean } = {}): void {
    const hostKey = cleanName(draft.hostKey);
    const service = cleanName(draft.service);
    if (!hostKey) throw invalidInput(this.ctx, [], "a host has no name or id");
    const host: CanonicalHost = {
      hostKey,
      service: service ?? "unknown",
      ...(cleanName(draft.environment) && { environment: cleanName(draft.environment) }),
      ...(cleanName(draft.role) && { role: cleanName(draft.role) }),
      ...(cleanVersion(draft.image) && { image: cleanVersion(draft.image) }),
      ...(draft.launchedAt && { launchedAt: draft.launchedAt }),
      components: draft.components?.toRecord() ?? {},
      config: draft.config?.toRecord() ?? {},
    };
    const aliases = new Set<string>();
    for (const alias of identity.aliases ?? []) {
      const name = cleanName(alias);
      if (name && name !== hostKey) aliases.add(name);
    }
    const existing = this.indexByKey.get(hostKey);
    if (existing !== undefined) {
      const previous = this.hosts[existing]!;
      this.hosts[existing] = {
        ...previous,
        ...host,
        components: { ...previous.components, ...host.components },
        config: { ...previous.config, ...host.config },
      };
      const known = this.identities.get(hostKey);
      for (const alias of known?.aliases ?? []) aliases.add(alias);
    } else {
      this.indexByKey.set(hostKey, this.hosts.length);
      this.hosts.push(host);
    }
    this.identities.set(hostKey, { aliases: [...aliases], isServiceGuessed: identity.isServiceGuessed ?? false });
  }

  skip(hostKey: unknown, reason: string): void {
    this.skipped.push({ hostKey: cleanName(hostKey) ?? "unknown", reason });
  }

  noteTakenAt(time: string | undefined): void {
    this.takenAt = laterTime(this.takenAt, time);
  }

  get hostCount(): number {
    return this.hosts.length;
  }

  result(options: ImportOptions): ImportResult {
    const takenAt = this.takenAt ?? toIsoTime(options.takenAt);
    const environment = cleanName(options.environment);
    return {
      snapshot: {
        ...(takenAt && { takenAt }),
        source: this.ctx.tool,
        ...(environment && { environment }),
        hosts: this.hosts,
      },
      skipped: this.skipped,
      identities: this.identities,
    };
  }
}

/** `1:5.1.8-6.el9` from rpm's epoch, version and release (each optional but version). */
export function formatPackageVersion(version: unknown, release?: unknown, epoch?: unknown): string | undefined {
  const base = cleanVersion(version);
  if (base === undefined) return undefined;
  const rel = cleanVersion(release);
  const ep = cleanVersion(epoch);
  return `${ep && ep !== "0" && ep !== "(none)" ? `${ep}:` : ""}${base}${rel && rel !== "(none)" ? `-${rel}` : ""}`;
}

/** Several installed versions of one package (kernels, multilib) become one sorted, comma-separated value. */
export function joinVersions(versions: ReadonlyArray<string | undefined>): string | undefined {
  const distinct = [...new Set(versions.filter((version): version is string => version !== undefined))].sort();
  return distinct.length ? distinct.join(", ") : undefined;
}

/** Adds packages, renaming any that would overwrite a system fact (`kernel` → `package:kernel`). */
export function addPackage(components: VersionMap, reserved: ReadonlySet<string>, name: unknown, version: string | undefined): void {
  const key = cleanName(name);
  if (key === undefined || version === undefined) return;
  components.set(reserved.has(key) ? `package:${key}` : key, version);
}

export const SYSTEM_FACT_NAMES: ReadonlySet<string> = new Set(["os", "kernel", "python", "ruby", "facter", "puppet", "chef", "image", "instance-type"]);

/** A fact value as tools print it: a string, or a number or boolean to be read as text. */
export const scalarFact = z.union([z.string(), z.number(), z.boolean()]).nullish();
