/**
 * Terraform: `terraform show -json` of a state. Compute resources (`aws_instance`,
 * `google_compute_instance`, `azurerm_*_virtual_machine`) become hosts, as do the instances
 * of autoscaling groups where the state lists them (a `data "aws_instances"` source).
 */
import { z } from "zod";
import {
  cleanName,
  ENVIRONMENT_KEYS,
  headOf,
  invalidInput,
  isRecord,
  isVersionKey,
  pickTag,
  requireJson,
  resolveService,
  ResultCollector,
  ROLE_KEYS,
  SERVICE_KEYS,
  validate,
  VersionMap,
  type ParseContext,
} from "./common";
import type { ImportOptions, Importer } from "./types";

type Path = (string | number)[];

const tagsSchema = z.record(z.string(), z.string().nullable()).nullish();

const resourceSchema = z.looseObject({
  address: z.string().nullish(),
  mode: z.string(),
  type: z.string(),
  name: z.string(),
  values: z.record(z.string(), z.unknown()).nullish(),
});
type Resource = z.output<typeof resourceSchema>;

const moduleSchema = z.looseObject({
  resources: z.array(z.unknown()).nullish(),
  child_modules: z.array(z.unknown()).nullish(),
});

const stateSchema = z.looseObject({
  format_version: z.string(),
  values: z.looseObject({ root_module: z.unknown().optional() }).nullish(),
});

const awsInstanceSchema = z.looseObject({
  id: z.string(),
  ami: z.string().nullish(),
  instance_type: z.string().nullish(),
  instance_state: z.string().nullish(),
  private_dns: z.string().nullish(),
  private_ip: z.string().nullish(),
  tags: tagsSchema,
  tags_all: tagsSchema,
});

const googleInstanceSchema = z.looseObject({
  name: z.string(),
  instance_id: z.union([z.string(), z.number()]).nullish(),
  machine_type: z.string().nullish(),
  labels: tagsSchema,
  current_status: z.string().nullish(),
  boot_disk: z
    .array(z.looseObject({ initialize_params: z.array(z.looseObject({ image: z.string().nullish() })).nullish(), source: z.string().nullish() }))
    .nullish(),
  network_interface: z.array(z.looseObject({ network_ip: z.string().nullish() })).nullish(),
});

const azureVmSchema = z.looseObject({
  name: z.string(),
  size: z.string().nullish(),
  vm_size: z.string().nullish(),
  virtual_machine_id: z.string().nullish(),
  computer_name: z.string().nullish(),
  private_ip_address: z.string().nullish(),
  source_image_id: z.string().nullish(),
  source_image_reference: z
    .array(z.looseObject({ publisher: z.string().nullish(), offer: z.string().nullish(), sku: z.string().nullish(), version: z.string().nullish() }))
    .nullish(),
  tags: tagsSchema,
});

const asgSchema = z.looseObject({
  name: z.string(),
  launch_configuration: z.string().nullish(),
  launch_template: z.array(z.looseObject({ id: z.string().nullish(), name: z.string().nullish() })).nullish(),
  tag: z.array(z.looseObject({ key: z.string(), value: z.string().nullish() })).nullish(),
});

const launchTemplateSchema = z.looseObject({
  id: z.string().nullish(),
  name: z.string().nullish(),
  image_id: z.string().nullish(),
  instance_type: z.string().nullish(),
});

const awsInstancesDataSchema = z.looseObject({
  ids: z.array(z.string()).nullish(),
  private_ips: z.array(z.string()).nullish(),
  instance_tags: tagsSchema,
  filter: z.array(z.looseObject({ name: z.string(), values: z.array(z.string()) })).nullish(),
});

const GONE_STATES = new Set(["terminated", "shutting-down"]);
const AWS_ASG_TAG = "aws:autoscaling:groupName";

type Tags = Readonly<Record<string, string | null>>;

/** `Service`/`service`/`app` tag, role, environment and version-named tags shared by every cloud. */
function applyTags(components: VersionMap, tags: Tags | null | undefined) {
  for (const [key, value] of Object.entries(tags ?? {})) if (isVersionKey(key) && !key.startsWith("aws:")) components.set(key, value);
}

interface Located {
  resource: Resource;
  path: Path;
}

function collectResources(ctx: ParseContext, rootModule: unknown): Located[] {
  const found: Located[] = [];
  const pending: { module: unknown; path: Path }[] = [{ module: rootModule, path: ["values", "root_module"] }];
  while (pending.length) {
    const { module, path } = pending.pop()!;
    const parsed = validate(moduleSchema, module, ctx, path);
    (parsed.resources ?? []).forEach((raw, index) => {
      const resourcePath = [...path, "resources", index];
      found.push({ resource: validate(resourceSchema, raw, ctx, resourcePath), path: resourcePath });
    });
    const children = parsed.child_modules ?? [];
    // Depth-first in document order: push children last-first so the first is popped next.
    for (let index = children.length - 1; index >= 0; index--) pending.push({ module: children[index], path: [...path, "child_modules", index] });
  }
  return found;
}

function addHostFromTags(
  collector: ResultCollector,
  options: ImportOptions,
  host: { hostKey: string; fallbackService: string; tags: Tags | null | undefined; image?: string | null; instanceType?: string | null; aliases: unknown[] },
) {
  const components = new VersionMap();
  components.set("image", host.image);
  components.set("instance-type", host.instanceType);
  applyTags(components, host.tags);
  const tags = host.tags ?? undefined;
  const declared = pickTag(tags, SERVICE_KEYS) ?? cleanName(host.fallbackService);
  const { service, isServiceGuessed } = resolveService(declared, options, host.hostKey);
  collector.addHost(
    {
      hostKey: host.hostKey,
      service,
      environment: pickTag(tags, ENVIRONMENT_KEYS) ?? options.environment,
      role: pickTag(tags, ROLE_KEYS),
      image: host.image ?? undefined,
      components,
    },
    { aliases: [...host.aliases, pickTag(tags, ["Name"])], isServiceGuessed },
  );
}

