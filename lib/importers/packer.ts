/**
 * Packer: `packer-manifest.json` from the manifest post-processor. An image catalogue, not a
 * fleet: it yields no hosts, only `images`, which enrich hosts running those images when
 * uploaded together with describe-instances, Terraform state or similar.
 */
import { z } from "zod";
import { cleanName, cleanVersion, headOf, isRecord, isVersionKey, requireJson, ResultCollector, toIsoTime, validate, type ParseContext } from "./common";
import type { ImageCatalogueEntry, Importer } from "./types";

const manifestSchema = z.looseObject({
  builds: z.array(
    z.looseObject({
      name: z.string(),
      builder_type: z.string().nullish(),
      build_time: z.union([z.number(), z.string()]).nullish(),
      artifact_id: z.string(),
      packer_run_uuid: z.string().nullish(),
      custom_data: z.record(z.string(), z.unknown()).nullish(),
    }),
  ),
  last_run_uuid: z.string().nullish(),
});

/** `us-east-1:ami-1,eu-west-1:ami-2` → [`ami-1`, `ami-2`]; other builders' ids stay whole. */
function imageIdsOf(artifactId: string): string[] {
  return artifactId
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^[a-z]{2}(-[a-z]+)+-\d+:(.+)$/.exec(part);
      return match ? match[2]! : part;
    });
}

function versionOf(customData: Record<string, unknown> | null | undefined): string | undefined {
  if (!customData) return undefined;
  const key = ["version", "Version", "app_version", "image_version"].find((name) => name in customData) ?? Object.keys(customData).find(isVersionKey);
  return key === undefined ? undefined : cleanVersion(customData[key]) || undefined;
}

export const packerImporter: Importer = {
  id: "packer",

  detect(file, json) {
    if (json === undefined) return /^\s*\{\s*"builds"\s*:\s*\[\s*\{\s*"name"/.test(headOf(file.text, 1024));
    return isRecord(json) && Array.isArray(json.builds) && ("last_run_uuid" in json || (isRecord(json.builds[0]) && "artifact_id" in json.builds[0]));
  },

  parse(file, options, json) {
    const ctx: ParseContext = { tool: "packer", file };
    const manifest = validate(manifestSchema, requireJson(ctx, json), ctx);
    const images: ImageCatalogueEntry[] = [];
    for (const build of manifest.builds) {
      const builtAt = toIsoTime(build.build_time);
      const version = versionOf(build.custom_data);
      const name = cleanName(build.custom_data?.name) ?? build.name;
      for (const imageId of imageIdsOf(build.artifact_id)) {
        images.push({ imageId, name, ...(builtAt && { builtAt }), ...(version && { version }) });
      }
    }
    return { ...new ResultCollector(ctx).result(options), images };
  },
};
