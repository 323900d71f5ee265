import type { AnalysisHost, ServiceSnapshot } from "../types";
import { compareVersionText } from "./format-changes";

/**
 * Matches a service's hosts across consecutive snapshots by `hostKey` and names what
 * happened between each pair: mutations (in-place changes), replacements (new hosts
 * bringing new versions) and scale events (hosts coming and going without new versions).
 *
 * Sized for 30 snapshots × 5,000 hosts × 300 components: hosts are matched through a Map
 * (never host × host), manifests are compared by hash first, and component diffs are only
 * computed — and cached per pair of hashes — when the hashes differ. "Did the service run
 * this version before?" is answered from per-version host counts that are built once and
 * then updated only for the hosts that changed, came or went.
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
  const counts: CountsHolder = { current: null };
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
  return compareSnapshots(previous, next, { current: null }, cache);
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

  // for…in rather than Object.entries: no array per component on the hot path.
  const changes: ComponentChange[] = [];
  for (const name in before.components) {
    const from = before.components[name] ?? null;
    const to = after.components[name] ?? null;
    if (to !== from) changes.push({ name, from, to });
  }
  for (const name in after.components) {
    if (!(name in before.components)) changes.push({ name, from: null, to: after.components[name] ?? null });
  }
  changes.sort(compareByName);
  cache.set(key, changes);
  return changes;
}

/**
 * Version counts of the snapshot last compared, or null until some host arrives: a fleet
 * without churn never needs them, so it never pays for counting every manifest.
 */
interface CountsHolder {
  current: VersionCounts | null;
}

/**
 * The events between `previous` and `next`, given the counts for `previous` (if already
 * built); on return the counts describe `next`, ready for the following transition.
 */
function compareSnapshots(previous: ServiceSnapshot, next: ServiceSnapshot, holder: CountsHolder, cache: DiffCache): ChangeEvent[] {
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

  if (arrivals.length > 0) holder.current ??= countVersions(previous.hosts);
  const counts = holder.current;
  const { replacing, joining } = counts
    ? splitArrivals(arrivals, counts, mutatedPairs, replacedMachine, cache)
    : { replacing: [], joining: [] };

  if (counts) {
    // Carry the counts over to `next`.
    addHostsToCounts(counts, departures, -1);
    addHostsToCounts(counts, arrivals, 1);
    for (const { before, after, diff } of mutatedPairs) applyDiffToCounts(counts, before, after, diff);
  }

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

  // What persisting hosts were just changed to, alongside what the previous snapshot ran.
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

  const usual = rememberUsualVersions(previousCounts);
  const broughtByManifest = new Map<string, ComponentChange[]>();
  for (const host of arrivals) {
    const cacheKey = `${host.manifestHash}\n${host.image ?? ""}`;
    let brought = broughtByManifest.get(cacheKey);
    if (!brought) {
      brought = findNewVersions(host, known, usual);
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
function findNewVersions(host: AnalysisHost, known: KnownVersions, usual: UsualVersions): ComponentChange[] {
  const changes: ComponentChange[] = [];
  if (host.image && !known.hasImage(host.image)) {
    changes.push({ name: IMAGE_COMPONENT, from: usual.image(), to: host.image });
  }
  // A manifest some known host runs holds no new version: skip its components.
  if (known.hasManifest(host.manifestHash)) return changes;
  for (const name in host.components) {
    const version = host.components[name];
    if (version !== undefined && !known.hasVersion(name, version)) {
      changes.push({ name, from: usual.version(name), to: version });
    }
  }
  return changes.sort(compareByName);
}

/** The version most hosts of the previous snapshot ran, as `from` for what arrivals bring. */
interface UsualVersions {
  image(): string | null;
  version(name: string): string | null;
}

/** Memoised per name: a thousand arrivals bringing the same upgrade ask for the same component. */
function rememberUsualVersions(counts: VersionCounts): UsualVersions {
  const byName = new Map<string, string | null>();
  let image: string | null | undefined;
  return {
    image: () => (image === undefined ? (image = pickMostCommon(counts.images)) : image),
    version: (name) => {
      if (!byName.has(name)) byName.set(name, pickMostCommon(counts.components.get(name)));
      return byName.get(name) ?? null;
    },
  };
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

function countVersions(hosts: readonly AnalysisHost[]): VersionCounts {
  const counts: VersionCounts = { manifests: new Map(), components: new Map(), images: new Map() };
  addHostsToCounts(counts, hosts, 1);
  return counts;
}

/** Adds (delta 1) or removes (delta -1) hosts; hosts sharing a manifest are counted in one pass over it. */
function addHostsToCounts(counts: VersionCounts, hosts: readonly AnalysisHost[], delta: 1 | -1): void {
  const byManifest = new Map<string, { host: AnalysisHost; hostCount: number }>();
  for (const host of hosts) {
    if (host.image) bump(counts.images, host.image, delta);
    const group = byManifest.get(host.manifestHash);
    if (group) group.hostCount++;
    else byManifest.set(host.manifestHash, { host, hostCount: 1 });
  }
  for (const [hash, { host, hostCount }] of byManifest) {
    bump(counts.manifests, hash, delta * hostCount);
    for (const name in host.components) {
      const version = host.components[name];
      if (version !== undefined) addCount(counts.components, name, version, delta * hostCount);
    }
  }
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
    if (count > bestCount || (count === bestCount && best !== null && compareVersionText(value, best) > 0)) {
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
