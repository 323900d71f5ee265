/**
 * Series for the service page's charts, built from what the service API returns. Pure: the
 * chart components in components/charts/ only draw what these functions decide.
 */

// ---------------------------------------------------------------------------------------
// Version spread: one stacked bar per component, one segment per version

export interface SpreadComponentInput {
  name: string;
  baseline: string | null;
  /** Most-run version first (as the analysis returns them). */
  versions: ReadonlyArray<{ version: string; hostCount: number }>;
  ignored: boolean;
}

export interface VersionSpreadSegment {
  /** The version, or null for the segment that sums the versions beyond `maxSegments`. */
  version: string | null;
  hostCount: number;
  isBaseline: boolean;
  /** How many versions an "other" segment stands for; 1 otherwise. */
  versionCount: number;
}

export interface VersionSpreadRow {
  component: string;
  baseline: string | null;
  ignored: boolean;
  /** Hosts running the component in any version. */
  hostCount: number;
  versionCount: number;
  /** Share of those hosts not on the most-run version, 0..1. */
  offMajorityShare: number;
  /** Most-run first; at most `maxSegments`, the last one summing the rest. */
  segments: VersionSpreadSegment[];
}

export interface VersionSpreadSeries {
  rows: VersionSpreadRow[];
  /** The most segments any row has: how many stacked series the chart draws. */
  segmentCount: number;
  /** Components with spread left out by `limit`. */
  hiddenCount: number;
}

export interface BuildVersionSpreadSeriesOptions {
  /** Show at most this many components (the most spread ones); default all. */
  limit?: number;
  /** Versions per bar before the rest are summed as "other"; default 8. */
  maxSegments?: number;
  /** Whether ignored components are listed (after the others, to be greyed); default true. */
  includeIgnored?: boolean;
}

const DEFAULT_MAX_SEGMENTS = 8;

/**
 * Components that run more than one version, most spread first: ignored components last,
 * then more distinct versions first, then a larger share of hosts off the most-run version,
 * then by name.
 */
export function buildVersionSpreadSeries(
  components: readonly SpreadComponentInput[],
  options: BuildVersionSpreadSeriesOptions = {},
): VersionSpreadSeries {
  const maxSegments = Math.max(2, options.maxSegments ?? DEFAULT_MAX_SEGMENTS);
  const includeIgnored = options.includeIgnored ?? true;
  const rows = components
    .filter((component) => component.versions.length > 1 && (includeIgnored || !component.ignored))
    .map((component) => toSpreadRow(component, maxSegments))
    .sort(
      (a, b) =>
        Number(a.ignored) - Number(b.ignored) ||
        b.versionCount - a.versionCount ||
        b.offMajorityShare - a.offMajorityShare ||
        compareText(a.component, b.component),
    );
  const limit = options.limit ?? rows.length;
  const shown = rows.slice(0, Math.max(0, limit));
  return {
    rows: shown,
    segmentCount: shown.reduce((max, row) => Math.max(max, row.segments.length), 0),
    hiddenCount: rows.length - shown.length,
  };
}

function toSpreadRow(component: SpreadComponentInput, maxSegments: number): VersionSpreadRow {
  const versions = [...component.versions].sort((a, b) => b.hostCount - a.hostCount);
  const hostCount = versions.reduce((total, v) => total + v.hostCount, 0);
  const segments: VersionSpreadSegment[] = versions.map((v) => ({
    version: v.version,
    hostCount: v.hostCount,
    isBaseline: v.version === component.baseline,
    versionCount: 1,
  }));
  if (segments.length > maxSegments) {
    const rest = segments.splice(maxSegments - 1);
    segments.push({
      version: null,
      hostCount: rest.reduce((total, s) => total + s.hostCount, 0),
      isBaseline: false,
      versionCount: rest.length,
    });
  }
  return {
    component: component.name,
    baseline: component.baseline,
    ignored: component.ignored,
    hostCount,
    versionCount: versions.length,
    offMajorityShare: hostCount === 0 ? 0 : 1 - (versions[0]?.hostCount ?? 0) / hostCount,
    segments,
  };
}

// ---------------------------------------------------------------------------------------
// Change timeline: mutations vs replacements vs scale events per snapshot

export interface ChangeEventInput {
  snapshotId: string;
  takenAt: string;
  kind: "mutation" | "replacement" | "scale";
  hostKeys: readonly string[];
  perHost: ReadonlyArray<unknown>;
  added: readonly string[];
  removed: readonly string[];
}

/**
 * What the timeline chart reads of a change event: how many hosts, not which. A 1,000-host
 * service's events list every host key; sent whole to the browser they were most of the
 * service page's weight.
 */
export interface TimelineEvent {
  snapshotId: string;
  takenAt: string;
  kind: ChangeEventInput["kind"];
  /** Hosts changed in place (mutation). */
  changed: number;
  added: number;
  removed: number;
}

export function toTimelineEvent(event: ChangeEventInput): TimelineEvent {
  return {
    snapshotId: event.snapshotId,
    takenAt: event.takenAt,
    kind: event.kind,
    changed: event.perHost.length || event.hostKeys.length,
    added: event.added.length,
    removed: event.removed.length,
  };
}

