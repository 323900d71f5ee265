/**
 * Chef: `knife node show NODE -l -F json` (one node), a JSON array of such nodes,
 * `knife search node QUERY -l -F json` (`{"results": n, "rows": [...]}`), and bare Ohai output.
 */
import { z } from "zod";
import {
  addPackage,
  bootTime,
  cleanName,
  formatPackageVersion,
  headOf,
  hostNameFromFile,
  invalidInput,
  isRecord,
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

const automaticSchema = z.looseObject({
  fqdn: z.string().nullish(),
  hostname: z.string().nullish(),
  machinename: z.string().nullish(),
  ipaddress: z.string().nullish(),
  platform: scalar,
  platform_version: scalar,
  kernel: z.looseObject({ release: scalar }).nullish(),
  packages: z.record(z.string(), z.looseObject({ version: scalar, release: scalar, epoch: scalar })).nullish(),
  cookbooks: z.record(z.string(), z.looseObject({ version: scalar })).nullish(),
  roles: z.array(z.string()).nullish(),
  ohai_time: z.union([z.number(), z.string()]).nullish(),
  uptime_seconds: z.union([z.number(), z.string()]).nullish(),
  chef_packages: z.looseObject({ chef: z.looseObject({ version: scalar }).nullish() }).nullish(),
  ec2: z.looseObject({ instance_id: z.string().nullish(), local_hostname: z.string().nullish() }).nullish(),
});
type Automatic = z.output<typeof automaticSchema>;

const nodeSchema = z.looseObject({
  name: z.string(),
  chef_environment: z.string().nullish(),
  run_list: z.array(z.string()).nullish(),
  policy_name: z.string().nullish(),
  automatic: z.record(z.string(), z.unknown()).nullish(),
});

function isNode(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && (value.json_class === "Chef::Node" || value.chef_type === "node" || (isRecord(value.automatic) && "run_list" in value));
}

function isOhai(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && "ohai_time" in value && ("platform" in value || "kernel" in value || "hostname" in value);
}

function isSearchResult(value: unknown): value is { rows: unknown[] } {
  return isRecord(value) && typeof value.results === "number" && Array.isArray(value.rows) && (value.rows.length === 0 || isNode(value.rows[0]));
}

/** `role[web]` entries of a run list, in order. */
function rolesOf(runList: readonly string[] | null | undefined): string[] {
  return (runList ?? []).flatMap((entry) => {
    const match = /^role\[(.+)\]$/.exec(entry.trim());
    return match ? [match[1]!] : [];
  });
}

function addNode(
  collector: ResultCollector,
  ctx: ParseContext,
  rawAutomatic: unknown,
  path: (string | number)[],
  node: { name?: string; environment?: string | null; runList?: string[] | null; policyName?: string | null },
  options: ImportOptions,
) {
  const automatic: Automatic = validate(automaticSchema, rawAutomatic ?? {}, ctx, path);
  const hostKey =
    cleanName(node.name) ?? cleanName(automatic.fqdn) ?? cleanName(automatic.hostname) ?? cleanName(options.host) ?? hostNameFromFile(ctx.file.name);

  const components = new VersionMap();
  const platform = [automatic.platform, automatic.platform_version].filter((part) => part !== null && part !== undefined && part !== "").join(" ");
  components.set("os", platform || undefined);
  components.set("kernel", automatic.kernel?.release);
  components.set("chef", automatic.chef_packages?.chef?.version);
  for (const [name, info] of Object.entries(automatic.packages ?? {})) {
    addPackage(components, SYSTEM_FACT_NAMES, name, formatPackageVersion(info.version, info.release, info.epoch));
  }
  for (const [name, info] of Object.entries(automatic.cookbooks ?? {})) components.set(`cookbook:${name}`, info.version);

  // Policyfile nodes name their service by policy; role-based nodes by their most specific
  // (last) role, since base roles conventionally come first in a run list.
  const roles = rolesOf(node.runList);
  const declared = cleanName(node.policyName) ?? roles.at(-1) ?? automatic.roles?.at(-1);
  const { service, isServiceGuessed } = resolveService(declared, options, hostKey);
  const environment = node.environment && node.environment !== "_default" ? node.environment : undefined;

  const gatheredAt = toIsoTime(automatic.ohai_time);
  collector.noteTakenAt(gatheredAt);
  collector.addHost(
    {
      hostKey,
      service,
      environment: environment ?? options.environment,
      launchedAt: bootTime(gatheredAt, automatic.uptime_seconds),
      components,
    },
    {
      aliases: [automatic.fqdn, automatic.hostname, automatic.machinename, automatic.ipaddress, automatic.ec2?.instance_id, automatic.ec2?.local_hostname],
      isServiceGuessed,
    },
  );
}

export const chefImporter: Importer = {
  id: "chef",

  detect(file, json) {
    if (json === undefined) return /"json_class"\s*:\s*"Chef::Node"|^\s*\{\s*"results"\s*:\s*\d+,\s*"rows"/.test(headOf(file.text, 8192));
    if (Array.isArray(json)) return json.length > 0 && isNode(json[0]);
    return isNode(json) || isOhai(json) || isSearchResult(json);
  },

  parse(file, options, json) {
    const ctx: ParseContext = { tool: "chef", file };
    const document = requireJson(ctx, json);
    const collector = new ResultCollector(ctx);
    const addOne = (value: unknown, path: (string | number)[]) => {
      const node = validate(nodeSchema, value, ctx, path);
      addNode(collector, ctx, node.automatic, [...path, "automatic"], {
        name: node.name,
        environment: node.chef_environment,
        runList: node.run_list,
        policyName: node.policy_name,
      }, options);
    };
    if (Array.isArray(document)) document.forEach((value, index) => addOne(value, [index]));
    else if (isSearchResult(document)) document.rows.forEach((value, index) => addOne(value, ["rows", index]));
    else if (isNode(document)) addOne(document, []);
    else if (isOhai(document)) addNode(collector, ctx, document, [], {}, options);
    else throw invalidInput(ctx, [], "expected a node from `knife node show -l -F json`, a list of nodes, or Ohai output");
    return collector.result(options);
  },
};
