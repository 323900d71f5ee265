/**
 * Ansible facts: fact-cache files (jsonfile plugin), `ansible all -m setup --tree DIR` files,
 * and the default stdout of `ansible all -m setup` (`host | SUCCESS => {…}` blocks).
 * `package_facts` output (`packages`) becomes components when present.
 */
import { z } from "zod";
import {
  addPackage,
  bootTime,
  cleanName,
  cleanVersion,
  formatPackageVersion,
  headOf,
  hostNameFromFile,
  invalidInput,
  isChecksum,
  isRecord,
  joinVersions,
  LineCounter,
  requireJson,
  resolveService,
  ResultCollector,
  SYSTEM_FACT_NAMES,
  toIsoTime,
  validate,
  VersionMap,
  type ParseContext,
  scalarFact,
} from "./common";
import type { ImportFile, ImportOptions, Importer, ImportResult } from "./types";

const scalar = scalarFact;

const packageEntrySchema = z.looseObject({ version: scalar, release: scalar, epoch: scalar });

const factsSchema = z.looseObject({
  ansible_fqdn: z.string().nullish(),
  ansible_hostname: z.string().nullish(),
  ansible_nodename: z.string().nullish(),
  ansible_distribution: scalar,
  ansible_distribution_version: scalar,
  ansible_kernel: scalar,
  ansible_python_version: scalar,
  ansible_uptime_seconds: z.union([z.number(), z.string()]).nullish(),
  ansible_date_time: z.looseObject({ iso8601: z.string().optional(), epoch: scalar }).nullish(),
  ansible_default_ipv4: z.looseObject({ address: z.string().optional() }).nullish(),
  ansible_ec2_instance_id: z.string().nullish(),
  ansible_local: z.record(z.string(), z.unknown()).nullish(),
  packages: z.record(z.string(), z.array(packageEntrySchema)).nullish(),
});
type AnsibleFacts = z.output<typeof factsSchema>;

const treeSchema = z.looseObject({ ansible_facts: z.record(z.string(), z.unknown()) });
const failureSchema = z.looseObject({ msg: z.string().optional() });

