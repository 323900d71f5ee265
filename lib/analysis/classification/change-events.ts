import type { AnalysisHost, ServiceSnapshot } from "../types";

/**
 * Matches a service's hosts across consecutive snapshots by `hostKey` and names what
 * happened between each pair: mutations (in-place changes), replacements (new hosts
 * bringing new versions) and scale events (hosts coming and going without new versions).
 *
 * Sized for 30 snapshots × 5,000 hosts × 300 components: hosts are matched through a Map
 * (never host × host), manifests are compared by hash first, and component diffs are only
 * computed — and cached per pair of hashes — when the hashes differ.
 */

export type ChangeKind = "mutation" | "replacement" | "scale";

/** One component that differs; `from`/`to` are null when the component was added/removed. */
export interface ComponentChange {
  name: string;
  from: string | null;
  to: string | null;
}

/** What changed for one host. */
export interface HostChange {
  hostKey: string;
  components: ComponentChange[];
}

/** One kind of change in one snapshot transition (public API: keep the first five names). */
export interface ChangeEvent {
  takenAt: string;
  snapshotId: string;
  kind: ChangeKind;
  /** Every host involved: mutated hosts, or hosts that appeared and disappeared. */
  hostKeys: string[];
  /** Distinct changes across the hosts, sorted by name. Empty for scale events. */
  components: ComponentChange[];
  /** The snapshot this one was compared with. */
  previousSnapshotId: string;
  /**
   * mutation: each mutated host's changes. replacement: each new host and the new versions
   * it brought (a reused host key is compared with the machine it replaced). scale: empty.
   */
  perHost: HostChange[];
  /** Hosts that appeared (replacement, scale). A relaunched host key is in `added` and `removed`. */
  added: string[];
  /** Hosts that disappeared (replacement, scale). */
  removed: string[];
}

/**
 * Pseudo-component under which an image change is reported: the manifest hash covers
 * components and config only, so a new image on the same packages would otherwise go unseen.
 */
export const IMAGE_COMPONENT = "image";

/** Component diffs keyed by "previousHash\nnextHash": fleets tend to go through the same upgrade on many hosts. */
export type DiffCache = Map<string, ComponentChange[]>;

/** All change events of a history (ascending by takenAt), in order. */
export function detectChangeEvents(history: readonly ServiceSnapshot[]): ChangeEvent[] {
  const cache: DiffCache = new Map();
  const events: ChangeEvent[] = [];
  for (let index = 1; index < history.length; index++) {
    const previous = history[index - 1];
    const next = history[index];
    if (previous && next) events.push(...detectTransitionEvents(previous, next, cache));
  }
  return events;
}

/** The events between two snapshots of one service: at most one per kind, in the order mutation, replacement, scale. */
export function detectTransitionEvents(
  previous: ServiceSnapshot,
  next: ServiceSnapshot,
  cache: DiffCache = new Map(),
): ChangeEvent[] {
  const previousByKey = new Map<string, AnalysisHost>();
  for (const host of previous.hosts) previousByKey.set(host.hostKey, host);

  const nextKeys = new Set<string>();
  const mutated: HostChange[] = [];
  const persisting: AnalysisHost[] = [];
  const arrivals: AnalysisHost[] = [];
  /** A reused host key's previous machine, to diff the newcomer against it. */
  const replacedMachine = new Map<string, AnalysisHost>();

  for (const host of next.hosts) {
    nextKeys.add(host.hostKey);
    const before = previousByKey.get(host.hostKey);
    if (!before) {
      arrivals.push(host);
    } else if (isRelaunched(before, host, previous.takenAt)) {
      arrivals.push(host);
      replacedMachine.set(host.hostKey, before);
    } else {
      persisting.push(host);
      const components = diffHosts(before, host, cache);
      if (components.length > 0) mutated.push({ hostKey: host.hostKey, components });
    }
  }

  const departures = previous.hosts
    .filter((host) => !nextKeys.has(host.hostKey) || replacedMachine.has(host.hostKey))
    .map((host) => host.hostKey);

  const base = { takenAt: next.takenAt, snapshotId: next.snapshotId, previousSnapshotId: previous.snapshotId };
  const events: ChangeEvent[] = [];

  if (mutated.length > 0) {
    events.push({
      ...base,
      kind: "mutation",
      hostKeys: mutated.map((change) => change.hostKey),
      components: mergeComponentChanges(mutated),
      perHost: mutated,
      added: [],
      removed: [],
    });
  }

  const { replacing, joining } = splitArrivals(arrivals, previous.hosts, persisting, replacedMachine, cache);
  if (replacing.length > 0) {
    // Hosts that left while new versions arrived are the ones that were replaced.
    const added = replacing.map((change) => change.hostKey);
    events.push({
      ...base,
      kind: "replacement",
      hostKeys: unique([...added, ...departures]),
      components: mergeComponentChanges(replacing),
      perHost: replacing,
      added,
      removed: departures,
    });
  }
  const scaleRemoved = replacing.length > 0 ? [] : departures;
  if (joining.length > 0 || scaleRemoved.length > 0) {
    events.push({
      ...base,
      kind: "scale",
      hostKeys: unique([...joining, ...scaleRemoved]),
      components: [],
      perHost: [],
      added: joining,
      removed: scaleRemoved,
    });
  }
  return events;
}

