import { createHash } from "node:crypto";
import { analyseService, type ServiceAnalysis } from "./analyse-service";
import type { BaselineSource } from "./baseline";
import {
  applyVerdictOverride,
  classifyService,
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
  options: { includeOnsets?: boolean } = {},
): ServiceReport {
  const current = history.at(-1);
  if (!current) throw new Error("buildServiceReport needs at least one snapshot");
  const first = current.hosts[0];
  const ignoreRules = [...BUILT_IN_IGNORE_RULES, ...settings.ignoreRules];
  const analyse = (index: number) =>
    analyseService({
      hosts: history[index]!.hosts,
      baselineSource: settings.baselineSource,
      declared: settings.declared,
      previousHosts: history[index - 1]?.hosts ?? null,
      ignoreRules,
    });
  const analysis = analyse(history.length - 1);

  const onsets = new Map<string, { snapshotId: string; takenAt: string }>();
  if (options.includeOnsets) {
    const driftHistory = history.map((snapshot, index) => ({
      snapshotId: snapshot.snapshotId,
      takenAt: snapshot.takenAt,
      hosts: (index === history.length - 1 ? analysis : analyse(index)).hosts,
    }));
    for (const onset of findDriftOnsets(driftHistory)) onsets.set(onsetKey(onset.hostKey, onset.component), onset.since);
  }

  // Volatile facts and user-ignored components would otherwise read as in-place changes.
  const classification = classifyService(withoutIgnoredComponents(history, ignoreRules, first?.service ?? ""));
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
    nextStep: suggestNextMigrationStep({ history, classification: { ...classification, verdict }, role }),
    onsets,
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
      const kept = Object.entries(host.components).filter(([name]) => !isIgnored(name));
      entry =
        kept.length === Object.keys(host.components).length
          ? { hash: host.manifestHash, components: host.components }
          : { hash: createHash("sha256").update(JSON.stringify(kept)).digest("hex"), components: Object.fromEntries(kept) };
      filtered.set(host.manifestHash, entry);
    }
    return { ...host, manifestHash: entry.hash, components: entry.components };
  };
  return history.map((snapshot) => ({ ...snapshot, hosts: snapshot.hosts.map(filterHost) }));
}