export interface ChangeTimelinePoint {
  snapshotId: string;
  takenAt: string;
  /** "2026-11-26" */
  day: string;
  /** Hosts changed in place in this snapshot. */
  mutations: number;
  /** New hosts that brought new versions. */
  replacements: number;
  /** Hosts that left as part of a replacement (the ones replaced). */
  retired: number;
  /** Hosts added or removed without new versions. */
  scale: number;
}

/**
 * One point per snapshot (those in `snapshots` and those named by events), ascending by
 * time, counting the hosts each kind of change touched: a bar of 8 replaced pods next to a
 * bar of 1 host patched in place shows both the decision and its size.
 */
export function buildChangeTimelineSeries(
  events: readonly TimelineEvent[],
  snapshots: ReadonlyArray<{ snapshotId: string; takenAt: string }> = [],
): ChangeTimelinePoint[] {
  const points = new Map<string, ChangeTimelinePoint>();
  const pointFor = (snapshotId: string, takenAt: string) => {
    let point = points.get(snapshotId);
    if (!point) {
      point = { snapshotId, takenAt, day: formatDay(takenAt), mutations: 0, replacements: 0, retired: 0, scale: 0 };
      points.set(snapshotId, point);
    }
    return point;
  };
  for (const snapshot of snapshots) pointFor(snapshot.snapshotId, snapshot.takenAt);
  for (const event of events) {
    const point = pointFor(event.snapshotId, event.takenAt);
    if (event.kind === "mutation") point.mutations += event.changed;
    else if (event.kind === "replacement") {
      point.replacements += event.added;
      point.retired += event.removed;
    } else point.scale += event.added + event.removed;
  }
  return [...points.values()].sort((a, b) => Date.parse(a.takenAt) - Date.parse(b.takenAt) || compareText(a.snapshotId, b.snapshotId));
}

// ---------------------------------------------------------------------------------------
// Instance age distribution

const DAY_MS = 24 * 60 * 60 * 1000;

export interface AgeBucketDefinition {
  label: string;
  /** For a crowded axis: "<1d", "1–4w". */
  shortLabel: string;
  /** Exclusive upper bound in days; the last bucket is open-ended. */
  maxDays: number;
}

/** Ages an operator reasons in: a day (a fresh rollout), a week, a month, a patch cycle, a year. */
export const AGE_BUCKETS: readonly AgeBucketDefinition[] = [
  { label: "< 1 day", shortLabel: "<1d", maxDays: 1 },
  { label: "1–7 days", shortLabel: "1–7d", maxDays: 7 },
  { label: "1–4 weeks", shortLabel: "1–4w", maxDays: 30 },
  { label: "1–3 months", shortLabel: "1–3mo", maxDays: 90 },
  { label: "3–6 months", shortLabel: "3–6mo", maxDays: 180 },
  { label: "6–12 months", shortLabel: "6–12mo", maxDays: 365 },
  { label: "1–2 years", shortLabel: "1–2y", maxDays: 730 },
  { label: "> 2 years", shortLabel: ">2y", maxDays: Number.POSITIVE_INFINITY },
];

export interface AgeBucket {
  label: string;
  shortLabel: string;
  hostCount: number;
}

export interface InstanceAgeSeries {
  buckets: AgeBucket[];
  /** Hosts without a (parsable) launch time. */
  unknownCount: number;
  /** Whole days; null when no host has a launch time. */
  oldestDays: number | null;
  newestDays: number | null;
}

/**
 * Hosts' ages at the time of the snapshot (not today, so a look-back shows the fleet as it
 * was), bucketed by AGE_BUCKETS. A launch after the snapshot (clock skew) counts as fresh.
 */
export function bucketInstanceAges(hosts: ReadonlyArray<{ launchedAt: string | null | undefined }>, takenAt: string): InstanceAgeSeries {
  const buckets = AGE_BUCKETS.map((bucket) => ({ label: bucket.label, shortLabel: bucket.shortLabel, hostCount: 0 }));
  const snapshotTime = Date.parse(takenAt);
  let unknownCount = 0;
  let oldest = Number.NEGATIVE_INFINITY;
  let newest = Number.POSITIVE_INFINITY;
  for (const host of hosts) {
    const launched = host.launchedAt ? Date.parse(host.launchedAt) : Number.NaN;
    if (!Number.isFinite(launched) || !Number.isFinite(snapshotTime)) {
      unknownCount++;
      continue;
    }
    const days = Math.max(0, (snapshotTime - launched) / DAY_MS);
    oldest = Math.max(oldest, days);
    newest = Math.min(newest, days);
    const index = AGE_BUCKETS.findIndex((bucket) => days < bucket.maxDays);
    const bucket = buckets[index === -1 ? buckets.length - 1 : index];
    if (bucket) bucket.hostCount++;
  }
  const hasAges = Number.isFinite(oldest);
  return {
    buckets,
    unknownCount,
    oldestDays: hasAges ? Math.floor(oldest) : null,
    newestDays: hasAges ? Math.floor(newest) : null,
  };
}

// ---------------------------------------------------------------------------------------

function formatDay(iso: string): string {
  const time = Date.parse(iso);
  return Number.isFinite(time) ? new Date(time).toISOString().slice(0, 10) : iso;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