/**
 * A host key now used by a different machine: its launch time moved past the previous
 * snapshot, so whatever ran under that key before was torn down and relaunched. Treating
 * this as a mutation would call an immutable fleet that reuses hostnames mutable.
 */
export function isRelaunched(before: AnalysisHost, after: AnalysisHost, previousTakenAt: string): boolean {
  if (!after.launchedAt) return false;
  const launched = Date.parse(after.launchedAt);
  const previouslyLaunched = before.launchedAt ? Date.parse(before.launchedAt) : Number.NaN;
  const previousTaken = Date.parse(previousTakenAt);
  return Number.isFinite(launched) && Number.isFinite(previousTaken) && launched > previousTaken && launched !== previouslyLaunched;
}

/** The components (and image) that differ between two states of a host; [] when identical. */
export function diffHosts(before: AnalysisHost, after: AnalysisHost, cache: DiffCache = new Map()): ComponentChange[] {
  const imageBefore = before.image ?? null;
  const imageAfter = after.image ?? null;
  const sameManifest = before.manifestHash === after.manifestHash;
  if (sameManifest && imageBefore === imageAfter) return [];

  const components = sameManifest ? [] : diffManifests(before, after, cache);
  if (imageBefore === imageAfter) return components;
  return [{ name: IMAGE_COMPONENT, from: imageBefore, to: imageAfter }, ...components];
}

function diffManifests(before: AnalysisHost, after: AnalysisHost, cache: DiffCache): ComponentChange[] {
  const key = `${before.manifestHash}\n${after.manifestHash}`;
  const cached = cache.get(key);
  if (cached) return cached;

  const changes: ComponentChange[] = [];
  for (const [name, from] of Object.entries(before.components)) {
    const to = after.components[name] ?? null;
    if (to !== from) changes.push({ name, from, to });
  }
  for (const [name, to] of Object.entries(after.components)) {
    if (!(name in before.components)) changes.push({ name, from: null, to });
  }
  changes.sort(compareByName);
  cache.set(key, changes);
  return changes;
}

/**
 * Splits arriving hosts into those that bring versions the service did not run before
 * (replacing) and those that only add capacity (joining). "Before" is the previous
 * snapshot plus what persisting hosts run now: a new server that joins with the version
 * its peers were just upgraded to in place did not bring that version.
 *
 * Arrivals with new versions count as a replacement even when nothing left in the same
 * transition: blue-green deploys add the new fleet in one snapshot and drop the old one
 * in the next.
 */
function splitArrivals(
  arrivals: readonly AnalysisHost[],
  previousHosts: readonly AnalysisHost[],
  persisting: readonly AnalysisHost[],
  replacedMachine: ReadonlyMap<string, AnalysisHost>,
  cache: DiffCache,
): { replacing: HostChange[]; joining: string[] } {
  const replacing: HostChange[] = [];
  const joining: string[] = [];
  if (arrivals.length === 0) return { replacing, joining };

  const known = indexVersions([...previousHosts, ...persisting]);
  const newVersionsByManifest = new Map<string, ComponentChange[]>();
  // Only needed to name `from` once some arrival does bring something new.
  let usualVersions: UsualVersions | undefined;
  const getUsualVersions = () => (usualVersions ??= findUsualVersions(previousHosts));

  for (const host of arrivals) {
    const cacheKey = `${host.manifestHash}\n${host.image ?? ""}`;
    let brought = newVersionsByManifest.get(cacheKey);
    if (!brought) {
      brought = findNewVersions(host, known, getUsualVersions);
      newVersionsByManifest.set(cacheKey, brought);
    }
    if (brought.length === 0) {
      joining.push(host.hostKey);
      continue;
    }
    // A reused key is best explained against the machine it replaced.
    const machine = replacedMachine.get(host.hostKey);
    replacing.push({ hostKey: host.hostKey, components: machine ? diffHosts(machine, host, cache) : brought });
  }
  return { replacing, joining };
}

