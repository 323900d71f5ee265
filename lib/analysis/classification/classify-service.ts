import type { ServiceSnapshot } from "../types";
import { type ChangeEvent, detectChangeEvents } from "./change-events";
import { formatComponentChanges, formatDay, pluralize } from "./format-changes";
import { collectSnapshotHints, type Leaning } from "./snapshot-hints";

/**
 * Classifies one service in one environment as immutable, mutable, mixed or unknown from
 * how its version changes arrived across its snapshot history.
 *
 * A "version change" is counted per snapshot transition and kind: a transition in which
 * persisting hosts changed in place counts as one mutation, one in which new hosts brought
 * new versions counts as one replacement. Counting transitions rather than hosts keeps a
 * 1,000-pod rollout from outweighing a hotfix on three hosts: each is one decision by an
 * operator, and it is the decisions that show how the service is run.
 */

export type Verdict = "immutable" | "mutable" | "mixed" | "unknown";

/** Public API: `verdict`, `confidence`, `evidence`, `mutations`, `replacements` keep their names. */
export interface ServiceClassification {
  verdict: Verdict;
  /** 0..1: grows with the number of observed version changes; low when unknown. */
  confidence: number;
  /** Human-readable, with numbers. */
  evidence: string[];
  /** Snapshot transitions in which persisting hosts changed in place. */
  mutations: number;
  /** Snapshot transitions in which new hosts brought versions the service did not run before. */
  replacements: number;
  /** Snapshot transitions in which hosts came or went without new versions. */
  scaleEvents: number;
  /** What the latest snapshot alone suggests (shared image, host age, source tool). */
  hints: string[];
  /** Where the hints point while the verdict is unknown; null once there is evidence. */
  leaning: Leaning | null;
  /** Every detected event, for the timeline and the migration advice. */
  events: ChangeEvent[];
}

export interface ClassifyServiceOptions {
  /** Minority share above which a service is mixed; defaults to MIXED_MIN_SHARE. */
  mixedMinShare?: number;
  /** How many per-host and per-release lines the evidence lists; defaults to MAX_EVIDENCE_DETAILS. */
  maxEvidenceDetails?: number;
}

/**
 * A service is mixed when the rarer way of changing accounts for at least this share of
 * its version changes. 20% makes one in-place hotfix among up to four releases by
 * replacement "mixed" — the pattern the dashboard exists to flag, since that host can no
 * longer be rebuilt from its image — while one odd event among ten or more (say a new
 * server that came up with newer packages in an otherwise patched-in-place fleet) stays
 * noise: it is listed in the evidence but does not flip the verdict.
 */
export const MIXED_MIN_SHARE = 0.2;

/**
 * Confidence is changes / (changes + this): 2 observed changes give 0.5, 8 give 0.8.
 * One change is a start, not a pattern.
 */
export const CONFIDENCE_HALF_CHANGES = 2;

/** Per-host and per-release lines beyond this are summarised as "… and N more". */
export const MAX_EVIDENCE_DETAILS = 5;

/** Classify a service from its history: one service and environment, ascending by takenAt. */
export function classifyService(
  history: readonly ServiceSnapshot[],
  options: ClassifyServiceOptions = {},
): ServiceClassification {
  return classifyChangeEvents({ events: detectChangeEvents(history), snapshotCount: history.length, latest: history.at(-1) ?? null }, options);
}

export interface ClassifyChangeEventsInput {
  /** The change events of every transition in the history, in order. */
  events: ChangeEvent[];
  /** How many snapshots the history holds. */
  snapshotCount: number;
  latest: ServiceSnapshot | null;
}

/**
 * The classification from events already detected: lets a history's verdict be built from
 * stored per-transition events plus the newest transition, without reloading the history.
 */
