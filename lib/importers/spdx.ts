/**
 * SPDX 2.x JSON SBOM of one host or image (`syft -o spdx-json`, `trivy --format spdx-json`):
 * the subject is the package the document DESCRIBES, the rest of `packages[]` are its packages.
 */
import { z } from "zod";
import { cleanName, cleanVersion, headOf, isRecord, requireJson, toIsoTime, validate, type ParseContext } from "./common";
import { buildSbomResult, type SbomContent, type SbomSubject } from "./sbom";
import type { Importer } from "./types";

const packageSchema = z.looseObject({
  SPDXID: z.string().nullish(),
  name: z.string(),
  versionInfo: z.union([z.string(), z.number()]).nullish(),
  primaryPackagePurpose: z.string().nullish(),
});

const documentSchema = z.looseObject({
  spdxVersion: z.string(),
  SPDXID: z.string().nullish(),
  name: z.string().nullish(),
  creationInfo: z.looseObject({ created: z.string().nullish() }).nullish(),
  documentDescribes: z.array(z.string()).nullish(),
  packages: z.array(z.unknown()).nullish(),
  relationships: z
    .array(z.looseObject({ spdxElementId: z.string(), relatedSpdxElement: z.string(), relationshipType: z.string() }))
    .nullish(),
});

function subjectKind(purpose: string | null | undefined): SbomSubject["kind"] {
  if (purpose === "CONTAINER") return "image";
  if (purpose === "APPLICATION" || purpose === "FRAMEWORK" || purpose === "LIBRARY" || purpose === "FIRMWARE") return "application";
  if (purpose === "OPERATING-SYSTEM" || purpose === "DEVICE") return "host";
  return undefined;
}

const NO_ASSERTION = new Set(["NOASSERTION", "NONE"]);

export const spdxImporter: Importer = {
  id: "spdx",

  detect(file, json) {
    if (json === undefined) return /"spdxVersion"\s*:\s*"SPDX-/.test(headOf(file.text, 4096));
    return isRecord(json) && typeof json.spdxVersion === "string" && json.spdxVersion.startsWith("SPDX-");
  },

  parse(file, options, json) {
    const ctx: ParseContext = { tool: "spdx", file };
    const document = validate(documentSchema, requireJson(ctx, json), ctx);
    const packages = (document.packages ?? []).map((raw, index) => validate(packageSchema, raw, ctx, ["packages", index]));
    const documentId = document.SPDXID ?? "SPDXRef-DOCUMENT";
    const describedIds = new Set(document.documentDescribes ?? []);
    for (const relation of document.relationships ?? []) {
      if (relation.relationshipType === "DESCRIBES" && relation.spdxElementId === documentId) describedIds.add(relation.relatedSpdxElement);
      if (relation.relationshipType === "DESCRIBED_BY" && relation.relatedSpdxElement === documentId) describedIds.add(relation.spdxElementId);
    }
    const subjectPackage = packages.find((pkg) => pkg.SPDXID && describedIds.has(pkg.SPDXID));
    const content: SbomContent = {
      subject: subjectPackage
        ? { name: subjectPackage.name, version: cleanVersion(subjectPackage.versionInfo), kind: subjectKind(subjectPackage.primaryPackagePurpose) }
        : { name: document.name },
      takenAt: toIsoTime(document.creationInfo?.created),
      packages: [],
      files: [],
    };
    for (const pkg of packages) {
      if (pkg === subjectPackage) continue;
      const version = cleanVersion(pkg.versionInfo);
      if (pkg.primaryPackagePurpose === "OPERATING-SYSTEM") {
        content.os ??= [pkg.name, version].filter(Boolean).join(" ");
        continue;
      }
      const name = cleanName(pkg.name);
      if (name) content.packages.push({ name, version: version && !NO_ASSERTION.has(version) ? version : undefined });
    }
    return buildSbomResult(ctx, options, content);
  },
};
