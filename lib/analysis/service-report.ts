import { createHash } from "node:crypto";
import { analyseService, type ServiceAnalysis } from "./analyse-service";
import type { BaselineSource } from "./baseline";
import {
  applyVerdictOverride,
  type ChangeEvent,
  classifyChangeEvents,
  detectChangeEvents,
  detectTransitionEvents,
  detectRole,
  isMigrationCandidate,
  type MigrationStep,
  type OverriddenVerdict,
  type ServiceClassification,
  type ServiceRole,
  suggestNextMigrationStep,
  type Verdict,
} from "./classification";
import { BUILT_IN_IGNORE_RULES, createIgnoreMatcher, type IgnoreRule } from "./ignore-rules";
import { KeptPerSlot } from "./kept";
import { findDriftOnsets } from "./onset";
import type { AnalysisHost, ServiceSnapshot } from "./types";

/** What a user chose for one service: baseline source and pins, ignore rules, overrides. */
export interface ServiceSettings {
  baselineSource: BaselineSource;
  declared: Record<string, string>;
  /** The user's rules that apply to this service (fleet-wide and its own); built-ins are added here. */
  ignoreRules: IgnoreRule[];
  roleOverride: ServiceRole | null;
  verdictOverride: { verdict: Verdict; reason: string } | null;
}

export const DEFAULT_SERVICE_SETTINGS: ServiceSettings = {
  baselineSource: "majority",
  declared: {},
  ignoreRules: [],
  roleOverride: null,
  verdictOverride: null,
};

export interface ClassificationSummary extends Omit<ServiceClassification, "events"> {
  /** The verdict computed from the evidence, whatever a user's override says. */
  computedVerdict: Verdict;
  override: { verdict: Verdict; reason: string } | null;
}

export interface ServiceReport extends ServiceAnalysis {
  name: string;
  environment: string;
  snapshotId: string;
  takenAt: string;
  role: ServiceRole;
  isRoleOverridden: boolean;
  classification: ClassificationSummary;
  isMigrationCandidate: boolean;
  nextStep: MigrationStep | null;
  /** Drift onset per host and component: when the drift first appeared. */
  onsets: Map<string, { snapshotId: string; takenAt: string }>;
}

/**
 * Everything the service page and API say about one service, from its history (ascending,
 * the last entry being the snapshot analysed). Pure: the data layer loads, this decides.
 */
export function buildServiceReport(
  history: readonly ServiceSnapshot[],
  settings: ServiceSettings,
  options: {
    includeOnsets?: boolean;
    /**
     * The snapshot before the history's first one, when there is one: the `previous`
     * baseline of the first snapshot's drift, so a window of history judges drift as the
     * whole history would.
     */
    beforeFirst?: ServiceSnapshot | null;
    /** False leaves the report's `components` empty (see AnalyseServiceOptions). */
    withComponents?: boolean;
  } = {},
): ServiceReport {
  const current = history.at(-1);
  if (!current) throw new Error("buildServiceReport needs at least one snapshot");
  const ignoreRules = [...BUILT_IN_IGNORE_RULES, ...settings.ignoreRules];
  // The earlier snapshots give only their drift, for the onsets.
  const analyse = (index: number, withComponents = false) =>
    analyseAt(history[index]!, (index === 0 ? options.beforeFirst : history[index - 1]) ?? null, settings, ignoreRules, withComponents);
  const analysis = analyse(history.length - 1, options.withComponents ?? true);

  const onsets = new Map<string, Onset>();
  if (options.includeOnsets) {
    const driftHistory = history.map((snapshot, index) => ({
      snapshotId: snapshot.snapshotId,
      takenAt: snapshot.takenAt,
      hosts: (index === history.length - 1 ? analysis : analyse(index)).hosts,
    }));
    for (const onset of findDriftOnsets(driftHistory)) onsets.set(onsetKey(onset.hostKey, onset.component), onset.since);
  }

  // Volatile facts and user-ignored components would otherwise read as in-place changes.
  const events = detectChangeEvents(withoutIgnoredComponents(history, ignoreRules, current.hosts[0]?.service ?? ""));
  return assembleServiceReport({ current, snapshotCount: history.length, events, analysis, onsets, settings, ignoreRules });
}

/** One snapshot step of a service's report, continuing from the report of its previous snapshot. */
export interface ServiceReportStep {
  current: ServiceSnapshot;
  /** The service's previous snapshot; null when `current` is its first. */
  previous: ServiceSnapshot | null;
  /** The oldest snapshot of the classification window that ends at `current`. */
  windowStart: { snapshotId: string; takenAt: string };
  /** Snapshots in that window, `current` included. */
  snapshotCount: number;
  /** The stored change events of the window's earlier transitions, in order. */
  earlierEvents: readonly ChangeEvent[];
  /** The previous snapshot's report's drift onsets (empty for the first snapshot). */
  previousOnsets: OnsetState;
}

