import type { AnalysisHost } from "./types";
import { compareParsedVersions, type ParsedVersion, parseVersion, parseVersionGroups } from "./version-order";

export interface VersionCount {
  version: string;
  hostCount: number;
}

export interface VersionGroup {
  /** "1" or "1.22"; null collects versions that are not semver-like (digests, words). */
  group: string | null;
  hostCount: number;
}

export interface VersionSpread {
  versions: VersionCount[];
  byMajor: VersionGroup[];
  byMinor: VersionGroup[];
}

/**
 * Component → version → number of hosts running it. Hosts loaded from Postgres share one
 * components object per manifest, so each distinct object is walked once and weighted by
 * its number of hosts: 10,000 hosts on 400 manifests cost 400 walks, not 10,000.
 */
export function countVersions(hosts: readonly Pick<AnalysisHost, "components">[]): Map<string, Map<string, number>> {
  const weights = new Map<Record<string, string>, number>();
  for (const host of hosts) weights.set(host.components, (weights.get(host.components) ?? 0) + 1);
  const counts = new Map<string, Map<string, number>>();
  for (const [components, weight] of weights) {
    for (const component in components) {
      const version = components[component]!;
      let versions = counts.get(component);
      if (!versions) counts.set(component, (versions = new Map()));
      versions.set(version, (versions.get(version) ?? 0) + weight);
    }
  }
  return counts;
}

type ParsedGroup = VersionGroup & { parsed: ParsedVersion | null };

function compareGroups(a: ParsedGroup, b: ParsedGroup): number {
  if (a.hostCount !== b.hostCount) return b.hostCount - a.hostCount;
  if (a.parsed === null || b.parsed === null) return a.parsed === b.parsed ? 0 : a.parsed === null ? 1 : -1;
  return compareParsedVersions(b.parsed, a.parsed);
}

function groupVersions(versions: readonly VersionCount[], level: "major" | "minor"): VersionGroup[] {
  // Most components run one version: nothing to total or sort.
  if (versions.length === 1) return [{ group: parseVersionGroups(versions[0]!.version)[level], hostCount: versions[0]!.hostCount }];
  const totals = new Map<string | null, number>();
  for (const { version, hostCount } of versions) {
    const group = parseVersionGroups(version)[level];
    totals.set(group, (totals.get(group) ?? 0) + hostCount);
  }
  return [...totals]
    .map(([group, hostCount]) => ({ group, hostCount, parsed: group === null ? null : parseVersion(group) }))
    .sort(compareGroups)
    .map(({ group, hostCount }) => ({ group, hostCount }));
}

/** Most-run version first; equal counts put the newest first. */
export function summariseSpread(versionCounts: ReadonlyMap<string, number>): VersionSpread {
  // Most components run one version: nothing to tokenise or sort.
  if (versionCounts.size === 1) {
    const [version, hostCount] = versionCounts.entries().next().value!;
    const { major, minor } = parseVersionGroups(version);
    return { versions: [{ version, hostCount }], byMajor: [{ group: major, hostCount }], byMinor: [{ group: minor, hostCount }] };
  }
  // Each version is tokenised once: a component with 1,000 builds is compared ~10,000 times.
  const versions = [...versionCounts]
    .map(([version, hostCount]) => ({ version, hostCount, parsed: parseVersion(version) }))
    .sort((a, b) => b.hostCount - a.hostCount || compareParsedVersions(b.parsed, a.parsed))
    .map(({ version, hostCount }) => ({ version, hostCount }));
  return { versions, byMajor: groupVersions(versions, "major"), byMinor: groupVersions(versions, "minor") };
}

export function computeVersionSpread(hosts: readonly Pick<AnalysisHost, "components">[]): Map<string, VersionSpread> {
  const spread = new Map<string, VersionSpread>();
  for (const [component, versionCounts] of countVersions(hosts)) spread.set(component, summariseSpread(versionCounts));
  return spread;
}

/**
 * From countVersions: the components running more than one distinct version, and the versions
 * run summed over the components; ignored components count for neither. Hosts lacking a
 * component do not add a version, so a component that is merely missing somewhere is drift,
 * not spread.
 */
export function countSpread(
  versionCounts: ReadonlyMap<string, ReadonlyMap<string, number>>,
  isIgnored: (component: string) => boolean = () => false,
): { spreadComponentCount: number; distinctVersions: number } {
  let spreadComponentCount = 0;
  let distinctVersions = 0;
  for (const [component, versions] of versionCounts) {
    if (isIgnored(component)) continue;
    distinctVersions += versions.size;
    if (versions.size > 1) spreadComponentCount++;
  }
  return { spreadComponentCount, distinctVersions };
}
