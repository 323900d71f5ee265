import "server-only";
import { createHash } from "node:crypto";
import { type RunSql, runSql } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ChangeEvent } from "./classification";
import { KeptPerSlot } from "./kept";
import { HISTORY_LIMIT, loadServiceSnapshots, type ServiceRef, serviceKey, snapshotServiceKey } from "./load-history";
import {
  buildServiceReport,
  detectServiceTransition,
  type OnsetState,
  onsetStateOf,
  presentServiceReport,
  type ServiceReport,
  type ServiceSettings,
  stepServiceReport,
} from "./service-report";
import type { ServiceSnapshot } from "./types";

/**
 * Stored analyses (table service_analysis): each service's report at each snapshot, computed
 * once — at ingest, or on first read after settings changed — and then read by index. A
 * report normally takes one step from the previous snapshot's stored state; only when that
 * state is missing is the window of history loaded and analysed whole.
 */

/** How long computing analyses may hold the event loop before it lets other work run. */
const YIELD_EVERY_MS = 10;

/** Bump when the analysis changes what it computes: stored rows of older versions are recomputed. */
const ANALYSIS_VERSION = 1;

export function hashSettings(settings: ServiceSettings): string {
  return createHash("sha256").update(JSON.stringify([ANALYSIS_VERSION, settings])).digest("hex").slice(0, 32);
}

export type AnalysisTarget = ServiceRef & { snapshotId: string };

/** What a caller reads of each stored analysis. */
export interface StoredAnalysis {
  hostCount: number;
  driftedHostCount: number;
  distinctVersions: number;
  summary: string;
  /**
   * The service page's analysis; null unless asked for. It is the bulk of a row (about 60 kB
   * for a 200-component service), so ingest leaves it to the first read of the service page.
   */
  detail: string | null;
}

interface SnapshotRef {
  snapshotId: string;
  takenAt: string;
}

/** What a step reads of a stored row: the row's settings, its transition, and its onsets when asked for. */
interface StoredState {
  settingsHash: string;
  transition: ChangeEvent[];
  /** Null on a row that holds only its transition, or when not read. */
  onsets: OnsetState | null;
}

/**
 * The analyses of the targets (service, environment, snapshot), computed and stored where
 * missing or made with other settings. `settings` is keyed by serviceKey.
 */
export async function ensureAnalyses(
  targets: readonly AnalysisTarget[],
  settings: ReadonlyMap<string, ServiceSettings>,
  options: {
    readDetail?: boolean;
    /** Service snapshots already in memory (an ingest's own), keyed by snapshotServiceKey: not read back. */
    preloaded?: ReadonlyMap<string, ServiceSnapshot>;
  } = {},
): Promise<Map<string, StoredAnalysis>> {
  const result = new Map<string, StoredAnalysis>();
  if (targets.length === 0) return result;
  const readDetail = options.readDetail ?? false;
  const hashes = new Map([...settings].map(([key, value]) => [key, hashSettings(value)]));
  const stored = await readStoredAnalyses(targets, readDetail);
  const missing: AnalysisTarget[] = [];
  for (const target of targets) {
    const row = stored.get(snapshotServiceKey(target));
    const isComplete = row?.analysis && row.settingsHash === hashes.get(serviceKey(target)) && (!readDetail || row.analysis.detail !== null);
    if (isComplete) result.set(snapshotServiceKey(target), row.analysis!);
    else missing.push(target);
  }
  if (missing.length > 0) {
    const { computed, write } = await computeAnalyses(missing, settings, hashes, readDetail, options.preloaded ?? new Map());
    await write(runSql);
    for (const [key, analysis] of computed) result.set(key, analysis);
  }
  return result;
}

/**
 * The analyses of a snapshot that is still being stored, from its hosts in memory: computed
 * while Postgres stores the snapshot, which costs the ingest nothing but the computation.
 * Returns the function that stores them, in the transaction that stores the snapshot.
 */
export async function prepareAnalyses(
  snapshot: SnapshotRef,
  services: readonly ServiceRef[],
  settings: ReadonlyMap<string, ServiceSettings>,
  preloaded: ReadonlyMap<string, ServiceSnapshot>,
): Promise<(run: RunSql) => Promise<void>> {
  const targets = services.map((ref) => ({ ...ref, snapshotId: snapshot.snapshotId }));
  const hashes = new Map([...settings].map(([key, value]) => [key, hashSettings(value)]));
  const withPrevious = new Map(preloaded);
  for (const ref of services) {
    const previous = lastIngested.peek(serviceKey(ref));
    if (previous) withPrevious.set(previous.key, previous.value);
  }
  const { write } = await computeAnalyses(targets, settings, hashes, false, withPrevious, snapshot);
  for (const target of targets) {
    const key = snapshotServiceKey(target);
    const ingested = preloaded.get(key);
    if (ingested) lastIngested.set(serviceKey(target), key, ingested);
  }
  return write;
}

