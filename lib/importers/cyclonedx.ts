/**
 * CycloneDX JSON SBOM of one host or image (`syft -o cyclonedx-json`, `trivy --format cyclonedx`,
 * `cdxgen`): the subject is `metadata.component`, its packages are `components[]` (nested ones too).
 */
import { z } from "zod";
import { cleanName, cleanVersion, headOf, isRecord, requireJson, toIsoTime, validate, type ParseContext } from "./common";
import { buildSbomResult, type SbomContent, type SbomSubject } from "./sbom";
import type { Importer } from "./types";

const scalar = z.union([z.string(), z.number()]).nullish();

const componentSchema = z.looseObject({
  type: z.string().nullish(),
  name: z.string(),
  version: scalar,
  group: z.string().nullish(),
  hashes: z.array(z.looseObject({ alg: z.string(), content: z.string() })).nullish(),
  components: z.array(z.unknown()).nullish(),
});

const bomSchema = z.looseObject({
  bomFormat: z.literal("CycloneDX"),
  metadata: z
    .looseObject({
      timestamp: z.string().nullish(),
      component: z.looseObject({ type: z.string().nullish(), name: z.string().nullish(), version: scalar }).nullish(),
    })
    .nullish(),
  components: z.array(z.unknown()).nullish(),
});

function subjectKind(type: string | null | undefined): SbomSubject["kind"] {
  if (type === "container") return "image";
  if (type === "application" || type === "framework" || type === "library" || type === "firmware") return "application";
  if (type === "device" || type === "operating-system" || type === "platform") return "host";
  return undefined;
}

export const cyclonedxImporter: Importer = {
  id: "cyclonedx",

  detect(file, json) {
    if (json === undefined) return /"bomFormat"\s*:\s*"CycloneDX"/.test(headOf(file.text, 4096));
    return isRecord(json) && json.bomFormat === "CycloneDX";
  },

  parse(file, options, json) {
    const ctx: ParseContext = { tool: "cyclonedx", file };
    const bom = validate(bomSchema, requireJson(ctx, json), ctx);
    const content: SbomContent = {
      subject: {
        name: bom.metadata?.component?.name,
        version: cleanVersion(bom.metadata?.component?.version),
        kind: subjectKind(bom.metadata?.component?.type),
      },
      takenAt: toIsoTime(bom.metadata?.timestamp),
      packages: [],
      files: [],
    };
    const pending: { raw: unknown; path: (string | number)[] }[] = (bom.components ?? [])
      .map((raw, index) => ({ raw, path: ["components", index] as (string | number)[] }))
      .reverse();
    while (pending.length) {
      const { raw, path } = pending.pop()!;
      const component = validate(componentSchema, raw, ctx, path);
      const children = component.components ?? [];
      for (let index = children.length - 1; index >= 0; index--) pending.push({ raw: children[index], path: [...path, "components", index] });
      const name = cleanName(component.group ? `${component.group}/${component.name}` : component.name);
      if (!name) continue;
      if (component.type === "operating-system") {
        content.os ??= [component.name, cleanVersion(component.version)].filter(Boolean).join(" ");
      } else if (component.type === "file") {
        const hash = component.hashes?.find((entry) => /^sha-?256$/i.test(entry.alg)) ?? component.hashes?.[0];
        if (hash) content.files.push({ name, checksum: hash.content });
      } else {
        content.packages.push({ name, version: cleanVersion(component.version) });
      }
    }
    return buildSbomResult(ctx, options, content);
  },
};
