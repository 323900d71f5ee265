import { countVersions } from "./spread";
import type { AnalysisHost } from "./types";
import { compareParsedVersions, type ParsedVersion, parseVersion } from "./version-order";

export type BaselineSource = "majority" | "declared" | "previous";

/** Component → expected version. A component not in the map is expected to be absent. */
export type Baseline = Map<string, string>;

/**
 * The majority baseline, decided per component in two steps:
 * 1. Does the component belong? Hosts lacking it vote "absent" together against all hosts
 *    that have it (in any version). A tie keeps it, so a component two of four hosts run is
 *    missing on the other two rather than extra on the two that have it.
 * 2. Which version? The one most hosts run; on a tie, the newest.
 * Presence is decided before version so that skew (three versions on three of five hosts)
 * does not push a component the majority runs out of the baseline.
 */
export function computeMajorityBaseline(
  hosts: readonly Pick<AnalysisHost, "components">[],
  counts: ReadonlyMap<string, ReadonlyMap<string, number>> = countVersions(hosts),
): Baseline {
  const baseline: Baseline = new Map();
  for (const [component, versionCounts] of counts) {
    let present = 0;
    let modal: { version: string; count: number; parsed: ParsedVersion | null } | null = null;
    for (const [version, count] of versionCounts) {
      present += count;
      if (!modal || count > modal.count) {
        modal = { version, count, parsed: null };
      } else if (count === modal.count) {
        // Ties are common where every host runs its own build: tokenise the leader once.
        modal.parsed ??= parseVersion(modal.version);
        const parsed = parseVersion(version);
        if (compareParsedVersions(parsed, modal.parsed) > 0) modal = { version, count, parsed };
      }
    }
    if (modal && present * 2 >= hosts.length) baseline.set(component, modal.version);
  }
  return baseline;
}

export interface ComputeBaselineOptions {
  hosts: readonly AnalysisHost[];
  source: BaselineSource;
  /** Golden versions pinned by the user; components not pinned fall back to the majority. */
  declared?: Readonly<Record<string, string>> | null;
  /** The service's hosts in the previous snapshot, for the `previous` source. */
  previousHosts?: readonly AnalysisHost[] | null;
  /** countVersions(hosts), when the caller has it already. */
  versionCounts?: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

export interface ComputedBaseline {
  baseline: Baseline;
  /** The source actually used: `previous` without a previous snapshot falls back to `majority`. */
  source: BaselineSource;
}

export function computeBaseline({ hosts, source, declared, previousHosts, versionCounts }: ComputeBaselineOptions): ComputedBaseline {
  if (source === "previous") {
    // A service seen for the first time has nothing to compare with; judging it against an
    // empty baseline would call every component extra, so it gets the majority instead.
    if (previousHosts && previousHosts.length > 0) return { baseline: computeMajorityBaseline(previousHosts), source };
    return { baseline: computeMajorityBaseline(hosts, versionCounts), source: "majority" };
  }
  const baseline = computeMajorityBaseline(hosts, versionCounts);
  if (source === "declared" && declared) {
    for (const [component, version] of Object.entries(declared)) baseline.set(component, version);
  }
  return { baseline, source };
}