/**
 * Each service's snapshot as the last ingestion read it, so that the service's next
 * ingestion steps from it without reading its hosts back from Postgres (10,000 hosts took
 * 120 ms, a tenth of the bench's re-ingest). A snapshot's hosts never change (its id is its
 * content's hash), so this is a pure cache; reads load from Postgres. Bounded by hosts.
 */
const lastIngested = new KeptPerSlot<ServiceSnapshot>(200_000, (snapshot) => snapshot.hosts.length);

async function readStoredAnalyses(
  targets: readonly AnalysisTarget[],
  readDetail: boolean,
): Promise<Map<string, { settingsHash: string; analysis: StoredAnalysis | null }>> {
  const rows = await runSql<{
    snapshot_id: string;
    service: string;
    environment: string;
    settings_hash: string;
    host_count: number | null;
    drifted_host_count: number | null;
    distinct_versions: number | null;
    summary: string | null;
    detail: string | null;
  }>(Prisma.sql`
    SELECT a.snapshot_id, a.service, a.environment, a.settings_hash, a.host_count, a.drifted_host_count,
           a.distinct_versions, a.summary::text AS summary, CASE WHEN ${readDetail} THEN a.detail::text END AS detail
    FROM unnest(${targets.map((t) => t.snapshotId)}::text[], ${targets.map((t) => t.service)}::text[],
                ${targets.map((t) => t.environment)}::text[]) AS t(snapshot_id, service, environment)
    JOIN service_analysis a ON a.snapshot_id = t.snapshot_id AND a.service = t.service AND a.environment = t.environment`);
  return new Map(
    rows.map((row) => [
      snapshotServiceKey({ snapshotId: row.snapshot_id, service: row.service, environment: row.environment }),
      {
        settingsHash: row.settings_hash,
        analysis:
          row.summary === null
            ? null
            : {
                hostCount: row.host_count ?? 0,
                driftedHostCount: row.drifted_host_count ?? 0,
                distinctVersions: row.distinct_versions ?? 0,
                summary: row.summary,
                detail: row.detail,
              },
      },
    ]),
  );
}

/**
 * Computes the missing analyses, service by service in time order, so that each can step
 * from the one before. Reads what the steps need in three queries whatever the number of
 * services: the snapshots around each target, their stored state, and their hosts.
 */