const HEADER = /^([^\s|]+) \| (SUCCESS|CHANGED|UNREACHABLE!|FAILED!) => /gm;
const HEADER_SNIFF = /^[^\s|]+ \| (SUCCESS|CHANGED|UNREACHABLE!|FAILED!) => [{]/m;
const ANSI = /\x1b\[[0-9;]*m/g;
const LOCALHOST = /^localhost(\.localdomain|6?)?(\.|$)/i;
const METADATA_KEYS = new Set(["service", "environment", "env", "role"]);

/** `host | SUCCESS => {` near the top (only the head is looked at: uploads can be large). */
function isSetupStdout(text: string): boolean {
  return HEADER_SNIFF.test(headOf(text, 65536).replace(ANSI, ""));
}

function isFactsObject(value: Record<string, unknown>): boolean {
  return (
    ("ansible_hostname" in value || "ansible_fqdn" in value || "ansible_system" in value || "ansible_distribution" in value) &&
    typeof value.ansible_facts !== "object"
  );
}

function isUnreachableResult(value: Record<string, unknown>): boolean {
  return (value.unreachable === true || value.failed === true) && typeof value.msg === "string" && !("ansible_facts" in value);
}

/** Index just past the JSON object that starts at `start` (a `{`), or -1 when it never closes. */
function scanJsonObject(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i++; // backslash escapes the next character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) depth++;
    else if (char === 0x7d || char === 0x5d) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** Reads `ansible_local` custom facts: service/environment/role, version-like values, checksums. */
function readLocalFacts(local: Record<string, unknown> | null | undefined, components: VersionMap, config: VersionMap) {
  const found: { service?: string; environment?: string; role?: string } = {};
  if (!local) return found;
  const visit = (value: unknown, name: string, key: string, depth: number) => {
    if (isRecord(value)) {
      if (depth >= 3) return;
      for (const [childKey, child] of Object.entries(value)) visit(child, `${name}.${childKey}`, childKey, depth + 1);
      return;
    }
    const lower = key.toLowerCase();
    if (depth > 0 && METADATA_KEYS.has(lower)) {
      const text = cleanName(value);
      if (lower === "service") found.service ??= text;
      else if (lower === "role") found.role ??= text;
      else found.environment ??= text;
      return;
    }
    const text = Array.isArray(value)
      ? value.every((item) => item === null || typeof item !== "object")
        ? value.map(String).join(",")
        : undefined
      : cleanVersion(value);
    if (text === undefined) return;
    if (isChecksum(text)) config.set(name, text);
    else components.set(name, text);
  };
  for (const [file, value] of Object.entries(local)) visit(value, file, file, 0);
  return found;
}

/** One host's facts → one canonical host. */
function addFacts(
  collector: ResultCollector,
  ctx: ParseContext,
  rawFacts: unknown,
  basePath: (string | number)[],
  inventoryName: string | undefined,
  options: ImportOptions,
) {
  const facts: AnsibleFacts = validate(factsSchema, rawFacts, ctx, basePath);
  const fqdn = cleanName(facts.ansible_fqdn);
  const hostname = cleanName(facts.ansible_hostname);
  const fileName = hostNameFromFile(ctx.file.name);
  const hostKey =
    (fqdn && !LOCALHOST.test(fqdn) ? fqdn : undefined) ??
    (hostname && !LOCALHOST.test(hostname) ? hostname : undefined) ??
    inventoryName ??
    cleanName(options.host) ??
    fileName;
  // Fact-cache and --tree files are named after the inventory host.
  const fileAlias = inventoryName === undefined ? fileName : undefined;

  const components = new VersionMap();
  const config = new VersionMap();
  const distribution = [cleanVersion(facts.ansible_distribution), cleanVersion(facts.ansible_distribution_version)].filter(Boolean).join(" ");
  components.set("os", distribution || undefined);
  components.set("kernel", facts.ansible_kernel);
  components.set("python", facts.ansible_python_version);
  for (const [name, entries] of Object.entries(facts.packages ?? {})) {
    addPackage(components, SYSTEM_FACT_NAMES, name, joinVersions(entries.map((entry) => formatPackageVersion(entry.version, entry.release, entry.epoch))));
  }
  const local = readLocalFacts(facts.ansible_local, components, config);

  const gatheredAt = toIsoTime(facts.ansible_date_time?.iso8601) ?? toIsoTime(facts.ansible_date_time?.epoch);
  collector.noteTakenAt(gatheredAt);
  const { service, isServiceGuessed } = resolveService(local.service, options, hostKey);
  const launchedAt = bootTime(gatheredAt, facts.ansible_uptime_seconds);
  collector.addHost(
    {
      hostKey,
      service,
      environment: local.environment ?? options.environment,
      role: local.role,
      launchedAt,
      components,
      config,
    },
    {
      aliases: [fqdn, hostname, facts.ansible_nodename, inventoryName, fileAlias, facts.ansible_default_ipv4?.address, facts.ansible_ec2_instance_id],
      isServiceGuessed,
    },
  );
}

function parseStdout(file: ImportFile, options: ImportOptions, ctx: ParseContext): ImportResult {
  const text = file.text.replace(ANSI, "");
  const collector = new ResultCollector(ctx);
  HEADER.lastIndex = 0;
  const lines = new LineCounter(text);
  let blocks = 0;
  for (let match = HEADER.exec(text); match; match = HEADER.exec(text)) {
    blocks++;
    const inventoryName = match[1]!;
    const status = match[2]!;
    const line = lines.lineAt(match.index);
    const start = text.indexOf("{", match.index + match[0].length - 1);
    const end = start === -1 ? -1 : scanJsonObject(text, start);
    if (end === -1) throw invalidInput(ctx, [inventoryName], `expected a JSON object after "${status} =>"`, line);
    let body: unknown;
    try {
      body = JSON.parse(text.slice(start, end));
    } catch (error) {
      throw invalidInput(ctx, [inventoryName], `the result is not valid JSON (${error instanceof Error ? error.message : String(error)})`, line);
    }
    HEADER.lastIndex = end;
    const blockCtx: ParseContext = { ...ctx, line };
    if (status === "UNREACHABLE!" || status === "FAILED!") {
      const failure = validate(failureSchema, body, blockCtx, [inventoryName]);
      const reason = status === "UNREACHABLE!" ? "unreachable" : "failed";
      collector.skip(inventoryName, failure.msg ? `${reason}: ${failure.msg.split("\n")[0]}` : reason);
      continue;
    }
    const result = validate(treeSchema, body, blockCtx, [inventoryName]);
    addFacts(collector, blockCtx, result.ansible_facts, [inventoryName, "ansible_facts"], inventoryName, options);
  }
  if (blocks === 0) throw invalidInput(ctx, [], 'expected "host | SUCCESS => {…}" blocks from `ansible -m setup`', 1);
  return collector.result(options);
}

export const ansibleImporter: Importer = {
  id: "ansible",

  detect(file, json) {
    if (json === undefined) return isSetupStdout(file.text) || /^\s*\{\s*"_?ansible_/.test(headOf(file.text, 256));
    if (!isRecord(json)) return false;
    return isRecord(json.ansible_facts) || isFactsObject(json) || isUnreachableResult(json);
  },

  parse(file, options, json) {
    const ctx: ParseContext = { tool: "ansible", file };
    if (json === undefined && isSetupStdout(file.text)) return parseStdout(file, options, ctx);
    const document = requireJson(ctx, json);
    const collector = new ResultCollector(ctx);
    if (isRecord(document) && isUnreachableResult(document)) {
      // `--tree` writes a file for unreachable hosts too, named after the inventory host.
      const failure = validate(failureSchema, document, ctx);
      collector.skip(hostNameFromFile(file.name), `${document.unreachable === true ? "unreachable" : "failed"}${failure.msg ? `: ${failure.msg.split("\n")[0]}` : ""}`);
      return collector.result(options);
    }
    if (isRecord(document) && "ansible_facts" in document) {
      const tree = validate(treeSchema, document, ctx);
      addFacts(collector, ctx, tree.ansible_facts, ["ansible_facts"], undefined, options);
    } else {
      if (!isRecord(document)) throw invalidInput(ctx, [], "expected an object of ansible_* facts");
      addFacts(collector, ctx, document, [], undefined, options);
    }
    return collector.result(options);
  },
};
