/**
 * osquery: `osqueryi --json "select name, version from deb_packages"` (an array of rows,
 * one host: the `host` option or the file name), and osqueryd results logs (NDJSON, one
 * result per line, in event, snapshot or batch format; each line names its hostIdentifier).
 */
import { z } from "zod";
import { AppError } from "@/lib/errors";
import {
  bootTime,
  cleanName,
  ENVIRONMENT_KEYS,
  formatPackageVersion,
  headOf,
  hostNameFromFile,
  invalidInput,
  isRecord,
  laterTime,
  pickTag,
  requireJson,
  resolveService,
  ResultCollector,
  toIsoTime,
  validate,
  VersionMap,
  type ParseContext,
} from "./common";
import type { ImportOptions, Importer } from "./types";

type Row = Record<string, unknown>;

const rowSchema = z.record(z.string(), z.unknown());
const rowsSchema = z.array(rowSchema);

const logLineSchema = z.looseObject({
  name: z.string().nullish(),
  hostIdentifier: z.string(),
  unixTime: z.union([z.number(), z.string()]).nullish(),
  calendarTime: z.string().nullish(),
  decorations: z.record(z.string(), z.unknown()).nullish(),
  action: z.string().nullish(),
  columns: rowSchema.nullish(),
  snapshot: rowsSchema.nullish(),
  diffResults: z.looseObject({ added: rowsSchema.nullish(), removed: rowsSchema.nullish() }).nullish(),
});

const RESERVED = new Set(["os", "kernel"]);

/** What one result row says about a host: a component, the OS, the kernel, an alias, or its uptime. */
interface RowFacts {
  component?: { name: string; version: string };
  aliases?: unknown[];
  uptimeSeconds?: unknown;
}

function readRow(row: Row): RowFacts {
  // os_version
  if ("platform" in row && "major" in row && "name" in row) {
    return { component: { name: "os", version: [row.name, row.version].map((part) => (part === undefined ? "" : String(part))).join(" ").trim() } };
  }
  // kernel_info
  if ("arguments" in row && "device" in row && "version" in row) return { component: { name: "kernel", version: String(row.version) } };
  // system_info
  if ("hostname" in row && "uuid" in row) return { aliases: [row.hostname, row.computer_name, row.local_hostname] };
  // uptime
  if ("total_seconds" in row && "days" in row) return { uptimeSeconds: row.total_seconds };
  // *_packages, programs, chocolatey_packages, homebrew_packages, python_packages, npm_packages…
  const name = cleanName(row.name);
  const version = formatPackageVersion(row.version, row.release, row.epoch);
  if (name === undefined || version === undefined) return {};
  return { component: { name: RESERVED.has(name) ? `package:${name}` : name, version } };
}

interface HostState {
  /** query name → component name → version; a snapshot result replaces its query's map. */
  queries: Map<string, Map<string, string>>;
  aliases: Set<unknown>;
  decorations: Record<string, unknown>;
  takenAt?: string;
  uptimeSeconds?: unknown;
}

function newHostState(): HostState {
  return { queries: new Map(), aliases: new Set(), decorations: {} };
}

function applyRows(state: HostState, query: string, rows: readonly Row[], action: "added" | "removed" | "snapshot") {
  let components = state.queries.get(query);
  if (!components || action === "snapshot") {
    components = new Map();
    state.queries.set(query, components);
  }
  for (const row of rows) {
    const facts = readRow(row);
    for (const alias of facts.aliases ?? []) state.aliases.add(alias);
    if (facts.uptimeSeconds !== undefined) state.uptimeSeconds = facts.uptimeSeconds;
    const component = facts.component;
    if (!component) continue;
    // An upgrade is logged as removed(old) + added(new) in either order: remove only what is current.
    if (action === "removed") {
      if (components.get(component.name) === component.version) components.delete(component.name);
    } else components.set(component.name, component.version);
  }
}