export function classifyChangeEvents(
  { events, snapshotCount, latest }: ClassifyChangeEventsInput,
  options: ClassifyServiceOptions = {},
): ServiceClassification {
  const mixedMinShare = options.mixedMinShare ?? MIXED_MIN_SHARE;
  const maxDetails = options.maxEvidenceDetails ?? MAX_EVIDENCE_DETAILS;

  const mutations = countEvents(events, "mutation");
  const replacements = countEvents(events, "replacement");
  const scaleEvents = countEvents(events, "scale");
  const hints = latest ? collectSnapshotHints(latest) : { hints: [], leaning: null, confidence: 0 };
  const shared = { mutations, replacements, scaleEvents, events, hints: hints.hints.map((hint) => hint.text) };

  const changes = mutations + replacements;
  if (snapshotCount < 2 || changes === 0) {
    return {
      ...shared,
      verdict: "unknown",
      confidence: hints.confidence,
      leaning: hints.leaning,
      evidence: describeMissingEvidence(snapshotCount, scaleEvents),
    };
  }

  const verdict = decideVerdict(mutations, replacements, mixedMinShare);
  const evidence = [
    ...describeShares(mutations, replacements),
    ...describeMutations(events, maxDetails),
    ...describeReplacements(events, maxDetails),
  ];
  if (mutations === 0) evidence.push(`no persisting host changed in place across ${snapshotCount} snapshots`);
  if (scaleEvents > 0) evidence.push(`${pluralize(scaleEvents, "scale event")}: hosts added or removed without new versions`);

  return { ...shared, verdict, confidence: computeConfidence(verdict, mutations, replacements), leaning: null, evidence };
}

function decideVerdict(mutations: number, replacements: number, mixedMinShare: number): Exclude<Verdict, "unknown"> {
  const minorityShare = Math.min(mutations, replacements) / (mutations + replacements);
  if (minorityShare > 0 && minorityShare >= mixedMinShare) return "mixed";
  return replacements > mutations ? "immutable" : "mutable";
}

/** Saturates with the number of changes; a clear verdict is discounted by the share that contradicts it. */
function computeConfidence(verdict: Verdict, mutations: number, replacements: number): number {
  const changes = mutations + replacements;
  const saturation = changes / (changes + CONFIDENCE_HALF_CHANGES);
  const agreement = verdict === "mixed" ? 1 : Math.max(mutations, replacements) / changes;
  return Math.round(saturation * agreement * 100) / 100;
}

function countEvents(events: readonly ChangeEvent[], kind: ChangeEvent["kind"]): number {
  return events.filter((event) => event.kind === kind).length;
}

function describeMissingEvidence(snapshotCount: number, scaleEvents: number): string[] {
  if (snapshotCount === 0) return ["no snapshot of this service yet"];
  if (snapshotCount === 1) return ["only one snapshot of this service so far: no change can be observed yet"];
  const evidence = [`no version change observed across ${snapshotCount} snapshots`];
  if (scaleEvents > 0) evidence.push(`${pluralize(scaleEvents, "scale event")}: hosts added or removed without new versions`);
  return evidence;
}

function describeShares(mutations: number, replacements: number): string[] {
  const changes = mutations + replacements;
  const lines: string[] = [];
  if (replacements > 0) lines.push(`${replacements} of ${pluralize(changes, "version change")} arrived on new hosts`);
  if (mutations > 0) {
    lines.push(`${mutations} of ${pluralize(changes, "version change")} ${mutations === 1 ? "was" : "were"} applied in place on running hosts`);
  }
  return lines;
}

/** "host web-2 changed nginx 1.22→1.24 in place on 2026-03-01", most recent first. */
function describeMutations(events: readonly ChangeEvent[], maxDetails: number): string[] {
  const lines: string[] = [];
  let total = 0;
  for (const event of [...events].reverse()) {
    if (event.kind !== "mutation") continue;
    for (const host of event.perHost) {
      total++;
      if (lines.length < maxDetails) {
        lines.push(`host ${host.hostKey} changed ${formatComponentChanges(host.components)} in place on ${formatDay(event.takenAt)}`);
      }
    }
  }
  if (total > lines.length) lines.push(`… and ${pluralize(total - lines.length, "more in-place host change")}`);
  return lines;
}

/** "on 2026-03-01, 3 new hosts brought nginx 1.22→1.24 (2 hosts removed)", most recent first. */
function describeReplacements(events: readonly ChangeEvent[], maxDetails: number): string[] {
  const replacements = [...events].reverse().filter((event) => event.kind === "replacement");
  const lines = replacements.slice(0, maxDetails).map((event) => {
    const removed = event.removed.length > 0 ? ` (${pluralize(event.removed.length, "host")} removed)` : "";
    return `on ${formatDay(event.takenAt)}, ${pluralize(event.added.length, "new host")} brought ${formatComponentChanges(event.components)}${removed}`;
  });
  if (replacements.length > lines.length) lines.push(`… and ${pluralize(replacements.length - lines.length, "more replacement")}`);
  return lines;
}