/**
 * The same report as `buildServiceReport` over the window, from two snapshots and what the
 * previous report stored: the transition between them is the only new change, and a drift
 * that continues keeps its onset, clamped to the window. This is what lets an ingest analyse
 * a 10,000-host snapshot without reloading 30 snapshots of history.
 */
export function stepServiceReport(
  step: ServiceReportStep,
  settings: ServiceSettings,
  options: { withComponents?: boolean } = {},
): { report: ServiceReport; transition: ChangeEvent[] } {
  const { current, previous, windowStart } = step;
  const ignoreRules = [...BUILT_IN_IGNORE_RULES, ...settings.ignoreRules];
  const analysis = analyseAt(current, previous, settings, ignoreRules, options.withComponents ?? true);
  const transition = detectServiceTransition(previous, current, settings);

  const onsets = new Map<string, Onset>();
  const here = { snapshotId: current.snapshotId, takenAt: current.takenAt };
  const previousHosts = new Map(previous?.hosts.map((host) => [host.hostKey, host]));
  for (const host of analysis.hosts) {
    const earlier = step.previousOnsets.get(host.hostKey);
    const before = previousHosts.get(host.hostKey);
    for (const item of host.drift) {
      if (item.ignored) continue;
      const since = earlier?.get(item.component);
      // A drift continues when the host drifted on it before with the same version (the
      // drift's `actual` is the host's version, so the previous snapshot's host tells it).
      const continues = since !== undefined && before !== undefined && versionOf(before, item.component) === item.actual;
      onsets.set(onsetKey(host.hostKey, item.component), !continues ? here : isBefore(since, windowStart) ? windowStart : since);
    }
  }
  const events = [...step.earlierEvents, ...transition];
  const report = assembleServiceReport({ current, snapshotCount: step.snapshotCount, events, analysis, onsets, settings, ignoreRules });
  return { report, transition };
}

/** The change events from a service's previous snapshot to this one, ignored components removed. */
export function detectServiceTransition(previous: ServiceSnapshot | null, current: ServiceSnapshot, settings: ServiceSettings): ChangeEvent[] {
  if (!previous) return [];
  const ignoreRules = [...BUILT_IN_IGNORE_RULES, ...settings.ignoreRules];
  const [before, after] = withoutIgnoredComponents([previous, current], ignoreRules, current.hosts[0]?.service ?? "");
  return detectTransitionEvents(before!, after!);
}

type Onset = { snapshotId: string; takenAt: string };

/** Drift onsets by host, then component: what the next step continues from. */
export type OnsetState = ReadonlyMap<string, ReadonlyMap<string, Onset>>;

export function onsetStateOf(report: ServiceReport): Map<string, Map<string, Onset>> {
  const state = new Map<string, Map<string, Onset>>();
  for (const host of report.hosts) {
    let components: Map<string, Onset> | undefined;
    for (const item of host.drift) {
      const since = report.onsets.get(onsetKey(host.hostKey, item.component));
      if (!since) continue;
      if (!components) state.set(host.hostKey, (components = new Map()));
      components.set(item.component, since);
    }
  }
  return state;
}

function versionOf(host: AnalysisHost, component: string): string | null {
  return Object.hasOwn(host.components, component) ? (host.components[component] ?? null) : null;
}

/** Snapshots are ordered by time, then id (as the history loader orders them). */
function isBefore(a: Onset, b: Onset): boolean {
  return a.takenAt < b.takenAt || (a.takenAt === b.takenAt && a.snapshotId < b.snapshotId);
}

function analyseAt(
  snapshot: ServiceSnapshot,
  previous: ServiceSnapshot | null,
  settings: ServiceSettings,
  ignoreRules: IgnoreRule[],
  withComponents: boolean,
): ServiceAnalysis {
  const first = snapshot.hosts[0];
  const usesPrevious = settings.baselineSource === "previous";
  // What analyseService reads: each host's key and manifest, the settings, and the previous
  // hosts only for a `previous` baseline.
  const key = createHash("sha256")
    .update(JSON.stringify([first?.service, settings.baselineSource, settings.declared, ignoreRules, withComponents]))
    .update(hostsKey(snapshot.hosts))
    .update(usesPrevious ? hostsKey(previous?.hosts ?? []) : "")
    .digest("base64");
  const slot = JSON.stringify([first?.service, first?.environment, withComponents]);
  return keptAnalyses.get(slot, key, () =>
    analyseService({
      hosts: snapshot.hosts,
      baselineSource: settings.baselineSource,
      declared: settings.declared,
      previousHosts: previous?.hosts ?? null,
      ignoreRules,
      withComponents,
    }),
  );
}

function hostsKey(hosts: readonly AnalysisHost[]): string {
  let key = "";
  for (const host of hosts) key += `\u0000${host.hostKey}\u0001${host.manifestHash}`;
  return key;
}

