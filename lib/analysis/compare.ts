import { type ComponentChange, diffHosts } from "./classification";
import type { AnalysisHost } from "./types";

export type SnapshotChangeKind = "mutated" | "launched" | "retired";

/** One host's change between two snapshots (public API: keep these names). */
export interface SnapshotChange {
  service: string;
  environment: string;
  hostKey: string;
  kind: SnapshotChangeKind;
  components: ComponentChange[];
}

/**
 * What changed from `before` to `after`, matching hosts by hostKey: hosts in both whose
 * manifest or image differ were mutated in place; hosts only in `after` were launched (with
 * their components as `to`); hosts only in `before` were retired. Sorted by service, then host.
 */
export function compareHosts(before: readonly AnalysisHost[], after: readonly AnalysisHost[]): SnapshotChange[] {
  const previous = new Map(before.map((h) => [h.hostKey, h]));
  const cache = new Map<string, ComponentChange[]>();
  const changes: SnapshotChange[] = [];
  for (const host of after) {
    const old = previous.get(host.hostKey);
    previous.delete(host.hostKey);
    if (!old) {
      changes.push({ ...identify(host), kind: "launched", components: listComponents(host, "to") });
      continue;
    }
    const components = diffHosts(old, host, cache);
    if (components.length > 0) changes.push({ ...identify(host), kind: "mutated", components });
  }
  for (const host of previous.values()) {
    changes.push({ ...identify(host), kind: "retired", components: listComponents(host, "from") });
  }
  return changes.sort((a, b) => a.service.localeCompare(b.service) || a.hostKey.localeCompare(b.hostKey));
}

function identify(host: AnalysisHost) {
  return { service: host.service, environment: host.environment, hostKey: host.hostKey };
}

function listComponents(host: AnalysisHost, side: "from" | "to"): ComponentChange[] {
  return Object.entries(host.components)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, version]) => ({ name, from: side === "from" ? version : null, to: side === "to" ? version : null }));
}
