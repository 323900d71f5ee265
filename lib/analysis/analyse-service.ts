import { type BaselineSource, computeBaseline } from "./baseline";
import { computeHostDrift, type DriftItem, isHostDrifted } from "./drift";
import { createIgnoreMatcher, type IgnoreRule } from "./ignore-rules";
import { findSnowflakes } from "./snowflakes";
import { countSpread, countVersions, summariseSpread, type VersionCount, type VersionGroup } from "./spread";
import type { AnalysisHost } from "./types";

export interface AnalyseServiceOptions {
  /** The service's hosts in one snapshot and environment. */
  hosts: readonly AnalysisHost[];
  baselineSource: BaselineSource;
  declared?: Readonly<Record<string, string>> | null;
  previousHosts?: readonly AnalysisHost[] | null;
  /** Applied as given: the caller adds BUILT_IN_IGNORE_RULES to the user's rules. */
  ignoreRules: readonly IgnoreRule[];
  /**
   * False leaves `components` empty: each component's versions sorted and grouped are for the
   * service page, while an ingest and the history behind a report need only the counts. It
   * was a third of analysing a fleet's 60,000 components.
   */
  withComponents?: boolean;
}

export interface ComponentAnalysis {
  name: string;
  baseline: string | null;
  versions: VersionCount[];
  byMajor: VersionGroup[];
  byMinor: VersionGroup[];
  ignored: boolean;
}

export interface HostAnalysis {
  hostKey: string;
  drift: DriftItem[];
  isDrifted: boolean;
  isSnowflake: boolean;
  snowflakeReasons: string[];
}

/** The JSON the service API serves; field names are a public contract. */
export interface ServiceAnalysis {
  hostCount: number;
  /** The source actually used (`previous` without a previous snapshot becomes `majority`). */
  baselineSource: BaselineSource;
  components: ComponentAnalysis[];
  hosts: HostAnalysis[];
  /** hostKeys of the snowflakes. */
  snowflakes: string[];
  driftedHostCount: number;
  snowflakeCount: number;
  /** Components (not ignored) running more than one version. */
  spreadComponentCount: number;
  /** Versions run, summed over the components (not ignored). */
  distinctVersions: number;
}

export function analyseService(options: AnalyseServiceOptions): ServiceAnalysis {
  const { hosts, ignoreRules } = options;
  const service = hosts[0]?.service ?? options.previousHosts?.[0]?.service ?? "";
  const ignoredBy = createIgnoreMatcher(ignoreRules, service);
  const isIgnored = (component: string): boolean => ignoredBy(component) !== null;

  // Counted once for the baseline, the spread and the snowflakes alike.
  const versionCounts = countVersions(hosts);
  const { baseline, source } = computeBaseline({
    hosts,
    source: options.baselineSource,
    declared: options.declared,
    previousHosts: options.previousHosts,
    versionCounts,
  });
  // A baseline component no host runs (a pin, or one every host lost) is still listed.
  const components =
    options.withComponents === false
      ? []
      : [...new Set([...versionCounts.keys(), ...baseline.keys()])].sort().map((name) => ({
          name,
          baseline: baseline.get(name) ?? null,
          ...summariseSpread(versionCounts.get(name) ?? new Map()),
          ignored: isIgnored(name),
        }));
  const { spreadComponentCount, distinctVersions } = countSpread(versionCounts, isIgnored);

  const snowflakeReasons = new Map(findSnowflakes(hosts, isIgnored, versionCounts).map((s) => [s.hostKey, s.reasons]));
  // Hosts on one manifest share their components object, and so their drift: compute it once.
  const driftByManifest = new Map<Record<string, string>, DriftItem[]>();
  const hostAnalyses = hosts.map((host) => {
    let drift = driftByManifest.get(host.components);
    if (!drift) driftByManifest.set(host.components, (drift = computeHostDrift(host, baseline, isIgnored)));
    const reasons = snowflakeReasons.get(host.hostKey) ?? [];
    return {
      hostKey: host.hostKey,
      drift,
      isDrifted: isHostDrifted(drift),
      isSnowflake: reasons.length > 0,
      snowflakeReasons: reasons,
    };
  });
  const snowflakes = hostAnalyses.filter((host) => host.isSnowflake).map((host) => host.hostKey);

  return {
    hostCount: hosts.length,
    baselineSource: source,
    components,
    hosts: hostAnalyses,
    snowflakes,
    driftedHostCount: hostAnalyses.filter((host) => host.isDrifted).length,
    snowflakeCount: snowflakes.length,
    spreadComponentCount,
    distinctVersions,
  };
}