interface VersionIndex {
  manifestHashes: Set<string>;
  images: Set<string>;
  /** component name → versions seen */
  versions: Map<string, Set<string>>;
}

/** Which versions a set of hosts runs; each distinct manifest is read once. */
function indexVersions(hosts: readonly AnalysisHost[]): VersionIndex {
  const index: VersionIndex = { manifestHashes: new Set(), images: new Set(), versions: new Map() };
  for (const host of hosts) {
    if (host.image) index.images.add(host.image);
    if (index.manifestHashes.has(host.manifestHash)) continue;
    index.manifestHashes.add(host.manifestHash);
    for (const [name, version] of Object.entries(host.components)) {
      let versions = index.versions.get(name);
      if (!versions) index.versions.set(name, (versions = new Set()));
      versions.add(version);
    }
  }
  return index;
}

/** The (component, version) pairs and image on `host` that no known host runs, with the usual version as `from`. */
function findNewVersions(
  host: AnalysisHost,
  known: VersionIndex,
  getUsualVersions: () => UsualVersions,
): ComponentChange[] {
  const changes: ComponentChange[] = [];
  if (host.image && !known.images.has(host.image)) {
    changes.push({ name: IMAGE_COMPONENT, from: getUsualVersions().image, to: host.image });
  }
  if (known.manifestHashes.has(host.manifestHash)) return changes;
  for (const [name, version] of Object.entries(host.components)) {
    if (!known.versions.get(name)?.has(version)) {
      changes.push({ name, from: getUsualVersions().components.get(name) ?? null, to: version });
    }
  }
  return changes.sort(compareByName);
}

interface UsualVersions {
  components: Map<string, string>;
  image: string | null;
}

/** Per component, and for the image, the version most hosts ran. */
function findUsualVersions(hosts: readonly AnalysisHost[]): UsualVersions {
  const hostsPerManifest = new Map<string, { host: AnalysisHost; count: number }>();
  const imageCounts = new Map<string, number>();
  for (const host of hosts) {
    if (host.image) imageCounts.set(host.image, (imageCounts.get(host.image) ?? 0) + 1);
    const entry = hostsPerManifest.get(host.manifestHash);
    if (entry) entry.count++;
    else hostsPerManifest.set(host.manifestHash, { host, count: 1 });
  }

  const counts = new Map<string, Map<string, number>>();
  for (const { host, count } of hostsPerManifest.values()) {
    for (const [name, version] of Object.entries(host.components)) {
      let versions = counts.get(name);
      if (!versions) counts.set(name, (versions = new Map()));
      versions.set(version, (versions.get(version) ?? 0) + count);
    }
  }

  const components = new Map<string, string>();
  for (const [name, versions] of counts) components.set(name, pickMostCommon(versions));
  return { components, image: imageCounts.size > 0 ? pickMostCommon(imageCounts) : null };
}

/** The value with the highest count; ties go to the later version in numeric order, so the result is stable. */
function pickMostCommon(counts: ReadonlyMap<string, number>): string {
  let best = "";
  let bestCount = -1;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && value.localeCompare(best, "en", { numeric: true }) > 0)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/** Distinct changes across hosts (same name, from and to counted once), sorted by name. */
function mergeComponentChanges(hosts: readonly HostChange[]): ComponentChange[] {
  const merged = new Map<string, ComponentChange>();
  for (const host of hosts) {
    for (const change of host.components) {
      merged.set(JSON.stringify([change.name, change.from, change.to]), change);
    }
  }
  return [...merged.values()].sort(compareByName);
}

function compareByName(a: ComponentChange, b: ComponentChange): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
