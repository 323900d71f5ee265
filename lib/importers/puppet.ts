/**
 * Puppet: `facter -j` and `puppet facts show` (bare facts), `puppet facts find` (`{"name":
 * certname, "values": {...}}`), and PuppetDB inventory query results (`[{certname, facts}]`).
 */
import { z } from "zod";
import {
  addPackage,
  bootTime,
  cleanName,
  cleanVersion,
  headOf,
  hostNameFromFile,
  invalidInput,
  isRecord,
  joinVersions,
  pickTag,
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
import type { ImportOptions, Importer } from "./types";

const scalar = scalarFact;

const factsSchema = z.looseObject({
  clientcert: z.string().nullish(),
  fqdn: z.string().nullish(),
  hostname: z.string().nullish(),
  ipaddress: z.string().nullish(),
  networking: z.looseObject({ fqdn: z.string().nullish(), hostname: z.string().nullish(), ip: z.string().nullish() }).nullish(),
  os: z.looseObject({ name: scalar, release: z.looseObject({ full: scalar }).nullish() }).nullish(),
  operatingsystem: scalar,
  operatingsystemrelease: scalar,
  kernelrelease: scalar,
  facterversion: scalar,
  puppetversion: scalar,
  ruby: z.looseObject({ version: scalar }).nullish(),
  system_uptime: z.looseObject({ seconds: z.union([z.number(), z.string()]).nullish() }).nullish(),
  uptime_seconds: z.union([z.number(), z.string()]).nullish(),
  ec2_metadata: z.looseObject({ "instance-id": z.string().nullish(), "local-hostname": z.string().nullish() }).nullish(),
  trusted: z.looseObject({ certname: z.string().nullish(), extensions: z.record(z.string(), z.unknown()).nullish() }).nullish(),
  packages: z.unknown().optional(),
});
type Facts = z.output<typeof factsSchema>;

const findSchema = z.looseObject({ name: z.string(), values: z.record(z.string(), z.unknown()), timestamp: z.string().nullish() });
const inventorySchema = z.array(
  z.looseObject({
    certname: z.string(),
    timestamp: z.string().nullish(),
    environment: z.string().nullish(),
    facts: z.union([z.record(z.string(), z.unknown()), z.looseObject({ data: z.array(z.looseObject({ name: z.string(), value: z.unknown() })) })]),
    trusted: z.record(z.string(), z.unknown()).nullish(),
  }),
);

function isBareFacts(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && ("facterversion" in value || (isRecord(value.os) && "kernelrelease" in value));
}

function isFindResult(value: unknown): boolean {
  return isRecord(value) && typeof value.name === "string" && isBareFacts(value.values);
}

function isInventory(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.length > 0 && isRecord(value[0]) && typeof value[0].certname === "string" && isRecord(value[0].facts);
}

/** A `packages` custom fact: name → version, name → [versions], or name → {version}. */
function addPackagesFact(components: VersionMap, packages: unknown) {
  if (!isRecord(packages)) return;
  for (const [name, value] of Object.entries(packages)) {
    const version = Array.isArray(value)
      ? joinVersions(value.map((item) => (isRecord(item) ? cleanVersion(item.version) : cleanVersion(item))))
      : isRecord(value)
        ? cleanVersion(value.version ?? value.ensure)
        : cleanVersion(value);
    addPackage(components, SYSTEM_FACT_NAMES, name, version);
  }
}

interface Envelope {
  certname?: string;
  timestamp?: string | null;
  environment?: string | null;
  trusted?: Record<string, unknown> | null;
}

function addFacts(collector: ResultCollector, ctx: ParseContext, rawFacts: unknown, path: (string | number)[], envelope: Envelope, options: ImportOptions) {
  const facts: Facts = validate(factsSchema, rawFacts, ctx, path);
  const values = rawFacts as Record<string, unknown>;
  const fqdn = cleanName(facts.networking?.fqdn) ?? cleanName(facts.fqdn);
  const hostname = cleanName(facts.networking?.hostname) ?? cleanName(facts.hostname);
  const hostKey =
    cleanName(envelope.certname) ??
    cleanName(facts.trusted?.certname) ??
    cleanName(facts.clientcert) ??
    fqdn ??
    hostname ??
    cleanName(options.host) ??
    hostNameFromFile(ctx.file.name);

  const components = new VersionMap();
  const osName = facts.os?.name ?? facts.operatingsystem;
  const osRelease = facts.os?.release?.full ?? facts.operatingsystemrelease;
  components.set("os", [osName, osRelease].filter((part) => part !== null && part !== undefined && part !== "").join(" ") || undefined);
  components.set("kernel", facts.kernelrelease);
  components.set("facter", facts.facterversion);
  components.set("puppet", facts.puppetversion);
  components.set("ruby", facts.ruby?.version);
  addPackagesFact(components, facts.packages);

  const extensions = { ...(isRecord(envelope.trusted?.extensions) ? envelope.trusted.extensions : {}), ...(facts.trusted?.extensions ?? {}) };
  // Roles-and-profiles classes read `role::billing`; the service is `billing`.
  const declared = (pickTag(values, ["role", "service"]) ?? pickTag(extensions, ["pp_role", "pp_service", "pp_application"]))?.replace(/^role::/, "");
  const { service, isServiceGuessed } = resolveService(declared, options, hostKey);
  const environment =
    pickTag(values, ["env", "environment"]) ?? pickTag(extensions, ["pp_environment"]) ?? cleanName(envelope.environment) ?? options.environment;

  const gatheredAt = toIsoTime(envelope.timestamp);
  collector.noteTakenAt(gatheredAt);
  collector.addHost(
    {
      hostKey,
      service,
      environment,
      launchedAt: bootTime(gatheredAt, facts.system_uptime?.seconds ?? facts.uptime_seconds),
      components,
    },
    {
      aliases: [fqdn, hostname, facts.networking?.ip ?? facts.ipaddress, facts.ec2_metadata?.["instance-id"], facts.ec2_metadata?.["local-hostname"]],
      isServiceGuessed,
    },
  );
}

export const puppetImporter: Importer = {
  id: "puppet",

  detect(file, json) {
    if (json === undefined) return /"facterversion"\s*:|^\s*\[\s*\{\s*"certname"\s*:/.test(headOf(file.text, 65536));
    return isBareFacts(json) || isFindResult(json) || isInventory(json);
  },

  parse(file, options, json) {
    const ctx: ParseContext = { tool: "puppet", file };
    const document = requireJson(ctx, json);
    const collector = new ResultCollector(ctx);
    if (Array.isArray(document)) {
      const nodes = validate(inventorySchema, document, ctx);
      nodes.forEach((node, index) => {
        // /pdb/query/v4/factsets nests facts as {data: [{name, value}]}.
        const facts = Array.isArray(node.facts.data)
          ? Object.fromEntries((node.facts.data as { name: string; value: unknown }[]).map((fact) => [fact.name, fact.value]))
          : node.facts;
        addFacts(collector, ctx, facts, [index, "facts"], node, options);
      });
    } else if (isRecord(document) && "values" in document && typeof document.name === "string") {
      const found = validate(findSchema, document, ctx);
      addFacts(collector, ctx, found.values, ["values"], { certname: found.name, timestamp: found.timestamp }, options);
    } else if (isRecord(document)) {
      addFacts(collector, ctx, document, [], {}, options);
    } else {
      throw invalidInput(ctx, [], "expected facts from `facter -j`, `puppet facts`, or a PuppetDB inventory array");
    }
    return collector.result(options);
  },
};
