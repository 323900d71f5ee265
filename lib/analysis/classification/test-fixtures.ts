import type { AnalysisHost, ServiceSnapshot } from "../types";

/**
 * Builders for the classification tests. The manifest hash is derived from the components
 * the way the real one is (equal content, equal hash), so tests cannot make them disagree.
 */

export function hashManifest(components: Record<string, string>): string {
  return JSON.stringify(Object.entries(components).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function makeHost(
  hostKey: string,
  components: Record<string, string>,
  extra: Partial<Omit<AnalysisHost, "hostKey" | "components" | "manifestHash">> = {},
): AnalysisHost {
  return {
    hostKey,
    service: "web",
    environment: "prod",
    components,
    manifestHash: hashManifest(components),
    ...extra,
  };
}

export function makeSnapshot(
  snapshotId: string,
  takenAt: string,
  hosts: AnalysisHost[],
  source: string | null = null,
): ServiceSnapshot {
  return { snapshotId, takenAt, source, hosts };
}

/** An ISO time `days` days after `from` (default 2026-01-01), so tests read as "day N". */
export function isoDay(days: number, from = "2026-01-01T00:00:00Z"): string {
  return new Date(Date.parse(from) + days * 24 * 60 * 60 * 1000).toISOString();
}