async function computeAnalyses(
  targets: readonly AnalysisTarget[],
  settings: ReadonlyMap<string, ServiceSettings>,
  hashes: ReadonlyMap<string, string>,
  withDetail: boolean,
  preloaded: ReadonlyMap<string, ServiceSnapshot>,
  /** The targets' snapshot when it is not stored yet (see prepareAnalyses). */
  storing?: SnapshotRef,
): Promise<{ computed: Map<string, StoredAnalysis>; write: (run: RunSql) => Promise<void> }> {
  const refsByService = await loadSnapshotRefs(targets, storing);
  // Onsets are read only where a step may continue from them: just before each target.
  const targetKeys = new Set(targets.map(snapshotServiceKey));
  const wantedStates = [...refsByService].flatMap(([key, refs]) =>
    refs.map((ref, index) => {
      const next = refs[index + 1];
      const isBeforeTarget = next !== undefined && targetKeys.has(snapshotServiceKey({ ...refOf(key), snapshotId: next.snapshotId }));
      return { ...refOf(key), snapshotId: ref.snapshotId, readOnsets: isBeforeTarget };
    }),
  );
  const states = await loadStoredStates(wantedStates);

  // Plan first (which snapshots' hosts each computation needs), then load them all at once.
  type Plan = { ref: ServiceRef; index: number; refs: SnapshotRef[]; full: boolean };
  const plans: Plan[] = [];
  const wanted = new Map<string, AnalysisTarget>();
  const want = (ref: ServiceRef, snapshotId: string) => wanted.set(snapshotServiceKey({ ...ref, snapshotId }), { ...ref, snapshotId });
  const targetsByService = groupBy(targets, serviceKey);
  for (const [key, serviceTargets] of targetsByService) {
    const ref = refOf(key);
    const refs = refsByService.get(key) ?? [];
    const hash = hashes.get(key)!;
    const valid = (snapshotId: string) => states.get(snapshotServiceKey({ ...ref, snapshotId }))?.settingsHash === hash;
    const hasReport = new Set(refs.filter((r) => valid(r.snapshotId) && states.get(snapshotServiceKey({ ...ref, snapshotId: r.snapshotId }))?.onsets).map((r) => r.snapshotId));
    const hasTransition = new Set(refs.filter((r) => valid(r.snapshotId)).map((r) => r.snapshotId));
    const indexes = [...new Set(serviceTargets.map((t) => refs.findIndex((r) => r.snapshotId === t.snapshotId)))].filter((i) => i >= 0).sort((a, b) => a - b);
    for (const index of indexes) {
      const start = Math.max(0, index - HISTORY_LIMIT + 1);
      const canStep =
        (index === 0 || hasReport.has(refs[index - 1]!.snapshotId)) && refs.slice(start + 1, index).every((r) => hasTransition.has(r.snapshotId));
      const full = !canStep;
      plans.push({ ref, index, refs, full });
      for (const r of refs.slice(full ? Math.max(0, start - 1) : Math.max(0, index - 1), index + 1)) {
        want(ref, r.snapshotId);
        hasTransition.add(r.snapshotId);
      }
      hasReport.add(refs[index]!.snapshotId);
    }
  }
  const snapshots = new Map(preloaded);
  // Hosts of the previous snapshot mostly run the manifests the new one brought: share them.
  const knownManifests = new Map([...preloaded.values()].flatMap((snapshot) => snapshot.hosts.map((host) => [host.manifestHash, host.components] as const)));
  const toLoad = [...wanted].filter(([key]) => !preloaded.has(key)).map(([, target]) => target);
  for (const [key, snapshot] of await loadServiceSnapshots(toLoad, knownManifests)) snapshots.set(key, snapshot);

  const computed = new Map<string, StoredAnalysis>();
  // By key: a snapshot first given only its transition may get its report later in the batch.
  const writes = new Map<string, PendingWrite>();
  let lastYield = performance.now();
  for (const { ref, index, refs, full } of plans) {
    // Hundreds of services take a few hundred milliseconds: let other work in (the ingest's
    // own transaction sends its next statement; other requests are answered) every few.
    if (performance.now() - lastYield > YIELD_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      lastYield = performance.now();
    }
    const key = serviceKey(ref);
    const serviceSettings = settings.get(key)!;
    const hash = hashes.get(key)!;
    const snapshotOf = (i: number): ServiceSnapshot | null => (i < 0 ? null : (snapshots.get(snapshotServiceKey({ ...ref, snapshotId: refs[i]!.snapshotId })) ?? null));
    const stateOf = (i: number) => states.get(snapshotServiceKey({ ...ref, snapshotId: refs[i]!.snapshotId }));
    const start = Math.max(0, index - HISTORY_LIMIT + 1);
    const current = snapshotOf(index);
    if (!current) continue; // deleted meanwhile: nothing to analyse
    let report: ServiceReport;
    let transition: ChangeEvent[];
    if (full) {
      const window = refs.slice(start, index + 1).map((_, offset) => snapshotOf(start + offset)).filter((s): s is ServiceSnapshot => s !== null);
      report = buildServiceReport(window, serviceSettings, { includeOnsets: true, beforeFirst: snapshotOf(start - 1), withComponents: withDetail });
      // Every transition of the window, so that the next snapshots can step from here.
      transition = [];
      window.forEach((snapshot, offset) => {
        const previous = offset === 0 ? snapshotOf(start - 1) : window[offset - 1]!;
        if (snapshot === current) {
          transition = detectServiceTransition(previous, snapshot, serviceSettings);
          return;
        }
        if (states.get(snapshotServiceKey({ ...ref, snapshotId: snapshot.snapshotId }))?.settingsHash === hash) return;
        const events = detectServiceTransition(previous, snapshot, serviceSettings);
        const own = { ...ref, snapshotId: snapshot.snapshotId, takenAt: snapshot.takenAt, transition: events, report: null, onsets: null, current: null };
        writes.set(snapshotServiceKey(own), own);
        states.set(snapshotServiceKey(own), { settingsHash: hash, transition: events, onsets: null });
      });
    } else {
      const previousState = index > 0 ? stateOf(index - 1) : undefined;
      const earlierEvents = refs.slice(start + 1, index).flatMap((_, offset) => stateOf(start + 1 + offset)?.transition ?? []);
      ({ report, transition } = stepServiceReport(
        {
          current,
          previous: snapshotOf(index - 1),
          windowStart: refs[start]!,
          snapshotCount: index - start + 1,
          earlierEvents,
          previousOnsets: previousState?.onsets ?? new Map(),
        },
        serviceSettings,
        // The components (sorted, grouped) are the service page's: computed when it is read.
        { withComponents: withDetail },
      ));
    }
    const onsets = onsetStateOf(report);
    const own = { ...ref, snapshotId: current.snapshotId, takenAt: current.takenAt, transition, report, onsets, current };
    writes.set(snapshotServiceKey(own), own);
    states.set(snapshotServiceKey(own), { settingsHash: hash, transition, onsets });
  }
  for (const write of writes.values()) {
    if (!write.report || !write.current) continue;
    computed.set(snapshotServiceKey(write), toStored(write.report, write.current, settings.get(serviceKey(write))!, withDetail));
  }
  return { computed, write: (run) => writeAnalyses(run, [...writes.values()], hashes, computed) };
}

