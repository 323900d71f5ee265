/** What CycloneDX and SPDX importers share: turning an SBOM's subject and packages into one host. */
import {
  cleanName,
  cleanVersion,
  hostNameFromFile,
  joinVersions,
  parseImageReference,
  resolveService,
  ResultCollector,
  SYSTEM_FACT_NAMES,
  VersionMap,
  type ParseContext,
} from "./common";
import type { ImportOptions, ImportResult } from "./types";

export interface SbomSubject {
  name?: string | null;
  version?: string | null;
  /** What the SBOM describes: a container image, an application, or a machine (or unknown). */
  kind?: "image" | "application" | "host";
}

export interface SbomContent {
  subject: SbomSubject;
  takenAt?: string;
  /** Packages in document order; a name seen with several versions keeps them all. */
  packages: { name: string; version: string | undefined }[];
  os?: string;
  /** File name → checksum, from file components: config fingerprints. */
  files: { name: string; checksum: string }[];
}

/** Names scanners give a directory scan (`.`, `/`, `dir:/srv`): no host or service name in them. */
function isPathLike(name: string): boolean {
  return /^(\.{1,2}|\.?\/.*|(dir|file):.*)$/i.test(name);
}

export function buildSbomResult(ctx: ParseContext, options: ImportOptions, content: SbomContent): ImportResult {
  const collector = new ResultCollector(ctx);
  const { subject } = content;
  // Syft and Trivy name the image source `docker:nginx:1.25`, `registry:…`: keep the reference.
  const rawName = cleanName(subject.name)?.replace(/^(docker|podman|registry|oci-archive|docker-archive|containerd):(?!\d)/i, "");
  const subjectName = rawName && !isPathLike(rawName) ? rawName : undefined;
  const version = cleanVersion(subject.version) || undefined;

  let image: string | undefined;
  let declared: string | undefined;
  if (subjectName && subject.kind === "image") {
    const reference = parseImageReference(subjectName);
    declared = reference.repository;
    image =
      reference.tag || reference.digest || !version
        ? subjectName
        : version.startsWith("sha256:")
          ? `${subjectName}@${version}`
          : `${subjectName}:${version}`;
  } else if (subjectName && subject.kind === "application") {
    declared = subjectName;
  }
  const hostKey = cleanName(options.host) ?? image ?? subjectName ?? hostNameFromFile(ctx.file.name);
  const { service, isServiceGuessed } = resolveService(declared, options, subjectName ?? hostKey);

  const grouped = new Map<string, (string | undefined)[]>();
  for (const pkg of content.packages) {
    const list = grouped.get(pkg.name);
    if (list) list.push(pkg.version);
    else grouped.set(pkg.name, [pkg.version]);
  }
  const components = new VersionMap();
  components.set("os", content.os);
  for (const [name, versions] of grouped) {
    const key = SYSTEM_FACT_NAMES.has(name) ? `package:${name}` : name;
    components.set(key, joinVersions(versions) ?? "");
  }
  if (subject.kind === "application" && version) components.setDefault(subjectName ?? service, version);
  const config = new VersionMap();
  for (const file of content.files) config.set(file.name, file.checksum);

  collector.noteTakenAt(content.takenAt);
  collector.addHost(
    { hostKey, service, environment: options.environment, image, components, config },
    { aliases: [subjectName], isServiceGuessed },
  );
  return collector.result(options);
}
