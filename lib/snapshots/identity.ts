import { createHash } from "node:crypto";
import { CONFIG_PREFIX } from "@/lib/analysis/types";
import type { CanonicalSnapshot } from "./schemas";

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
  const manifests = new Map<string, NormalisedManifest>();
  // Identical hosts usually list components in the same order, so their serialised maps are
  // equal: hash each distinct serialisation once instead of sorting every host's components.
  const hashBySerialisation = new Map<string, string>();
  const hosts: NormalisedHost[] = snapshot.hosts
    .map((host) => {
      const serialised = JSON.stringify(host.components ?? {}) + "\u0000" + JSON.stringify(host.config ?? {});
      let hash = hashBySerialisation.get(serialised);
      if (hash === undefined) {
        const components: Array<[string, string]> = [
          ...Object.entries(host.components ?? {}),
          ...Object.entries(host.config ?? {}).map(([name, fingerprint]): [string, string] => [CONFIG_PREFIX + name, fingerprint]),
        ].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        hash = sha256(JSON.stringify(components));
        hashBySerialisation.set(serialised, hash);
        if (!manifests.has(hash)) manifests.set(hash, { hash, components });
      }
      return {
        hostKey: host.hostKey,
        service: host.service,
        environment: host.environment ?? snapshot.environment ?? DEFAULT_ENVIRONMENT,
        role: host.role ?? null,
        image: host.image ?? null,
        launchedAt: host.launchedAt ? new Date(host.launchedAt).toISOString() : null,
        manifestHash: hash!,
      };
    })
    .sort((a, b) => (a.hostKey < b.hostKey ? -1 : a.hostKey > b.hostKey ? 1 : 0));

  const takenAt = snapshot.takenAt ? new Date(snapshot.takenAt) : uploadedAt;
  const contentHash = sha256(
    JSON.stringify({
      takenAt: snapshot.takenAt ? takenAt.toISOString() : null,
      source: snapshot.source ?? null,
      environment: snapshot.environment ?? null,
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
    source: snapshot.source ?? null,
    environment: snapshot.environment ?? null,
    hosts,
    manifests: [...manifests.values()],
    services: [...services.values()].sort((a, b) => a.service.localeCompare(b.service) || a.environment.localeCompare(b.environment)),
  };
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