/** The analysis of one target with other settings than the stored ones (a what-if baseline): not stored. */
export async function analyseWithoutStoring(target: AnalysisTarget, settings: ServiceSettings): Promise<StoredAnalysis> {
  const refs = (await loadSnapshotRefs([target])).get(serviceKey(target)) ?? [];
  const snapshots = await loadServiceSnapshots(refs.map((ref) => ({ ...target, snapshotId: ref.snapshotId })));
  const history = refs.map((ref) => snapshots.get(snapshotServiceKey({ ...target, snapshotId: ref.snapshotId }))).filter((s): s is ServiceSnapshot => s !== undefined);
  const window = history.slice(-HISTORY_LIMIT);
  const beforeFirst = history.length > HISTORY_LIMIT ? history[0] : null;
  return toStored(buildServiceReport(window, settings, { includeOnsets: true, beforeFirst }), window.at(-1)!, settings, true);
}

/**
 * For each target, the service's snapshots up to it: its window and the one before. When the
 * targets' snapshot is `storing`, it is not in the table yet: those before it are read, and it
 * is added last.
 */
async function loadSnapshotRefs(targets: readonly AnalysisTarget[], storing?: SnapshotRef): Promise<Map<string, SnapshotRef[]>> {
  const services = targets.map((t) => t.service);
  const environments = targets.map((t) => t.environment);
  const rows = await runSql<{ service: string; environment: string; snapshot_id: string; taken_at: Date }>(
    storing
      ? Prisma.sql`
    SELECT r.service, r.environment, r.snapshot_id, r.taken_at
    FROM unnest(${services}::text[], ${environments}::text[]) AS t(service, environment)
    CROSS JOIN LATERAL (
      SELECT s.service, s.environment, s.snapshot_id, s.taken_at FROM snapshot_service s
      WHERE s.service = t.service AND s.environment = t.environment
        AND (s.taken_at, s.snapshot_id) < (${storing.takenAt}::timestamptz, ${storing.snapshotId}::text)
      ORDER BY s.taken_at DESC, s.snapshot_id DESC
      LIMIT ${HISTORY_LIMIT}
    ) r
    ORDER BY r.service, r.environment, r.taken_at, r.snapshot_id`
      : Prisma.sql`
    SELECT DISTINCT r.service, r.environment, r.snapshot_id, r.taken_at
    FROM unnest(${targets.map((t) => t.snapshotId)}::text[], ${services}::text[], ${environments}::text[]) AS t(snapshot_id, service, environment)
    JOIN snapshot_service ts ON ts.snapshot_id = t.snapshot_id AND ts.service = t.service AND ts.environment = t.environment
    CROSS JOIN LATERAL (
      SELECT s.service, s.environment, s.snapshot_id, s.taken_at FROM snapshot_service s
      WHERE s.service = t.service AND s.environment = t.environment
        AND (s.taken_at, s.snapshot_id) <= (ts.taken_at, ts.snapshot_id)
      ORDER BY s.taken_at DESC, s.snapshot_id DESC
      LIMIT ${HISTORY_LIMIT + 1}
    ) r
    ORDER BY r.service, r.environment, r.taken_at, r.snapshot_id`,
  );
  const refs = new Map<string, SnapshotRef[]>();
  const add = (key: string, ref: SnapshotRef) => {
    const list = refs.get(key);
    if (list) list.push(ref);
    else refs.set(key, [ref]);
  };
  for (const row of rows) add(serviceKey(row), { snapshotId: row.snapshot_id, takenAt: row.taken_at.toISOString() });
  if (storing) for (const target of targets) add(serviceKey(target), storing);
  return refs;
}

