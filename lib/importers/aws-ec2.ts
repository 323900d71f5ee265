/**
 * AWS EC2: `aws ec2 describe-instances --output json` (`{"Reservations": [{"Instances": [...]}]}`),
 * or the flat list from `--query 'Reservations[].Instances[]'`. Each live instance is a host.
 */
import { z } from "zod";
import {
  cleanName,
  ENVIRONMENT_KEYS,
  guessServiceFromHostName,
  headOf,
  invalidInput,
  isRecord,
  isVersionKey,
  pickTag,
  requireJson,
  ResultCollector,
  ROLE_KEYS,
  SERVICE_KEYS,
  toIsoTime,
  validate,
  VersionMap,
  type ParseContext,
} from "./common";
import type { ImportOptions, Importer } from "./types";

const instanceSchema = z.looseObject({
  InstanceId: z.string(),
  ImageId: z.string().nullish(),
  InstanceType: z.string().nullish(),
  LaunchTime: z.string().nullish(),
  PrivateDnsName: z.string().nullish(),
  PrivateIpAddress: z.string().nullish(),
  State: z.looseObject({ Name: z.string() }).nullish(),
  Tags: z.array(z.looseObject({ Key: z.string(), Value: z.string().nullish() })).nullish(),
});

const describeSchema = z.looseObject({
  Reservations: z.array(z.looseObject({ Instances: z.array(z.unknown()) })),
});

const GONE_STATES = new Set(["terminated", "shutting-down"]);

function isInstance(value: unknown): boolean {
  return isRecord(value) && typeof value.InstanceId === "string" && ("ImageId" in value || "InstanceType" in value);
}

function addInstance(collector: ResultCollector, ctx: ParseContext, raw: unknown, path: (string | number)[], options: ImportOptions) {
  const instance = validate(instanceSchema, raw, ctx, path);
  const state = instance.State?.Name;
  if (state && GONE_STATES.has(state)) {
    collector.skip(instance.InstanceId, `instance ${state}`);
    return;
  }
  const tags: Record<string, string | null> = Object.fromEntries((instance.Tags ?? []).map((tag) => [tag.Key, tag.Value ?? null]));
  const components = new VersionMap();
  components.set("image", instance.ImageId);
  components.set("instance-type", instance.InstanceType);
  // `aws:` tags are AWS's own bookkeeping (launch template version), not software versions.
  for (const [key, value] of Object.entries(tags)) if (isVersionKey(key) && !key.startsWith("aws:")) components.set(key, value);

  const nameTag = pickTag(tags, ["Name"]);
  const declared = pickTag(tags, SERVICE_KEYS) ?? pickTag(tags, ["aws:autoscaling:groupName"]) ?? cleanName(options.service);
  // Without any name, the instance is its own service: stripping "digits" from an id would group by accident.
  const service = declared ?? (nameTag ? guessServiceFromHostName(nameTag) : instance.InstanceId);
  collector.addHost(
    {
      hostKey: instance.InstanceId,
      service,
      environment: pickTag(tags, ENVIRONMENT_KEYS) ?? options.environment,
      role: pickTag(tags, ROLE_KEYS),
      image: instance.ImageId ?? undefined,
      launchedAt: toIsoTime(instance.LaunchTime),
      components,
    },
    { aliases: [instance.PrivateDnsName, instance.PrivateIpAddress, nameTag], isServiceGuessed: declared === undefined },
  );
}

export const awsEc2Importer: Importer = {
  id: "aws-ec2",

  detect(file, json) {
    if (json === undefined) return /^\s*\{\s*"Reservations"\s*:/.test(headOf(file.text, 256));
    if (Array.isArray(json)) {
      const first = Array.isArray(json[0]) ? json[0][0] : json[0];
      return isInstance(first);
    }
    return isRecord(json) && Array.isArray(json.Reservations);
  },

  parse(file, options, json) {
    const ctx: ParseContext = { tool: "aws-ec2", file };
    const document = requireJson(ctx, json);
    const collector = new ResultCollector(ctx);
    if (Array.isArray(document)) {
      // `--query 'Reservations[].Instances[]'` is flat; `--query 'Reservations[*].Instances[*]'` nests.
      document.forEach((item, index) => {
        if (Array.isArray(item)) item.forEach((inner, innerIndex) => addInstance(collector, ctx, inner, [index, innerIndex], options));
        else addInstance(collector, ctx, item, [index], options);
      });
    } else if (isRecord(document)) {
      const described = validate(describeSchema, document, ctx);
      described.Reservations.forEach((reservation, r) =>
        reservation.Instances.forEach((instance, i) => addInstance(collector, ctx, instance, ["Reservations", r, "Instances", i], options)),
      );
    } else {
      throw invalidInput(ctx, [], "expected the output of `aws ec2 describe-instances` (an object with Reservations)");
    }
    return collector.result(options);
  },
};
