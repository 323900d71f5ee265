/**
 * Docker: `docker inspect $(docker ps -q)` — an array of container objects. Each running
 * container is a host; exited ones are skipped.
 */
import { z } from "zod";
import {
  ENVIRONMENT_KEYS,
  headOf,
  isRecord,
  parseImageReference,
  pickTag,
  requireJson,
  resolveService,
  ResultCollector,
  ROLE_KEYS,
  toIsoTime,
  validate,
  VersionMap,
  type ParseContext,
} from "./common";
import type { Importer } from "./types";

const containerSchema = z.looseObject({
  Id: z.string(),
  Created: z.string().nullish(),
  Name: z.string().nullish(),
  Image: z.string().nullish(),
  State: z.looseObject({ Status: z.string(), ExitCode: z.number().nullish() }),
  Config: z.looseObject({
    Hostname: z.string().nullish(),
    Image: z.string().nullish(),
    Labels: z.record(z.string(), z.string()).nullish(),
    Env: z.array(z.string()).nullish(),
  }),
});

/** Statuses of containers that are not running and will not run again by themselves. */
const STOPPED = new Set(["exited", "dead", "created", "removing"]);

function isContainer(value: unknown): boolean {
  return isRecord(value) && typeof value.Id === "string" && isRecord(value.State) && isRecord(value.Config) && "Created" in value;
}

export const dockerImporter: Importer = {
  id: "docker",

  detect(file, json) {
    if (json === undefined) return /^\s*\[\s*\{\s*"Id"\s*:\s*"[0-9a-f]{64}",\s*"Created"/.test(headOf(file.text, 1024));
    return Array.isArray(json) && json.length > 0 && isContainer(json[0]);
  },

  parse(file, options, json) {
    const ctx: ParseContext = { tool: "docker", file };
    const containers = validate(z.array(z.unknown()), requireJson(ctx, json), ctx);
    const collector = new ResultCollector(ctx);
    containers.forEach((raw, index) => {
      const container = validate(containerSchema, raw, ctx, [index]);
      const name = container.Name?.replace(/^\//, "");
      const status = container.State.Status;
      if (STOPPED.has(status)) {
        const code = container.State.ExitCode;
        collector.skip(container.Id, `container ${status}${status === "exited" && code !== null && code !== undefined ? ` (exit code ${code})` : ""}`);
        return;
      }
      const labels = container.Config.Labels ?? {};
      const reference = container.Config.Image ?? undefined;
      const image = reference ? parseImageReference(reference) : undefined;

      const components = new VersionMap();
      if (image) {
        components.set(image.repository, image.tag ?? image.digest ?? "latest");
        // A reference pinned by digest already carries it as its version.
        if (!image.digest) components.set(`${image.repository}@digest`, container.Image);
      }
      for (const entry of container.Config.Env ?? []) {
        const equals = entry.indexOf("=");
        const key = equals === -1 ? entry : entry.slice(0, equals);
        const match = /^([A-Za-z0-9_]+?)_VERSION$/.exec(key);
        if (match && equals !== -1) components.setDefault(match[1]!.toLowerCase().replace(/_/g, "-"), entry.slice(equals + 1));
      }

      const declared = pickTag(labels, ["com.docker.compose.service"]) ?? image?.repository;
      const { service, isServiceGuessed } = resolveService(declared, options, name ?? container.Id);
      collector.addHost(
        {
          hostKey: container.Id,
          service,
          environment: pickTag(labels, ENVIRONMENT_KEYS) ?? options.environment,
          role: pickTag(labels, ROLE_KEYS),
          image: reference,
          launchedAt: toIsoTime(container.Created),
          components,
        },
        { aliases: [name, container.Config.Hostname, container.Id.slice(0, 12)], isServiceGuessed },
      );
    });
    return collector.result(options);
  },
};
