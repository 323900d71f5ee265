import type { CanonicalSnapshot } from "@/lib/snapshots/schemas";

/** Every tool whose output Driftboard imports, in the order detection tries them. */
export const FORMAT_IDS = [
  "ansible",
  "chef",
  "puppet",
  "kubernetes",
  "docker",
  "terraform",
  "packer",
  "aws-ec2",
  "osquery",
  "cyclonedx",
  "spdx",
] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

/** One uploaded file. `name` is the name as uploaded (may have no extension, may be a path inside an archive). */
export interface ImportFile {
  name: string;
  text: string;
}

/** What the uploader told us; each applies only where the data itself says nothing. */
export interface ImportOptions {
  service?: string;
  environment?: string;
  /** Names the machine for outputs that name none (osqueryi rows, SBOMs). */
  host?: string;
  /** ISO 8601; used when the data does not record when it was taken. */
  takenAt?: string;
}

/** One image of an image catalogue (Packer manifest): enriches hosts running that image. */
export interface ImageCatalogueEntry {
  /** AMI id, image name or image digest, as hosts report it in `image`. */
  imageId: string;
  /** The build that produced it (Packer build name). */
  name: string;
  /** ISO 8601 */
  builtAt?: string;
  version?: string;
}

/**
 * How a host can be recognised in other tools' output, so that files of different tools
 * describing the same machine merge onto one host. Not part of the canonical host.
 */
export interface HostIdentity {
  /** Other names of the machine: instance id, host names, private DNS name, IP, `Name` tag. */
  aliases: string[];
  /** True when the service was guessed (from the host name) rather than named by the data or the uploader. */
  isServiceGuessed?: boolean;
}

export interface SkippedHost {
  hostKey: string;
  reason: string;
}

export interface ImportResult {
  snapshot: CanonicalSnapshot;
  /** Hosts present in the data but not part of the running fleet (terminated, completed, exited, unreachable). */
  skipped: SkippedHost[];
  /** Image catalogue (Packer): no hosts of its own, enriches hosts whose image matches. */
  images?: ImageCatalogueEntry[];
  /** hostKey → identity hints used to merge files of different tools. */
  identities?: Map<string, HostIdentity>;
}

export interface Importer {
  id: FormatId;
  /** `json` is `JSON.parse(file.text)` when that succeeded, else undefined. Must be cheap. */
  detect(file: ImportFile, json: unknown | undefined): boolean;
  /** Throws AppError("invalid_input") naming the tool and the path when the file is broken. */
  parse(file: ImportFile, options: ImportOptions, json: unknown | undefined): ImportResult;
}