function finishHost(collector: ResultCollector, hostKey: string, state: HostState, options: ImportOptions) {
  const components = new VersionMap();
  for (const query of [...state.queries.keys()].sort()) {
    for (const [name, version] of state.queries.get(query)!) components.set(name, version);
  }
  const decorations = state.decorations;
  const hostname = cleanName(decorations.hostname);
  const { service, isServiceGuessed } = resolveService(pickTag(decorations, ["service", "app"]), options, hostname ?? hostKey);
  collector.noteTakenAt(state.takenAt);
  collector.addHost(
    {
      hostKey,
      service,
      environment: pickTag(decorations, ENVIRONMENT_KEYS) ?? options.environment,
      launchedAt: bootTime(state.takenAt, state.uptimeSeconds),
      components,
    },
    {
      aliases: [hostname, decorations.instance_id, decorations.computer_name, decorations.local_hostname, ...state.aliases],
      isServiceGuessed,
    },
  );
}

function isLogLine(value: unknown): boolean {
  return isRecord(value) && typeof value.hostIdentifier === "string" && ("columns" in value || "snapshot" in value || "diffResults" in value);
}

function isRowArray(value: unknown): boolean {
  if (!Array.isArray(value) || value.length === 0) return false;
  return value.slice(0, 5).every(
    (row) =>
      isRecord(row) &&
      Object.values(row).every((cell) => cell === null || typeof cell !== "object") &&
      (("name" in row && "version" in row) || ("hostname" in row && "uuid" in row)),
  );
}

function firstLine(text: string): string {
  const head = headOf(text, 65536);
  for (const line of head.split("\n")) if (line.trim()) return line.trim();
  return "";
}

function parseResultsLog(ctx: ParseContext, lines: Iterable<{ value: unknown; line: number }>, options: ImportOptions) {
  const hosts = new Map<string, HostState>();
  for (const { value, line } of lines) {
    const lineCtx: ParseContext = { ...ctx, line };
    const result = validate(logLineSchema, value, lineCtx);
    let state = hosts.get(result.hostIdentifier);
    if (!state) {
      state = newHostState();
      hosts.set(result.hostIdentifier, state);
    }
    Object.assign(state.decorations, result.decorations ?? {});
    state.takenAt = laterTime(state.takenAt, toIsoTime(result.unixTime) ?? toIsoTime(result.calendarTime));
    const query = result.name ?? "";
    if (result.snapshot) applyRows(state, query, result.snapshot, "snapshot");
    if (result.columns) applyRows(state, query, [result.columns], result.action === "removed" ? "removed" : "added");
    if (result.diffResults) {
      applyRows(state, query, result.diffResults.removed ?? [], "removed");
      applyRows(state, query, result.diffResults.added ?? [], "added");
    }
  }
  const collector = new ResultCollector(ctx);
  for (const [hostKey, state] of hosts) finishHost(collector, hostKey, state, options);
  return collector.result(options);
}

function* ndjsonLines(ctx: ParseContext): Generator<{ value: unknown; line: number }> {
  const text = ctx.file.text;
  let start = 0;
  let line = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    line++;
    const raw = text.slice(start, end).trim();
    start = end + 1;
    if (!raw) continue;
    try {
      yield { value: JSON.parse(raw) as unknown, line };
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError("invalid_input", {
        message: `osquery: line ${line} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
        path: "(root)",
        line,
        file: ctx.file.name,
      });
    }
  }
}

export const osqueryImporter: Importer = {
  id: "osquery",

  detect(file, json) {
    if (json !== undefined) return isLogLine(json) || isRowArray(json);
    const first = firstLine(file.text);
    if (!first.startsWith("{") || !first.includes('"hostIdentifier"')) return false;
    try {
      return isLogLine(JSON.parse(first));
    } catch {
      return false;
    }
  },

  parse(file, options, json) {
    const ctx: ParseContext = { tool: "osquery", file };
    if (json === undefined && firstLine(file.text).startsWith("{")) return parseResultsLog(ctx, ndjsonLines(ctx), options);
    const document = requireJson(ctx, json);
    if (isRecord(document)) return parseResultsLog(ctx, [{ value: document, line: 1 }], options);
    if (!Array.isArray(document)) throw invalidInput(ctx, [], "expected rows from `osqueryi --json` or a results log");
    const rows = validate(rowsSchema, document, ctx);
    const state = newHostState();
    applyRows(state, "", rows, "added");
    state.takenAt = toIsoTime(options.takenAt);
    const collector = new ResultCollector(ctx);
    finishHost(collector, cleanName(options.host) ?? hostNameFromFile(file.name), state, options);
    return collector.result(options);
  },
};
