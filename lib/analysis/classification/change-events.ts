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
  const first = history[0];
  if (!first) return [];
  const cache: DiffCache = new Map();
  // Counted once, then carried from snapshot to snapshot: consecutive snapshots differ in few hosts.
  const counts = countVersions(first.hosts);
  const events: ChangeEvent[] = [];
  for (let index = 1; index < history.length; index++) {
    const previous = history[index - 1];
    const next = history[index];
    if (previous && next) events.push(...compareSnapshots(previous, next, counts, cache));
  }
  return events;
}

/** The events between two snapshots of one service: at most one per kind, in the order mutation, replacement, scale. */
export function detectTransitionEvents(
  previous: ServiceSnapshot,
  next: ServiceSnapshot,
  cache: DiffCache = new Map(),
): ChangeEvent[] {
  return compareSnapshots(previous, next, countVersions(previous.hosts), cache);
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

/** The components (and image, first) that differ between two states of a host; [] when identical. */
export function diffHosts(before: AnalysisHost, after: AnalysisHost, cache: DiffCache = new Map()): ComponentChange[] {
  const { components, image } = diffHostParts(before, after, cache);
  return image ? [image, ...components] : components;
}

interface HostDiff {
  components: ComponentChange[];
  image: ComponentChange | null;
}

const NO_CHANGES: ComponentChange[] = [];

function diffHostParts(before: AnalysisHost, after: AnalysisHost, cache: DiffCache): HostDiff {
  const imageBefore = before.image ?? null;
  const imageAfter = after.image ?? null;
  return {
    // Equal hashes mean equal content: skip the component-by-component comparison.
    components: before.manifestHash === after.manifestHash ? NO_CHANGES : diffManifests(before, after, cache),
    image: imageBefore === imageAfter ? null : { name: IMAGE_COMPONENT, from: imageBefore, to: imageAfter },
  };
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
 * The events between `previous` and `next`, given `counts` for `previous`; on return
 * `counts` describes `next`, ready for the following transition.
 */
function compareSnapshots(previous: ServiceSnapshot, next: ServiceSnapshot, counts: VersionCounts, cache: DiffCache): ChangeEvent[] {
  const previousByKey = new Map<string, AnalysisHost>();
  for (const host of previous.hosts) previousByKey.set(host.hostKey, host);

  const nextKeys = new Set<string>();
  const mutated: HostChange[] = [];
  const mutatedPairs: { before: AnalysisHost; after: AnalysisHost; diff: HostDiff }[] = [];
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
      if (before.manifestHash === host.manifestHash && (before.image ?? null) === (host.image ?? null)) continue;
      const diff = diffHostParts(before, host, cache);
      // Kept even when the diff is empty (a new hash for the same content) so the counts stay exact.
      mutatedPairs.push({ before, after: host, diff });
      if (diff.image || diff.components.length > 0) {
        mutated.push({ hostKey: host.hostKey, components: diff.image ? [diff.image, ...diff.components] : diff.components });
      }
    }
  }
  const departures = previous.hosts.filter((host) => !nextKeys.has(host.hostKey) || replacedMachine.has(host.hostKey));

  const { replacing, joining } = splitArrivals(arrivals, counts, mutatedPairs, replacedMachine, cache);

  // Carry the counts over to `next`.
  for (const host of departures) addToCounts(counts, host, -1);
  for (const host of arrivals) addToCounts(counts, host, 1);
  for (const { before, after, diff } of mutatedPairs) applyDiffToCounts(counts, before, after, diff);

  const base = { takenAt: next.takenAt, snapshotId: next.snapshotId, previousSnapshotId: previous.snapshotId };
  const departedKeys = departures.map((host) => host.hostKey);
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
  if (replacing.length > 0) {
    // Hosts that left while new versions arrived are the ones that were replaced.
    const added = replacing.map((change) => change.hostKey);
    events.push({
      ...base,
      kind: "replacement",
      hostKeys: unique([...added, ...departedKeys]),
      components: mergeComponentChanges(replacing),
      perHost: replacing,
      added,
      removed: departedKeys,
    });
  }
  const scaleRemoved = replacing.length > 0 ? [] : departedKeys;
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
 * Splits arriving hosts into those that bring versions the service did not run before
 * (replacing) and those that only add capacity (joining). "Before" is the previous
 * snapshot plus what persisting hosts were just changed to: a new server that joins with
 * the version its peers were upgraded to in place did not bring that version.
 *
 * Arrivals with new versions count as a replacement even when nothing left in the same
 * transition: blue-green deploys add the new fleet in one snapshot and drop the old one
 * in the next.
 */
function splitArrivals(
  arrivals: readonly AnalysisHost[],
  previousCounts: VersionCounts,
  mutatedPairs: readonly { after: AnalysisHost; diff: HostDiff }[],
  replacedMachine: ReadonlyMap<string, AnalysisHost>,
  cache: DiffCache,
): { replacing: HostChange[]; joining: string[] } {
  const replacing: HostChange[] = [];
  const joining: string[] = [];
  if (arrivals.length === 0) return { replacing, joining };

  const changedInPlace = countVersions([]);
  for (const { after, diff } of mutatedPairs) {
    changedInPlace.manifests.set(after.manifestHash, 1);
    if (diff.image?.to) changedInPlace.images.set(diff.image.to, 1);
    for (const change of diff.components) {
      if (change.to !== null) addCount(changedInPlace.components, change.name, change.to, 1);
    }
  }
  const sources = [previousCounts, changedInPlace];
  const known: KnownVersions = {
    hasImage: (image) => sources.some((counts) => counts.images.has(image)),
    hasManifest: (hash) => sources.some((counts) => counts.manifests.has(hash)),
    hasVersion: (name, version) => sources.some((counts) => counts.components.get(name)?.has(version) ?? false),
  };

  const broughtByManifest = new Map<string, ComponentChange[]>();
  for (const host of arrivals) {
    const cacheKey = `${host.manifestHash}\n${host.image ?? ""}`;
    let brought = broughtByManifest.get(cacheKey);
    if (!brought) {
      brought = findNewVersions(host, known, previousCounts);
      broughtByManifest.set(cacheKey, brought);
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

/** The (component, version) pairs and image on `host` that no known host runs, with the previous usual version as `from`. */
function findNewVersions(host: AnalysisHost, known: KnownVersions, previousCounts: VersionCounts): ComponentChange[] {
  const changes: ComponentChange[] = [];
  if (host.image && !known.hasImage(host.image)) {
    changes.push({ name: IMAGE_COMPONENT, from: pickMostCommon(previousCounts.images), to: host.image });
  }
  // A manifest some known host runs holds no new version: skip its components.
  if (known.hasManifest(host.manifestHash)) return changes;
  for (const [name, version] of Object.entries(host.components)) {
    if (!known.hasVersion(name, version)) {
      changes.push({ name, from: pickMostCommon(previousCounts.components.get(name)), to: version });
    }
  }
  return changes.sort(compareByName);
}

interface KnownVersions {
  hasImage(image: string): boolean;
  hasManifest(hash: string): boolean;
  hasVersion(name: string, version: string): boolean;
}

/** How many hosts of one snapshot run each manifest, component version and image. Zero counts are deleted. */
interface VersionCounts {
  manifests: Map<string, number>;
  /** component name → version → hosts */
  components: Map<string, Map<string, number>>;
  images: Map<string, number>;
}

/** Counts for a set of hosts; each distinct manifest's components are read once. */
function countVersions(hosts: readonly AnalysisHost[]): VersionCounts {
  const counts: VersionCounts = { manifests: new Map(), components: new Map(), images: new Map() };
  const firstHostOf = new Map<string, AnalysisHost>();
  for (const host of hosts) {
    bump(counts.manifests, host.manifestHash, 1);
    if (host.image) bump(counts.images, host.image, 1);
    if (!firstHostOf.has(host.manifestHash)) firstHostOf.set(host.manifestHash, host);
  }
  for (const [hash, host] of firstHostOf) {
    const hostCount = counts.manifests.get(hash) ?? 0;
    for (const [name, version] of Object.entries(host.components)) addCount(counts.components, name, version, hostCount);
  }
  return counts;
}

function addToCounts(counts: VersionCounts, host: AnalysisHost, delta: 1 | -1): void {
  bump(counts.manifests, host.manifestHash, delta);
  if (host.image) bump(counts.images, host.image, delta);
  for (const [name, version] of Object.entries(host.components)) addCount(counts.components, name, version, delta);
}

/** Moves a mutated host's counts from its old state to its new one, touching only what changed. */
function applyDiffToCounts(counts: VersionCounts, before: AnalysisHost, after: AnalysisHost, diff: HostDiff): void {
  bump(counts.manifests, before.manifestHash, -1);
  bump(counts.manifests, after.manifestHash, 1);
  if (diff.image?.from) bump(counts.images, diff.image.from, -1);
  if (diff.image?.to) bump(counts.images, diff.image.to, 1);
  for (const change of diff.components) {
    if (change.from !== null) addCount(counts.components, change.name, change.from, -1);
    if (change.to !== null) addCount(counts.components, change.name, change.to, 1);
  }
}

function addCount(components: Map<string, Map<string, number>>, name: string, version: string, delta: number): void {
  let versions = components.get(name);
  if (!versions) components.set(name, (versions = new Map()));
  bump(versions, version, delta);
  if (versions.size === 0) components.delete(name);
}

function bump(counts: Map<string, number>, key: string, delta: number): void {
  const count = (counts.get(key) ?? 0) + delta;
  if (count > 0) counts.set(key, count);
  else counts.delete(key);
}

/** The value with the highest count (null when there is none); ties go to the later version in numeric order, so the result is stable. */
function pickMostCommon(counts: ReadonlyMap<string, number> | undefined): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [value, count] of counts ?? []) {
    if (count > bestCount || (count === bestCount && best !== null && value.localeCompare(best, "en", { numeric: true }) > 0)) {
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
