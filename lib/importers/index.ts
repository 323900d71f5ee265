/**
 * The importer registry: detects which tool produced each uploaded file, runs its importer,
 * and merges the files of one upload into one canonical snapshot — including the same machine
 * described by several tools (describe-instances + osquery, Terraform + Ansible, …).
 */
import { AppError, isAppError } from "@/lib/errors";
import type { CanonicalHost, CanonicalSnapshot } from "@/lib/snapshots/schemas";
import { ansibleImporter } from "./ansible";
import { awsEc2Importer } from "./aws-ec2";
import { chefImporter } from "./chef";
import { cleanName, isIpAddress, laterTime, stripBom, toIsoTime } from "./common";
import { cyclonedxImporter } from "./cyclonedx";
import { dockerImporter } from "./docker";
import { kubernetesImporter } from "./kubernetes";
import { osqueryImporter } from "./osquery";
import { packerImporter } from "./packer";
import { puppetImporter } from "./puppet";
import { spdxImporter } from "./spdx";
import { terraformImporter } from "./terraform";
import {
  FORMAT_IDS,
  type FormatId,
  type ImageCatalogueEntry,
  type Importer,
  type ImportFile,
  type ImportOptions,
  type ImportResult,
  type SkippedHost,
} from "./types";

export type { FormatId, ImageCatalogueEntry, Importer, ImportFile, ImportOptions, ImportResult, SkippedHost } from "./types";
export { FORMAT_IDS } from "./types";

/** Every tool importer, in detection order. Adding a tool is adding its file and one line here. */
export const IMPORTERS: readonly Importer[] = [
  ansibleImporter,
  chefImporter,
  puppetImporter,
  kubernetesImporter,
  dockerImporter,
  terraformImporter,
  packerImporter,
  awsEc2Importer,
  osqueryImporter,
  cyclonedxImporter,
  spdxImporter,
];

/** The command that produces each format, for error messages and docs. */
export const FORMAT_SOURCES: Readonly<Record<FormatId, string>> = {
  ansible: "ansible -m setup output, --tree files or fact cache",
  chef: "knife node show -l -F json or Ohai",
  puppet: "facter -j, puppet facts or PuppetDB inventory",
  kubernetes: "kubectl get pods -A -o json",
  docker: "docker inspect",
  terraform: "terraform show -json",
  packer: "packer-manifest.json",
  "aws-ec2": "aws ec2 describe-instances",
  osquery: "osqueryi --json or osqueryd results log",
  cyclonedx: "CycloneDX JSON SBOM",
  spdx: "SPDX JSON SBOM",
};

/** The lead's canonical JSON/NDJSON/CSV parser, tried when no tool importer recognises a file. */
export interface CanonicalParser {
  detect(file: ImportFile): boolean;
  /** `format` names the canonical variant read (json, ndjson, csv); it becomes the reported format. */
  parse(file: ImportFile, options: ImportFilesOptions): ImportResult & { format?: string };
}

export interface ImportHooks {
  canonical?: CanonicalParser;
}

export const CANONICAL_FORMAT = "canonical";
/** Forced-format values meaning "the canonical format". */
const CANONICAL_ALIASES = new Set([CANONICAL_FORMAT, "json", "ndjson", "csv"]);

export interface ImportFilesOptions extends ImportOptions {
  /** Skip detection: a tool id, or `canonical` (also `json`, `ndjson`, `csv`). */
  format?: FormatId | typeof CANONICAL_FORMAT | (string & {});
}

export interface ImportFilesResult {
  snapshot: CanonicalSnapshot;
  skipped: SkippedHost[];
  /** Detected format id; several distinct ones joined with "+" (`aws-ec2+osquery`). */
  format: string;
  /** Image catalogue entries (Packer) seen in the upload. */
  images: ImageCatalogueEntry[];
}

const BY_ID = new Map<string, Importer>(IMPORTERS.map((importer) => [importer.id, importer]));

/** When files of several tools describe one machine, which tool's hostKey and facts win (lower first). */
const MERGE_RANK: Readonly<Record<string, number>> = {
  canonical: 0,
  "aws-ec2": 1,
  terraform: 2,
  kubernetes: 3,
  docker: 4,
  chef: 5,
  puppet: 6,
  ansible: 7,
  osquery: 8,
  cyclonedx: 9,
  spdx: 10,
  packer: 11,
};