export const terraformImporter: Importer = {
  id: "terraform",

  detect(file, json) {
    if (json === undefined) return /^\s*\{\s*"format_version"\s*:\s*"[^"]*"\s*,\s*"terraform_version"/.test(headOf(file.text, 1024));
    return isRecord(json) && typeof json.format_version === "string" && ("terraform_version" in json || "values" in json || "planned_values" in json);
  },

  parse(file, options, json) {
    const ctx: ParseContext = { tool: "terraform", file };
    const document = requireJson(ctx, json);
    const state = validate(stateSchema, document, ctx);
    const collector = new ResultCollector(ctx);
    if (!state.values) {
      if (isRecord(document) && "planned_values" in document) {
        throw invalidInput(ctx, ["values"], "expected the state from `terraform show -json` (without a plan file); this file is a plan");
      }
      return collector.result(options); // an empty state
    }
    const resources = state.values.root_module === undefined ? [] : collectResources(ctx, state.values.root_module);

    // Autoscaling groups: their image comes from the launch template, their instances from data sources.
    const templates = new Map<string, z.output<typeof launchTemplateSchema>>();
    const groups = new Map<string, { group: z.output<typeof asgSchema>; path: Path }>();
    for (const { resource, path } of resources) {
      if (resource.mode !== "managed") continue;
      if (resource.type === "aws_launch_template" || resource.type === "aws_launch_configuration") {
        const template = validate(launchTemplateSchema, resource.values ?? {}, ctx, [...path, "values"]);
        for (const key of [template.id, template.name]) if (key) templates.set(key, template);
      } else if (resource.type === "aws_autoscaling_group") {
        const group = validate(asgSchema, resource.values ?? {}, ctx, [...path, "values"]);
        groups.set(group.name, { group, path });
      }
    }

    for (const { resource, path } of resources) {
      const valuesPath = [...path, "values"];
      const values = resource.values ?? {};
      const address = resource.address ?? `${resource.type}.${resource.name}`;
      if (resource.mode === "managed" && resource.type === "aws_instance") {
        const instance = validate(awsInstanceSchema, values, ctx, valuesPath);
        if (instance.instance_state && GONE_STATES.has(instance.instance_state)) {
          collector.skip(instance.id, `instance ${instance.instance_state}`);
          continue;
        }
        addHostFromTags(collector, options, {
          hostKey: instance.id,
          fallbackService: resource.name,
          tags: instance.tags ?? instance.tags_all,
          image: instance.ami,
          instanceType: instance.instance_type,
          aliases: [instance.private_dns, instance.private_ip, address],
        });
      } else if (resource.mode === "managed" && (resource.type === "google_compute_instance" || resource.type === "google_compute_instance_from_template")) {
        const instance = validate(googleInstanceSchema, values, ctx, valuesPath);
        const disk = instance.boot_disk?.[0];
        addHostFromTags(collector, options, {
          hostKey: instance.name,
          fallbackService: resource.name,
          tags: instance.labels,
          image: disk?.initialize_params?.[0]?.image ?? undefined,
          instanceType: instance.machine_type?.split("/").pop(),
          aliases: [instance.instance_id, instance.network_interface?.[0]?.network_ip, address],
        });
      } else if (resource.mode === "managed" && /^azurerm_(linux_|windows_)?virtual_machine$/.test(resource.type)) {
        const vm = validate(azureVmSchema, values, ctx, valuesPath);
        const reference = vm.source_image_reference?.[0];
        const image =
          vm.source_image_id ??
          (reference ? [reference.publisher, reference.offer, reference.sku, reference.version].filter(Boolean).join(":") : undefined);
        addHostFromTags(collector, options, {
          hostKey: vm.name,
          fallbackService: resource.name,
          tags: vm.tags,
          image,
          instanceType: vm.size ?? vm.vm_size,
          aliases: [vm.virtual_machine_id, vm.computer_name, vm.private_ip_address, address],
        });
      } else if (resource.mode === "data" && resource.type === "aws_instances") {
        const data = validate(awsInstancesDataSchema, values, ctx, valuesPath);
        const groupName =
          pickTag(data.instance_tags ?? undefined, [AWS_ASG_TAG]) ??
          data.filter?.find((filter) => filter.name === `tag:${AWS_ASG_TAG}`)?.values[0];
        const group = groupName ? groups.get(groupName)?.group : undefined;
        const templateKey = group?.launch_template?.[0]?.id ?? group?.launch_template?.[0]?.name ?? group?.launch_configuration;
        const template = templateKey ? templates.get(templateKey) : undefined;
        const groupTags: Record<string, string | null> = Object.fromEntries((group?.tag ?? []).map((tag) => [tag.key, tag.value ?? null]));
        const tags = { ...groupTags, ...(data.instance_tags ?? {}) };
        (data.ids ?? []).forEach((id, index) => {
          addHostFromTags(collector, options, {
            hostKey: id,
            fallbackService: groupName ?? resource.name,
            tags,
            image: template?.image_id,
            instanceType: template?.instance_type,
            aliases: [data.private_ips?.[index]],
          });
        });
      }
    }
    return collector.result(options);
  },
};
