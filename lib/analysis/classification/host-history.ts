import { type AnalysisHost, CONFIG_PREFIX, isConfigComponent, type ServiceSnapshot } from "../types";
import { type ComponentChange, type DiffCache, diffHosts, IMAGE_COMPONENT, isRelaunched } from "./change-events";
import { DAY_MS, formatComponentChanges, formatDay, isUpgrade, MAX_COMPONENTS_IN_TEXT } from "./format-changes";

/** One host's story, snapshot by snapshot: "Day 1 deployed", "Day 30 packages upgraded (…)", "Day 45 replaced". */

export type HostHistoryKind = "deployed" | "first-seen" | "mutated" | "replaced" | "removed" | "returned";

export interface HostHistoryEntry {
  snapshotId: string;
  takenAt: string;
  /** 1-based day counted from the host's launch (or first sighting when its launch is unknown). */
  day: number;
  kind: HostHistoryKind;
  text: string;
  /** What changed compared with the host's previous state; [] for deployed/first-seen/removed. */
  components: ComponentChange[];
}

/**
 * The entries for `hostKey` across `history` (ascending by takenAt). Snapshots in which
 * the host did not change add no entry.
 */
export function describeHostHistory(hostKey: string, history: readonly ServiceSnapshot[]): HostHistoryEntry[] {
  const entries: HostHistoryEntry[] = [];
  const cache: DiffCache = new Map();
  let dayOne: number | undefined;
  /** The host as last seen, and whether it was in the snapshot just before this one. */
  let lastSeen: { host: AnalysisHost; takenAt: string } | undefined;
  let wasPresent = false;

  for (const snapshot of history) {
    const host = snapshot.hosts.find((candidate) => candidate.hostKey === hostKey);
    const entry = (kind: HostHistoryKind, text: string, components: ComponentChange[] = []) => {
      // The first entry is the launch itself, even when the snapshot came days later.
      const day = dayOne === undefined || entries.length === 0 ? 1 : countDay(dayOne, snapshot.takenAt);
      entries.push({ snapshotId: snapshot.snapshotId, takenAt: snapshot.takenAt, day, kind, text: `Day ${day} ${text}`, components });
    };

    if (!host) {
      if (wasPresent) entry("removed", "removed");
      wasPresent = false;
      continue;
    }

    if (!lastSeen) {
      dayOne = findDayOne(host, snapshot);
      // Present in the very first snapshot with no launch time: we only know it existed by then.
      if (history[0] === snapshot && !host.launchedAt) entry("first-seen", "first seen");
      else entry("deployed", host.launchedAt ? `deployed (launched ${formatDay(host.launchedAt)})` : "deployed");
    } else if (isRelaunched(lastSeen.host, host, lastSeen.takenAt)) {
      const changes = diffHosts(lastSeen.host, host, cache);
      entry("replaced", changes.length > 0 ? `replaced (${formatComponentChanges(changes)})` : "replaced", changes);
    } else {
      const changes = diffHosts(lastSeen.host, host, cache);
      if (!wasPresent) entry("returned", changes.length > 0 ? `seen again, ${describeInPlaceChanges(changes)}` : "seen again", changes);
      else if (changes.length > 0) entry("mutated", describeInPlaceChanges(changes), changes);
    }
    lastSeen = { host, takenAt: snapshot.takenAt };
    wasPresent = true;
  }
  return entries;
}

/** Day 1 is the host's launch when known and plausible, else the snapshot it was first seen in. */
function findDayOne(host: AnalysisHost, snapshot: ServiceSnapshot): number {
  const seen = Date.parse(snapshot.takenAt);
  const launched = host.launchedAt ? Date.parse(host.launchedAt) : Number.NaN;
  return Number.isFinite(launched) && launched <= seen ? launched : seen;
}

function countDay(dayOne: number, takenAt: string): number {
  const time = Date.parse(takenAt);
  return Number.isFinite(time) && Number.isFinite(dayOne) ? Math.floor((time - dayOne) / DAY_MS) + 1 : 1;
}

/**
 * "packages upgraded (nginx 1.22→1.24, openssl 3.0.2→3.0.13)", "configuration changed
 * (nginx.conf)", "image changed (web:1→web:2)" — joined with "; " when several apply.
 */
export function describeInPlaceChanges(changes: readonly ComponentChange[]): string {
  const image = changes.filter((change) => change.name === IMAGE_COMPONENT);
  const config = changes.filter((change) => isConfigComponent(change.name));
  const packages = changes.filter((change) => change.name !== IMAGE_COMPONENT && !isConfigComponent(change.name));

  const parts: string[] = [];
  for (const change of image) parts.push(`image changed (${change.from ?? "none"}→${change.to ?? "none"})`);
  if (packages.length > 0) parts.push(`packages ${describePackageVerb(packages)} (${formatComponentChanges(packages)})`);
  if (config.length > 0) {
    const files = config.map((change) => change.name.slice(CONFIG_PREFIX.length));
    const hidden = files.length - MAX_COMPONENTS_IN_TEXT;
    parts.push(`configuration changed (${files.slice(0, MAX_COMPONENTS_IN_TEXT).join(", ")}${hidden > 0 ? `, +${hidden} more` : ""})`);
  }
  return parts.join("; ");
}

function describePackageVerb(packages: readonly ComponentChange[]): string {
  const verbs = new Set(
    packages.map((change) => {
      if (change.from === null) return "installed";
      if (change.to === null) return "removed";
      return isUpgrade(change.from, change.to) ? "upgraded" : "downgraded";
    }),
  );
  const [onlyVerb] = verbs;
  return verbs.size === 1 && onlyVerb ? onlyVerb : "changed";
}