function parseJsonIfAny(text: string): unknown | undefined {
  const first = /\S/.exec(text.length > 64 ? text.slice(0, 64) : text)?.[0];
  if (first !== "{" && first !== "[") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function supportedFormats(hasCanonical: boolean): string {
  const tools = FORMAT_IDS.map((id) => `${id} (${FORMAT_SOURCES[id]})`);
  if (hasCanonical) tools.push("canonical JSON/NDJSON/CSV");
  return tools.join(", ");
}

/** The format of one file, or undefined when no importer (nor the canonical parser) recognises it. */
export function detectFormat(file: ImportFile, hooks: ImportHooks = {}): FormatId | typeof CANONICAL_FORMAT | undefined {
  const prepared = { name: file.name, text: stripBom(file.text) };
  const json = parseJsonIfAny(prepared.text);
  const importer = IMPORTERS.find((candidate) => candidate.detect(prepared, json));
  if (importer) return importer.id;
  return hooks.canonical?.detect(prepared) ? CANONICAL_FORMAT : undefined;
}

function withFile(error: unknown, file: ImportFile): unknown {
  if (!isAppError(error) || error.file !== undefined) return error;
  return new AppError(error.code, {
    message: error.message,
    ...(error.path !== undefined && { path: error.path }),
    ...(error.line !== undefined && { line: error.line }),
    file: file.name,
  });
}

function importOne(file: ImportFile, options: ImportFilesOptions, hooks: ImportHooks): { format: string; result: ImportResult } {
  const prepared = { name: file.name, text: stripBom(file.text) };
  const forced = options.format;
  const runCanonical = () => {
    if (!hooks.canonical) {
      throw new AppError("unsupported_format", { message: `${file.name}: the canonical format is not available here`, file: file.name });
    }
    const result = hooks.canonical.parse(prepared, options);
    return { format: result.format ?? CANONICAL_FORMAT, result };
  };
  try {
    if (forced !== undefined && CANONICAL_ALIASES.has(forced)) return runCanonical();
    const json = parseJsonIfAny(prepared.text);
    if (forced !== undefined) {
      const importer = BY_ID.get(forced);
      if (!importer) {
        throw new AppError("invalid_input", {
          message: `unknown format "${forced}"; supported formats: ${supportedFormats(hooks.canonical !== undefined)}`,
          path: "format",
          file: file.name,
        });
      }
      if (!importer.detect(prepared, json)) {
        throw new AppError("invalid_input", {
          message: `${file.name} does not look like ${importer.id} output (expected ${FORMAT_SOURCES[importer.id]})`,
          file: file.name,
        });
      }
      return { format: importer.id, result: importer.parse(prepared, options, json) };
    }
    const importer = IMPORTERS.find((candidate) => candidate.detect(prepared, json));
    if (importer) return { format: importer.id, result: importer.parse(prepared, options, json) };
    if (hooks.canonical?.detect(prepared)) return runCanonical();
    throw new AppError("unsupported_format", {
      message: `${file.name}: could not recognise the format; supported formats: ${supportedFormats(hooks.canonical !== undefined)}`,
      file: file.name,
    });
  } catch (error) {
    throw withFile(error, file);
  }
}

// ---------------------------------------------------------------------------------------------
// Merging the hosts of several files

interface Member {
  host: CanonicalHost;
  format: string;
  rank: number;
  aliases: string[];
  isServiceGuessed: boolean;
}

/** Union-find over members; a union is refused when it would put two machines of one tool together. */
class HostGroups {
  private readonly parent: number[];
  private readonly formats: (Map<string, string> | undefined)[];
  private readonly environments: (Set<string> | undefined)[];

  constructor(private readonly members: readonly Member[]) {
    this.parent = members.map((_, index) => index);
    this.formats = members.map((member) => new Map([[member.format, member.host.hostKey]]));
    this.environments = members.map((member) => new Set(member.host.environment ? [member.host.environment] : []));
  }

  find(index: number): number {
    let root = index;
    while (this.parent[root] !== root) root = this.parent[root]!;
    for (let current = index; this.parent[current] !== root; ) {
      const next = this.parent[current]!;
      this.parent[current] = root;
      current = next;
    }
    return root;
  }

  /** Joins the groups of `a` and `b`; unless `force`, only when no tool would then hold two hosts and environments agree. */
  union(a: number, b: number, force = false): void {
    let rootA = this.find(a);
    let rootB = this.find(b);
    if (rootA === rootB) return;
    const formatsA = this.formats[rootA]!;
    const formatsB = this.formats[rootB]!;
    const envA = this.environments[rootA]!;
    const envB = this.environments[rootB]!;
    if (!force) {
      for (const [format, hostKey] of formatsB) {
        const other = formatsA.get(format);
        if (other !== undefined && other !== hostKey) return;
      }
      if (envA.size && envB.size && ![...envA].some((environment) => envB.has(environment))) return;
    }
    if (formatsA.size < formatsB.size) [rootA, rootB] = [rootB, rootA];
    const [keep, drop] = [rootA, rootB];
    for (const [format, hostKey] of this.formats[drop]!) if (!this.formats[keep]!.has(format)) this.formats[keep]!.set(format, hostKey);
    for (const environment of this.environments[drop]!) this.environments[keep]!.add(environment);
    this.formats[drop] = undefined;
    this.environments[drop] = undefined;
    this.parent[drop] = keep;
  }

  get size(): number {
    return this.members.length;
  }
}

/** Names a machine goes by, normalised for matching: lower case, plus the short form of DNS names. */
function matchNames(member: Member): string[] {
  const names = new Set<string>();
  for (const raw of [member.host.hostKey, ...member.aliases]) {
    const name = raw.trim().toLowerCase();
    if (!name) continue;
    names.add(name);
    if (!isIpAddress(name) && name.includes(".") && !name.includes("/")) {
      const short = name.slice(0, name.indexOf("."));
      if (short) names.add(short);
    }
  }
  return [...names];
}

function groupMembers(members: readonly Member[]): HostGroups {
  const groups = new HostGroups(members);
  // The same hostKey is the same machine, whichever files it came from.
  const firstByKey = new Map<string, number>();
  members.forEach((member, index) => {
    const first = firstByKey.get(member.host.hostKey);
    if (first === undefined) firstByKey.set(member.host.hostKey, index);
    else groups.union(first, index, true);
  });
  // Aliases match only across tools, and only when unambiguous within each tool (a `Name`
  // tag shared by an autoscaling group's instances identifies none of them).
  const byName = new Map<string, Map<string, { hostKey: string; index: number; isAmbiguous: boolean }>>();
  members.forEach((member, index) => {
    for (const name of matchNames(member)) {
      let perFormat = byName.get(name);
      if (!perFormat) {
        perFormat = new Map();
        byName.set(name, perFormat);
      }
      const seen = perFormat.get(member.format);
      if (!seen) perFormat.set(member.format, { hostKey: member.host.hostKey, index, isAmbiguous: false });
      else if (seen.hostKey !== member.host.hostKey) seen.isAmbiguous = true;
    }
  });
  for (const perFormat of byName.values()) {
    if (perFormat.size < 2) continue;
    let first: number | undefined;
    for (const entry of perFormat.values()) {
      if (entry.isAmbiguous) continue;
      if (first === undefined) first = entry.index;
      else groups.union(first, entry.index);
    }
  }
  return groups;
}

function mergeHosts(group: readonly Member[]): CanonicalHost {
  if (group.length === 1) return group[0]!.host;
  const byRank = [...group].sort((a, b) => a.rank - b.rank);
  const hosts = byRank.map((member) => member.host);
  const primary = hosts[0]!;
  const pick = <K extends "environment" | "role" | "image" | "launchedAt">(key: K): CanonicalHost[K] =>
    hosts.find((host) => host[key] !== undefined)?.[key];
  const components = new Map<string, string>();
  const config = new Map<string, string>();
  for (let i = hosts.length - 1; i >= 0; i--) {
    for (const [name, version] of Object.entries(hosts[i]!.components)) components.set(name, version);
    for (const [name, version] of Object.entries(hosts[i]!.config)) config.set(name, version);
  }
  const environment = pick("environment");
  const role = pick("role");
  const image = pick("image");
  const launchedAt = pick("launchedAt");
  return {
    hostKey: primary.hostKey,
    service: (byRank.find((member) => !member.isServiceGuessed) ?? byRank[0]!).host.service,
    ...(environment !== undefined && { environment }),
    ...(role !== undefined && { role }),
    ...(image !== undefined && { image }),
    ...(launchedAt !== undefined && { launchedAt }),
    components: Object.fromEntries(components),
    config: Object.fromEntries(config),
  };
}

/** Adds `image-name` / `image-version` components to hosts running a catalogued image. */
function enrichFromCatalogue(hosts: CanonicalHost[], images: readonly ImageCatalogueEntry[]): CanonicalHost[] {
  if (!images.length) return hosts;
  const byId = new Map(images.map((image) => [image.imageId, image]));
  return hosts.map((host) => {
    const candidates = [host.image, host.components.image].filter((value): value is string => value !== undefined);
    let entry: ImageCatalogueEntry | undefined;
    for (const candidate of candidates) {
      entry = byId.get(candidate) ?? byId.get(candidate.split("/").pop() ?? "");
      if (entry) break;
    }
    if (!entry) return host;
    const components = new Map(Object.entries(host.components));
    if (!components.has("image-name")) components.set("image-name", entry.name);
    if (entry.version !== undefined && !components.has("image-version")) components.set("image-version", entry.version);
    return { ...host, components: Object.fromEntries(components) };
  });
}

/**
 * Imports one upload: detects each file's format (or uses `options.format`), runs its importer,
 * and merges all files into one snapshot. Throws AppError: `invalid_input` for a broken file
 * (message names the tool and the path), `unsupported_format` when a file is not recognised.
 */
export function importFiles(files: readonly ImportFile[], options: ImportFilesOptions = {}, hooks: ImportHooks = {}): ImportFilesResult {
  if (files.length === 0) throw new AppError("invalid_input", { message: "no file to import" });
  if (options.takenAt !== undefined && toIsoTime(options.takenAt) === undefined) {
    throw new AppError("invalid_input", { message: "takenAt: must be an ISO 8601 date-time, e.g. 2026-03-01T12:00:00Z", path: "takenAt" });
  }
  const formats: string[] = [];
  const members: Member[] = [];
  const skipped: SkippedHost[] = [];
  const images: ImageCatalogueEntry[] = [];
  let takenAt: string | undefined;
  const environments = new Set<string | undefined>();
  const sources = new Set<string>();

  for (const file of files) {
    const { format, result } = importOne(file, options, hooks);
    if (!formats.includes(format)) formats.push(format);
    const rank = MERGE_RANK[format] ?? (CANONICAL_ALIASES.has(format) ? MERGE_RANK.canonical! : 50);
    for (const host of result.snapshot.hosts) {
      const identity = result.identities?.get(host.hostKey);
      members.push({ host, format, rank, aliases: identity?.aliases ?? [], isServiceGuessed: identity?.isServiceGuessed ?? false });
    }
    skipped.push(...result.skipped);
    images.push(...(result.images ?? []));
    takenAt = laterTime(takenAt, result.snapshot.takenAt);
    // Canonical data without a source stays without one, so the same file uploaded raw
    // (streamed) or as a form part gets the same identity.
    sources.add(result.snapshot.source ?? (CANONICAL_ALIASES.has(format) ? "" : format));
    environments.add(result.snapshot.environment);
  }

  let hosts: CanonicalHost[];
  if (files.length === 1) hosts = members.map((member) => member.host);
  else {
    const groups = groupMembers(members);
    const byRoot = new Map<number, Member[]>();
    for (let index = 0; index < groups.size; index++) {
      const root = groups.find(index);
      const group = byRoot.get(root);
      if (group) group.push(members[index]!);
      else byRoot.set(root, [members[index]!]);
    }
    hosts = [...byRoot.values()].map(mergeHosts);
  }
  hosts = enrichFromCatalogue(hosts, images);

  const [onlyEnvironment] = environments;
  const environment = cleanName(options.environment) ?? (environments.size === 1 ? onlyEnvironment : undefined);
  const format = formats.join("+");
  return {
    snapshot: {
      ...(takenAt !== undefined && { takenAt }),
      // A canonical file names its own source (the tool that produced it); keep it when all files agree.
      source: sources.size === 1 ? [...sources][0]! || undefined : format,
      ...(environment !== undefined && { environment }),
      hosts,
    },
    skipped,
    format,
    images,
  };
}