/**
 * The analysis of each service's latest snapshot, by what it was computed from. Most services
 * of a fleet's next snapshot run exactly the hosts they ran in the one before, and so have the
 * same drift, spread and snowflakes: their analysis is taken from here instead of computed
 * again. A pure cache (another replica computes the same); callers only read what it returns.
 * Weighed by hosts and drift items, about 50 bytes each: the bench's 50,000-host fleet weighs
 * 138,000 (6.8 MB), so the bound holds some 180,000 such hosts in about 25 MB.
 */
const keptAnalyses = new KeptPerSlot<ServiceAnalysis>(500_000, (analysis) => {
  let weight = analysis.hostCount;
  for (const host of analysis.hosts) weight += host.drift.length;
  return weight;
});

function assembleServiceReport(input: {
  current: ServiceSnapshot;
  snapshotCount: number;
  events: ChangeEvent[];
  analysis: ServiceAnalysis;
  onsets: Map<string, Onset>;
  settings: ServiceSettings;
  ignoreRules: IgnoreRule[];
}): ServiceReport {
  const { current, settings, analysis } = input;
  const first = current.hosts[0];
  const [latest] = withoutIgnoredComponents([current], input.ignoreRules, first?.service ?? "");
  const classification = classifyChangeEvents({ events: input.events, snapshotCount: input.snapshotCount, latest: latest! });
  const role = detectRole(current.hosts, settings.roleOverride);
  const overridden: OverriddenVerdict = applyVerdictOverride(classification.verdict, settings.verdictOverride);
  const { events: _events, ...classificationFields } = classification;
  const verdict = overridden.verdict;

  return {
    ...analysis,
    name: first?.service ?? "",
    environment: first?.environment ?? "",
    snapshotId: current.snapshotId,
    takenAt: current.takenAt,
    role,
    isRoleOverridden: settings.roleOverride !== null,
    classification: {
      ...classificationFields,
      verdict,
      computedVerdict: classification.verdict,
      override: settings.verdictOverride,
    },
    isMigrationCandidate: isMigrationCandidate(verdict, role),
    nextStep: suggestNextMigrationStep({ history: [current], classification: { ...classification, verdict }, role }),
    onsets: input.onsets,
  };
}

/**
 * The report as the service page shows it: each host with its image and launch time, each
 * drift with its onset. `current` is the snapshot the report analysed.
 */
export function presentServiceReport(report: ServiceReport, current: ServiceSnapshot) {
  const { onsets, ...rest } = report;
  const hostsByKey = new Map(current.hosts.map((h) => [h.hostKey, h]));
  return {
    ...rest,
    hosts: report.hosts.map((host) => ({
      ...host,
      image: hostsByKey.get(host.hostKey)?.image ?? null,
      launchedAt: hostsByKey.get(host.hostKey)?.launchedAt ?? null,
      drift: host.drift.map((item) => {
        const since = onsets.get(onsetKey(host.hostKey, item.component));
        return { ...item, since: since?.takenAt ?? null, sinceSnapshotId: since?.snapshotId ?? null };
      }),
    })),
  };
}

export function onsetKey(hostKey: string, component: string): string {
  return `${hostKey}\u0000${component}`;
}

/**
 * The history with ignored components removed from every manifest, and manifest hashes
 * recomputed so hosts that differ only in ignored components compare equal.
 */
export function withoutIgnoredComponents(
  history: readonly ServiceSnapshot[],
  rules: readonly IgnoreRule[],
  service: string,
): ServiceSnapshot[] {
  const isIgnored = createIgnoreMatcher(rules, service);
  const filtered = new Map<string, { hash: string; components: Record<string, string> }>();
  const filterHost = (host: AnalysisHost): AnalysisHost => {
    let entry = filtered.get(host.manifestHash);
    if (!entry) {
      let ignoresAny = false;
      for (const name in host.components) {
        if (isIgnored(name) === null) continue;
        ignoresAny = true;
        break;
      }
      // Sorted, so the hash does not depend on the order the components were loaded in.
      const kept = ignoresAny
        ? Object.entries(host.components)
            .filter(([name]) => !isIgnored(name))
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        : null;
      entry = kept
        ? { hash: createHash("sha256").update(JSON.stringify(kept)).digest("hex"), components: Object.fromEntries(kept) }
        : { hash: host.manifestHash, components: host.components };
      filtered.set(host.manifestHash, entry);
    }
    // Most manifests ignore nothing: their hosts stay as they are.
    return entry.components === host.components ? host : { ...host, manifestHash: entry.hash, components: entry.components };
  };
  // A step filters its snapshot twice (for the transition, and for the classification): once is enough.
  const rulesKey = JSON.stringify([service, rules]);
  return history.map((snapshot) => {
    const known = filteredSnapshots.get(snapshot);
    if (known?.rulesKey === rulesKey) return known.filtered;
    const filtered = { ...snapshot, hosts: snapshot.hosts.map(filterHost) };
    filteredSnapshots.set(snapshot, { rulesKey, filtered });
    return filtered;
  });
}

const filteredSnapshots = new WeakMap<ServiceSnapshot, { rulesKey: string; filtered: ServiceSnapshot }>();