async function loadStoredStates(wanted: ReadonlyArray<AnalysisTarget & { readOnsets: boolean }>): Promise<Map<string, StoredState>> {
  if (wanted.length === 0) return new Map();
  const rows = await runSql<{ snapshot_id: string; service: string; environment: string; settings_hash: string; transition: string; onsets: string | null }>(Prisma.sql`
    SELECT a.snapshot_id, a.service, a.environment, a.settings_hash, a.transition::text AS transition,
           CASE WHEN t.read_onsets THEN a.onsets::text END AS onsets
    FROM unnest(${wanted.map((t) => t.snapshotId)}::text[], ${wanted.map((t) => t.service)}::text[],
                ${wanted.map((t) => t.environment)}::text[], ${wanted.map((t) => t.readOnsets)}::boolean[])
      AS t(snapshot_id, service, environment, read_onsets)
    JOIN service_analysis a ON a.snapshot_id = t.snapshot_id AND a.service = t.service AND a.environment = t.environment`);
  return new Map(
    rows.map((row) => [
      snapshotServiceKey({ snapshotId: row.snapshot_id, service: row.service, environment: row.environment }),
      {
        settingsHash: row.settings_hash,
        transition: JSON.parse(row.transition) as ChangeEvent[],
        onsets: row.onsets === null ? null : parseOnsets(row.onsets),
      },
    ]),
  );
}

/** The stored change events into each target from its previous snapshot. */
export async function loadTransitions(targets: readonly AnalysisTarget[]): Promise<Map<string, ChangeEvent[]>> {
  if (targets.length === 0) return new Map();
  const rows = await runSql<{ snapshot_id: string; service: string; environment: string; transition: string }>(Prisma.sql`
    SELECT a.snapshot_id, a.service, a.environment, a.transition::text AS transition
    FROM unnest(${targets.map((t) => t.snapshotId)}::text[], ${targets.map((t) => t.service)}::text[],
                ${targets.map((t) => t.environment)}::text[]) AS t(snapshot_id, service, environment)
    JOIN service_analysis a ON a.snapshot_id = t.snapshot_id AND a.service = t.service AND a.environment = t.environment`);
  return new Map(rows.map((row) => [snapshotServiceKey({ snapshotId: row.snapshot_id, service: row.service, environment: row.environment }), JSON.parse(row.transition) as ChangeEvent[]]));
}

/**
 * Onsets as stored: the distinct `since` snapshots once, then per host the index of its
 * `since` and the drifted components. A 20,000-host service whose hosts each run their own
 * build drifts on every component: 500,000 onsets, which as one tuple each took 50 MB.
 */
interface StoredOnsets {
  since: Array<[snapshotId: string, takenAt: string]>;
  hosts: Array<[hostKey: string, sinceIndex: number, ...components: string[]]>;
}

function parseOnsets(text: string): OnsetState {
  const stored = JSON.parse(text) as StoredOnsets;
  const since = stored.since.map(([snapshotId, takenAt]) => ({ snapshotId, takenAt }));
  const state = new Map<string, Map<string, SnapshotRef>>();
  for (const [hostKey, sinceIndex, ...components] of stored.hosts) {
    let host = state.get(hostKey);
    if (!host) state.set(hostKey, (host = new Map()));
    for (const component of components) host.set(component, since[sinceIndex]!);
  }
  return state;
}

function serialiseOnsets(state: OnsetState): string {
  const sinceIndex = new Map<string, number>();
  const stored: StoredOnsets = { since: [], hosts: [] };
  for (const [hostKey, components] of state) {
    const groups = new Map<number, [string, number, ...string[]]>();
    for (const [component, since] of components) {
      let index = sinceIndex.get(since.snapshotId);
      if (index === undefined) {
        sinceIndex.set(since.snapshotId, (index = stored.since.length));
        stored.since.push([since.snapshotId, since.takenAt]);
      }
      let group = groups.get(index);
      if (!group) groups.set(index, (group = [hostKey, index]));
      group.push(component);
    }
    stored.hosts.push(...groups.values());
  }
  return JSON.stringify(stored);
}

