import { createHash } from "node:crypto";
import { CONFIG_PREFIX } from "@/lib/analysis/types";
import { type ManifestText, ManifestTextIndex } from "./host-text";
import type { CanonicalHost, CanonicalSnapshot } from "./schemas";

/**
 * Manifests by the text they were read from, across uploads: the next snapshot of a fleet
 * repeats nearly all of the last one's, which are then neither parsed nor sorted and hashed
 * again. A pure cache (another replica reads them anew), started over when its 32 MB of text
 * are used up; the parsed manifests it holds come on top of that (the bench's 10,000-host
 * fleet: 460 manifests, 3 MB of text). The manifests in it are shared, and only ever read.
 */
const keptManifests = new ManifestTextIndex<NormalisedManifest>(32 * 1024 * 1024);

/** Environment of hosts whose data names none. */
export const DEFAULT_ENVIRONMENT = "default";

export interface NormalisedHost {
  hostKey: string;
  service: string;
  environment: string;
  role: string | null;
  image: string | null;
  launchedAt: string | null;
  manifestHash: string;
}

export interface NormalisedManifest {
  hash: string;
  /** Sorted by name; config fingerprints are named `config:<name>`. */
  components: Array<[name: string, version: string]>;
}

/** A snapshot reduced to what is stored: hosts pointing to content-addressed manifests. */
export interface NormalisedSnapshot {
  id: string;
  contentHash: string;
  takenAt: Date;
  source: string | null;
  environment: string | null;
  hosts: NormalisedHost[];
  /** Distinct manifests only: a fleet of 1,000 identical pods has one. */
  manifests: NormalisedManifest[];
  services: Array<{ service: string; environment: string; hostCount: number }>;
}

/**
 * Sorts, deduplicates and hashes a parsed snapshot. The snapshot's identity is the hash of
 * this canonical content, so key order, host order or whitespace in the upload do not matter.
 * When the data did not say when it was taken, the time is left out of the identity (and
 * `uploadedAt` is used) so uploading the same file twice stays one snapshot.
 */
export function normaliseSnapshot(snapshot: CanonicalSnapshot, uploadedAt: Date = new Date()): NormalisedSnapshot {
  const builder = new SnapshotBuilder();
  for (const host of snapshot.hosts) builder.add(host);
  return builder.finish(snapshot, uploadedAt);
}

/**
 * Builds a NormalisedSnapshot one host at a time, so a streamed upload keeps only each
 * host's small row and each distinct manifest, never the whole parsed document.
 */
export class SnapshotBuilder {
  private readonly hosts: Array<Omit<NormalisedHost, "environment"> & { environment: string | null }> = [];
  private readonly manifests = new Map<string, NormalisedManifest>();
  // Identical hosts usually list components in the same order, so their serialised maps are
  // equal: hash each distinct serialisation once instead of sorting every host's components.
  private readonly hashBySerialisation = new Map<string, string>();

  get hostCount(): number {
    return this.hosts.length;
  }

  /**
   * Adds a host. `manifestText` (see splitHostText) is the text its manifest was read from,
   * complete: later hosts with the same text can then be added by addWithManifestText.
   */
  add(host: CanonicalHost, manifestText?: ManifestText): void {
    if (manifestText === undefined) {
      const serialised = JSON.stringify(host.components ?? {}) + "\u0000" + JSON.stringify(host.config ?? {});
      const hash = this.hashBySerialisation.get(serialised) ?? this.addManifest(manifestOf(host));
      this.hashBySerialisation.set(serialised, hash);
      this.addWithManifest(host, hash);
    } else {
      const manifest = manifestOf(host);
      keptManifests.add(manifestText, manifest);
      this.addWithManifest(host, this.addManifest(manifest));
    }
  }

  /**
   * Adds a host whose manifest was read before from the very same text (in this upload or an
   * earlier one), without its components (they are not read again); false when that text is
   * not known.
   */
  addWithManifestText(host: CanonicalHost, manifestText: ManifestText): boolean {
    const manifest = keptManifests.get(manifestText);
    if (manifest === undefined) return false;
    this.addWithManifest(host, this.addManifest(manifest));
    return true;
  }

  private addManifest(manifest: NormalisedManifest): string {
    if (!this.manifests.has(manifest.hash)) this.manifests.set(manifest.hash, manifest);
    return manifest.hash;
  }

  private addWithManifest(host: CanonicalHost, manifestHash: string): void {
    this.hosts.push({
      hostKey: host.hostKey,
      service: host.service,
      environment: host.environment ?? null,
      role: host.role ?? null,
      image: host.image ?? null,
      launchedAt: host.launchedAt ? canonicalTime(host.launchedAt) : null,
      manifestHash,
    });
  }

  /** `header` may only be known at the end (a JSON document's members can follow its hosts). */
  finish(header: Omit<CanonicalSnapshot, "hosts">, uploadedAt: Date = new Date()): NormalisedSnapshot {
    const hosts: NormalisedHost[] = this.hosts
      .map((host) => ({ ...host, environment: host.environment ?? header.environment ?? DEFAULT_ENVIRONMENT }))
      .sort((a, b) => (a.hostKey < b.hostKey ? -1 : a.hostKey > b.hostKey ? 1 : 0));

    const takenAt = header.takenAt ? new Date(header.takenAt) : uploadedAt;
    const contentHash = sha256(
      JSON.stringify({
        takenAt: header.takenAt ? takenAt.toISOString() : null,
        source: header.source ?? null,
        environment: header.environment ?? null,
        hosts: hosts.map((h) => [h.hostKey, h.service, h.environment, h.role, h.image, h.launchedAt, h.manifestHash]),
      }),
    );

    const services = new Map<string, { service: string; environment: string; hostCount: number }>();
    for (const host of hosts) {
      const key = JSON.stringify([host.service, host.environment]);
      const entry = services.get(key) ?? { service: host.service, environment: host.environment, hostCount: 0 };
      entry.hostCount += 1;
      services.set(key, entry);
    }

    return {
      // 64 bits of the content hash: short enough for URLs, and the full hash stays unique in the table.
      id: contentHash.slice(0, 16),
      contentHash,
      takenAt,
      source: header.source ?? null,
      environment: header.environment ?? null,
      hosts,
      manifests: [...this.manifests.values()],
      services: [...services.values()].sort((a, b) => a.service.localeCompare(b.service) || a.environment.localeCompare(b.environment)),
    };
  }
}

/**
 * A valid ISO 8601 time as UTC with milliseconds. Most already are (every exporter writes
 * them so): those are kept as they are, sparing 10,000 Dates made and printed per upload.
 */
function canonicalTime(time: string): string {
  const isCanonical = time.length === 24 && time.charCodeAt(23) === 90 /* Z */ && time.charCodeAt(19) === 46; /* . */
  return isCanonical ? time : new Date(time).toISOString();
}

/** A host's components and config, sorted by name and hashed. */
function manifestOf(host: CanonicalHost): NormalisedManifest {
  const components: Array<[string, string]> = [
    ...Object.entries(host.components ?? {}),
    ...Object.entries(host.config ?? {}).map(([name, fingerprint]): [string, string] => [CONFIG_PREFIX + name, fingerprint]),
  ].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { hash: sha256(JSON.stringify(components)), components };
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