/** What the list, the trend and the service page read, frozen as JSON text. */
function toStored(report: ServiceReport, current: ServiceSnapshot, settings: ServiceSettings, withDetail: boolean): StoredAnalysis {
  const summary = {
    name: report.name,
    environment: report.environment,
    role: report.role,
    hostCount: report.hostCount,
    driftedHostCount: report.driftedHostCount,
    snowflakeCount: report.snowflakeCount,
    spreadComponentCount: report.spreadComponentCount,
    snapshotId: report.snapshotId,
    takenAt: report.takenAt,
    classification: report.classification,
    isMigrationCandidate: report.isMigrationCandidate,
    nextStep: report.nextStep,
  };
  const detail = () => ({
    ...presentServiceReport(report, current),
    declared: settings.declared,
    ignoreRules: settings.ignoreRules.map((r) => ({ pattern: r.pattern, service: r.service ?? null, reason: r.reason, isBuiltIn: false })),
  });
  return {
    hostCount: report.hostCount,
    driftedHostCount: report.driftedHostCount,
    distinctVersions: report.distinctVersions,
    summary: JSON.stringify(summary),
    detail: withDetail ? JSON.stringify(detail()) : null,
  };
}

type PendingWrite = AnalysisTarget & {
  takenAt: string;
  transition: ChangeEvent[];
  /** Null for a row that holds only its transition. */
  report: ServiceReport | null;
  onsets: OnsetState | null;
  current: ServiceSnapshot | null;
};

async function writeAnalyses(
  run: RunSql,
  writes: readonly PendingWrite[],
  hashes: ReadonlyMap<string, string>,
  computed: ReadonlyMap<string, StoredAnalysis>,
): Promise<void> {
  if (writes.length === 0) return;
  // One JSON array, with the JSON already made (summary, detail, onsets) set in as it is: as
  // text[] parameters, the driver escaped every quote of them to fit an array literal.
  const rows = writes.map((w) => {
    const stored = computed.get(snapshotServiceKey(w));
    const fields = {
      snapshot_id: w.snapshotId,
      service: w.service,
      environment: w.environment,
      taken_at: w.takenAt,
      settings_hash: hashes.get(serviceKey(w))!,
      transition: w.transition,
      host_count: stored?.hostCount ?? null,
      drifted_host_count: stored?.driftedHostCount ?? null,
      distinct_versions: stored?.distinctVersions ?? null,
    };
    const json = JSON.stringify(fields);
    return `${json.slice(0, -1)},"onsets":${w.onsets ? serialiseOnsets(w.onsets) : "null"},"summary":${stored?.summary ?? "null"},"detail":${stored?.detail ?? "null"}}`;
  });
  // A snapshot deleted while this ran has no row to hold (foreign key): the join skips it.
  await run(Prisma.sql`
    INSERT INTO service_analysis (snapshot_id, service, environment, taken_at, settings_hash, transition,
                                  host_count, drifted_host_count, distinct_versions, onsets, summary, detail)
    SELECT w.snapshot_id, w.service, w.environment, w.taken_at, w.settings_hash, w.transition,
           w.host_count, w.drifted_host_count, w.distinct_versions, w.onsets, w.summary, w.detail
    FROM json_to_recordset(${`[${rows.join(",")}]`}::json)
      AS w(snapshot_id text, service text, environment text, taken_at timestamptz, settings_hash text, transition json,
           host_count int, drifted_host_count int, distinct_versions int, onsets json, summary json, detail json)
    JOIN snapshot s ON s.id = w.snapshot_id
    ON CONFLICT (snapshot_id, service, environment) DO UPDATE SET
      settings_hash = EXCLUDED.settings_hash, transition = EXCLUDED.transition,
      host_count = EXCLUDED.host_count, drifted_host_count = EXCLUDED.drifted_host_count, distinct_versions = EXCLUDED.distinct_versions,
      onsets = EXCLUDED.onsets, summary = EXCLUDED.summary, detail = EXCLUDED.detail`);
}

/**
 * Forgets the analyses a snapshot at `takenAt` can change: those of its services from its time
 * on (their windows now include it, or no longer do). Run inside the ingest or delete transaction.
 */
export function forgetAnalysesFrom(services: readonly ServiceRef[], takenAt: Date): Prisma.Sql {
  return Prisma.sql`
    DELETE FROM service_analysis a
    USING unnest(${services.map((s) => s.service)}::text[], ${services.map((s) => s.environment)}::text[]) AS s(service, environment)
    WHERE a.service = s.service AND a.environment = s.environment AND a.taken_at >= ${takenAt}::timestamptz`;
}

function refOf(key: string): ServiceRef {
  const [service, environment] = JSON.parse(key) as [string, string];
  return { service, environment };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
