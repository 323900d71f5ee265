import "server-only";
import { getDb, type RunSql } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { BaselineSource } from "./baseline";
import { type ChangeEvent, describeHostHistory, type HostHistoryEntry, type ServiceRole, type Verdict } from "./classification";
import { compareHosts, type SnapshotChange } from "./compare";
import { accumulateFleetTrend, type FleetTrendPoint, type ServiceTrendSample } from "./fleet-trend";
import { findSnapshotTime, HISTORY_LIMIT, loadManifests, loadServiceHistories, type ServiceRef, serviceKey, snapshotServiceKey } from "./load-history";
import { type Answer, cachedAnswer } from "./answers";
import { type AnalysisTarget, analyseWithoutStoring, ensureAnalyses, loadTransitions, prepareAnalyses } from "./store";
import { BUILT_IN_IGNORE_RULES } from "./ignore-rules";
import { DEFAULT_SERVICE_SETTINGS, type ServiceReport, type ServiceSettings, withoutIgnoredComponents } from "./service-report";
import type { AnalysisHost, ServiceSnapshot } from "./types";

const BASELINE_SOURCES: readonly BaselineSource[] = ["majority", "declared", "previous"];
const VERDICTS: readonly Verdict[] = ["immutable", "mutable", "mixed", "unknown"];

/** Users' settings for the given services (all services when none are named). */
export async function loadServiceSettings(refs?: ServiceRef[]): Promise<Map<string, ServiceSettings>> {
  const db = getDb();
  const services = refs ? [...new Set(refs.map((r) => r.service))] : undefined;
  const [settings, pins, rules] = await Promise.all([
    db.serviceSetting.findMany({ where: services ? { service: { in: services } } : {} }),
    db.declaredBaseline.findMany({ where: services ? { service: { in: services } } : {}, select: { service: true, environment: true, component: true, version: true } }),
    db.ignoreRule.findMany({ orderBy: { createdAt: "asc" }, select: { pattern: true, service: true, environment: true, reason: true } }),
  ]);
  const result = new Map<string, ServiceSettings>();
  const settingsFor = (ref: ServiceRef) => {
    const key = serviceKey(ref);
    let entry = result.get(key);
    if (!entry) {
      entry = {
        ...DEFAULT_SERVICE_SETTINGS,
        declared: {},
        ignoreRules: rules.filter((r) => (r.service === null || r.service === ref.service) && (r.environment === null || r.environment === ref.environment)),
      };
      result.set(key, entry);
    }
    return entry;
  };
  for (const ref of refs ?? []) settingsFor(ref);
  for (const row of settings) {
    const entry = settingsFor(row);
    if (BASELINE_SOURCES.includes(row.baselineSource as BaselineSource)) entry.baselineSource = row.baselineSource as BaselineSource;
    if (row.roleOverride === "stateful" || row.roleOverride === "stateless") entry.roleOverride = row.roleOverride;
    if (row.verdictOverride && VERDICTS.includes(row.verdictOverride as Verdict)) {
      entry.verdictOverride = { verdict: row.verdictOverride as Verdict, reason: row.verdictReason ?? "" };
    }
  }
  for (const pin of pins) settingsFor(pin).declared[pin.component] = pin.version;
  return result;
}

function settingsOf(settings: Map<string, ServiceSettings>, ref: ServiceRef): ServiceSettings {
  return settings.get(serviceKey(ref)) ?? { ...DEFAULT_SERVICE_SETTINGS, ignoreRules: [] };
}

async function resolveUntil(snapshotId: string | undefined): Promise<Date | undefined> {
  if (!snapshotId) return undefined;
  const until = await findSnapshotTime(snapshotId);
  if (!until) throw new AppError("not_found", { message: `no snapshot with id "${snapshotId}"` });
  return until;
}

export interface ServiceSummary {
  name: string;
  environment: string;
  role: ServiceRole;
  hostCount: number;
  driftedHostCount: number;
  snowflakeCount: number;
  spreadComponentCount: number;
  snapshotId: string;
  takenAt: string;
  classification: ServiceReport["classification"];
  isMigrationCandidate: boolean;
  nextStep: ServiceReport["nextStep"];
}

/** Every service's current state (or as of `snapshotId`), with its drift counts and verdict. */
export async function listServices(options: { environment?: string; snapshotId?: string } = {}): Promise<ServiceSummary[]> {
  return JSON.parse((await cachedAnswer(["services", options.environment, options.snapshotId], () => computeServiceList(options))).json) as ServiceSummary[];
}

/** `GET /api/services`'s answer. */
export function listServicesAnswer(options: { environment?: string; snapshotId?: string } = {}): Promise<Answer> {
  // Built from the kept list, so the services are analysed once per generation, not per answer.
  return cachedAnswer(["services-api", options.environment, options.snapshotId], async () => ({ services: await listServices(options) }));
}

async function computeServiceList(options: { environment?: string; snapshotId?: string }): Promise<ServiceSummary[]> {
  const until = await resolveUntil(options.snapshotId);
  const targets = await findLatestSnapshots({ environment: options.environment, until });
  const analyses = await ensureAnalyses(targets, await settingsFor(targets));
  return targets
    .map((target) => JSON.parse(analyses.get(snapshotServiceKey(target))!.summary) as ServiceSummary)
    .sort((a, b) => a.name.localeCompare(b.name) || a.environment.localeCompare(b.environment));
}

/** Each service's newest snapshot (up to `until`). */
async function findLatestSnapshots(filter: { environment?: string; until?: Date }): Promise<AnalysisTarget[]> {
  const rows = await getDb().$queryRaw<Array<{ service: string; environment: string; snapshot_id: string }>>`
    SELECT DISTINCT ON (service, environment) service, environment, snapshot_id
    FROM snapshot_service
    WHERE (${filter.environment ?? null}::text IS NULL OR environment = ${filter.environment ?? null})
      AND (${filter.until ?? null}::timestamptz IS NULL OR taken_at <= ${filter.until ?? null})
    ORDER BY service, environment, taken_at DESC, snapshot_id DESC`;
  return rows.map((row) => ({ service: row.service, environment: row.environment, snapshotId: row.snapshot_id }));
}

/**
 * Analyses the services of a snapshot while it is being stored, so that pages and APIs read
 * them by index. Each service normally takes one step from its previous snapshot's stored
 * analysis. Returns the function that stores the analyses, in the snapshot's transaction.
 */
export async function prepareSnapshotAnalyses(
  snapshot: { id: string; takenAt: Date },
  services: readonly ServiceRef[],
  preloaded: ReadonlyMap<string, ServiceSnapshot>,
): Promise<(run: RunSql) => Promise<void>> {
  const settings = await settingsFor(services);
  return prepareAnalyses({ snapshotId: snapshot.id, takenAt: snapshot.takenAt.toISOString() }, services, settings, preloaded);
}

/** Settings for every service among the targets, defaults included. */
async function settingsFor(refs: readonly ServiceRef[]): Promise<Map<string, ServiceSettings>> {
  const loaded = await loadServiceSettings([...refs]);
  return new Map(refs.map((ref) => [serviceKey(ref), settingsOf(loaded, ref)]));
}

/** The environments a service runs in, newest first. */
export async function listServiceEnvironments(service: string): Promise<string[]> {
  const rows = await getDb().snapshotService.groupBy({
    by: ["environment"],
    where: { service },
    _max: { takenAt: true },
    orderBy: { _max: { takenAt: "desc" } },
  });
  return rows.map((r) => r.environment);
}

/** Picks the environment when the caller named none and the service runs in exactly one. */
export async function resolveServiceEnvironment(service: string, environment: string | undefined): Promise<string> {
  return pickServiceEnvironment(service, environment, await listServiceEnvironments(service));
}

function pickServiceEnvironment(service: string, environment: string | undefined, environments: string[]): string {
  if (environments.length === 0) throw new AppError("not_found", { message: `no service named "${service}"` });
  if (environment) {
    if (!environments.includes(environment)) {
      throw new AppError("not_found", { message: `service "${service}" has no hosts in environment "${environment}" (it runs in ${environments.join(", ")})` });
    }
    return environment;
  }
  if (environments.length > 1) {
    throw new AppError("invalid_input", {
      message: `service "${service}" runs in several environments (${environments.join(", ")}); add ?environment=`,
      path: "environment",
    });
  }
  return environments[0]!;
}

export interface ServiceDetail extends Omit<ServiceReport, "onsets" | "hosts"> {
  hosts: Array<
    Omit<ServiceReport["hosts"][number], "drift"> & {
      image: string | null;
      launchedAt: string | null;
      drift: Array<ServiceReport["hosts"][number]["drift"][number] & { since: string | null; sinceSnapshotId: string | null }>;
    }
  >;
  declared: Record<string, string>;
  ignoreRules: Array<{ pattern: string; service: string | null; reason: string; isBuiltIn: boolean }>;
  environments: string[];
  /** Snapshots of this service, newest first, for the look-back picker. */
  history: Array<{ snapshotId: string; takenAt: string; hostCount: number }>;
}

/** One service analysed in full: drift with onset, spread, snowflakes, classification. */
export async function getServiceDetail(options: ServiceDetailOptions): Promise<ServiceDetail> {
  return JSON.parse((await getServiceDetailAnswer(options)).json) as ServiceDetail;
}

interface ServiceDetailOptions {
  service: string;
  environment?: string;
  snapshotId?: string;
  baseline?: BaselineSource;
}

/** `GET /api/services/{name}`'s answer. */
export function getServiceDetailAnswer(options: ServiceDetailOptions): Promise<Answer> {
  const key = ["service", options.service, options.environment, options.snapshotId, options.baseline];
  return cachedAnswer(key, () => computeServiceDetail(options));
}

async function computeServiceDetail(options: ServiceDetailOptions): Promise<ServiceDetail> {
  const environments = await listServiceEnvironments(options.service);
  const environment = pickServiceEnvironment(options.service, options.environment, environments);
  const until = await resolveUntil(options.snapshotId);
  const ref = { service: options.service, environment };
  const history = await getDb().$queryRaw<Array<{ snapshot_id: string; taken_at: Date; host_count: number }>>`
    SELECT snapshot_id, taken_at, host_count FROM snapshot_service
    WHERE service = ${ref.service} AND environment = ${ref.environment}
      AND (${until ?? null}::timestamptz IS NULL OR taken_at <= ${until ?? null})
    ORDER BY taken_at DESC, snapshot_id DESC
    LIMIT ${HISTORY_LIMIT}`;
  if (history.length === 0) throw new AppError("not_found", { message: `service "${options.service}" has no snapshot at or before that time` });
  const target = { ...ref, snapshotId: history[0]!.snapshot_id };
  const settings = await settingsFor([ref]);
  const baseline = options.baseline ?? settings.get(serviceKey(ref))!.baselineSource;
  // Another baseline than the service's own is a what-if: analysed for this answer, not stored.
  const analysis =
    baseline === settings.get(serviceKey(ref))!.baselineSource
      ? (await ensureAnalyses([target], settings, { readDetail: true })).get(snapshotServiceKey(target))!
      : await analyseWithoutStoring(target, { ...settings.get(serviceKey(ref))!, baselineSource: baseline });
  const detail = JSON.parse(analysis.detail!) as Omit<ServiceDetail, "environments" | "history">;
  return {
    ...detail,
    environments,
    history: history.map((row) => ({ snapshotId: row.snapshot_id, takenAt: row.taken_at.toISOString(), hostCount: row.host_count })),
  };
}

/**
 * The service's mutations, replacements and scale events in time order, over the window the
 * classification looks at, from the stored transitions: the same events its verdict counts
 * (volatile facts and ignored components left out).
 */
export async function getServiceTimeline(options: { service: string; environment?: string }): Promise<ChangeEvent[]> {
  const ref = { service: options.service, environment: await resolveServiceEnvironment(options.service, options.environment) };
  return JSON.parse((await cachedAnswer(["timeline", ref.service, ref.environment], () => computeServiceTimeline(ref))).json) as ChangeEvent[];
}

async function computeServiceTimeline(ref: ServiceRef): Promise<ChangeEvent[]> {
  const rows = await getDb().$queryRaw<Array<{ snapshot_id: string }>>`
    SELECT snapshot_id FROM snapshot_service WHERE service = ${ref.service} AND environment = ${ref.environment}
    ORDER BY taken_at DESC, snapshot_id DESC LIMIT ${HISTORY_LIMIT}`;
  const targets = rows.reverse().map((row) => ({ ...ref, snapshotId: row.snapshot_id }));
  await ensureAnalyses(targets, await settingsFor([ref]));
  // The window's first snapshot's transition comes from before the window.
  const transitions = await loadTransitions(targets.slice(1));
  return targets.slice(1).flatMap((target) => transitions.get(snapshotServiceKey(target)) ?? []);
}

export interface FleetSummary {
  services: number;
  hosts: number;
  driftedHosts: number;
  snowflakes: number;
  spreadComponents: number;
  byVerdict: Record<Verdict, number>;
  migrationCandidates: string[];
  /** Compute vs data: verdict counts per role, for the hybrid picture. */
  byRole: Record<ServiceRole, Record<Verdict, number>>;
  environments: string[];
  serviceSummaries: ServiceSummary[];
}

/** Fleet health at a glance, built from every service's current state. */
export async function getFleetSummary(options: { environment?: string; snapshotId?: string } = {}): Promise<FleetSummary> {
  return JSON.parse((await cachedAnswer(["fleet", options.environment, options.snapshotId], () => computeFleetSummary(options))).json) as FleetSummary;
}

/** `GET /api/fleet`'s answer: the summary without the per-service list. */
export function getFleetSummaryAnswer(options: { environment?: string; snapshotId?: string } = {}): Promise<Answer> {
  return cachedAnswer(["fleet-api", options.environment, options.snapshotId], async () => {
    const { serviceSummaries: _perService, ...fleet } = await getFleetSummary(options);
    return fleet;
  });
}

async function computeFleetSummary(options: { environment?: string; snapshotId?: string }): Promise<FleetSummary> {
  const [services, environmentRows] = await Promise.all([
    listServices(options),
    getDb().snapshotService.findMany({ distinct: ["environment"], select: { environment: true }, orderBy: { environment: "asc" } }),
  ]);
  const emptyVerdicts = (): Record<Verdict, number> => ({ immutable: 0, mutable: 0, mixed: 0, unknown: 0 });
  const byVerdict = emptyVerdicts();
  const byRole: Record<ServiceRole, Record<Verdict, number>> = { stateless: emptyVerdicts(), stateful: emptyVerdicts() };
  for (const service of services) {
    byVerdict[service.classification.verdict] += 1;
    byRole[service.role][service.classification.verdict] += 1;
  }
  return {
    services: services.length,
    hosts: sum(services.map((s) => s.hostCount)),
    driftedHosts: sum(services.map((s) => s.driftedHostCount)),
    snowflakes: sum(services.map((s) => s.snowflakeCount)),
    spreadComponents: sum(services.map((s) => s.spreadComponentCount)),
    byVerdict,
    migrationCandidates: services.filter((s) => s.isMigrationCandidate).map((s) => s.name),
    byRole,
    environments: environmentRows.map((r) => r.environment),
    serviceSummaries: services,
  };
}

export type { FleetTrendPoint } from "./fleet-trend";

/**
 * Fleet health over time: at each snapshot, the drifted hosts and distinct versions of the
 * whole fleet as it stood then. Snapshots may each cover part of the fleet, so a service
 * counts with its latest snapshot up to that time (as the headline figures do); summing
 * only the services one upload covered made the trend jump between uploads of different tools.
 */
export async function getFleetTrend(options: { environment?: string } = {}): Promise<FleetTrendPoint[]> {
  return JSON.parse((await cachedAnswer(["trend", options.environment], () => computeFleetTrend(options))).json) as FleetTrendPoint[];
}

async function computeFleetTrend(options: { environment?: string }): Promise<FleetTrendPoint[]> {
  const rows = await getDb().$queryRaw<Array<{ service: string; environment: string; snapshot_id: string; taken_at: Date }>>`
    SELECT service, environment, snapshot_id, taken_at FROM (
      SELECT service, environment, snapshot_id, taken_at,
             row_number() OVER (PARTITION BY service, environment ORDER BY taken_at DESC, snapshot_id DESC) AS age
      FROM snapshot_service
      WHERE (${options.environment ?? null}::text IS NULL OR environment = ${options.environment ?? null})
    ) ranked
    WHERE age <= ${HISTORY_LIMIT}
    ORDER BY service, environment, taken_at, snapshot_id`;
  const targets = rows.map((row) => ({ service: row.service, environment: row.environment, snapshotId: row.snapshot_id }));
  const analyses = await ensureAnalyses(targets, await settingsFor(targets));
  const perService = new Map<string, ServiceTrendSample[]>();
  rows.forEach((row, index) => {
    const analysis = analyses.get(snapshotServiceKey(targets[index]!))!;
    const samples = perService.get(serviceKey(row)) ?? [];
    samples.push({
      snapshotId: row.snapshot_id,
      takenAt: row.taken_at.toISOString(),
      hosts: analysis.hostCount,
      driftedHosts: analysis.driftedHostCount,
      distinctVersions: analysis.distinctVersions,
    });
    perService.set(serviceKey(row), samples);
  });
  return accumulateFleetTrend(perService.values());
}

/** What changed between two snapshots, per service and host. */
export async function compareSnapshots({ from, to }: { from: string; to: string }): Promise<{ changes: SnapshotChange[] }> {
  const [before, after] = await Promise.all([loadSnapshotHosts(from), loadSnapshotHosts(to)]);
  // Volatile facts (uptime, free memory) and user-ignored components change on every
  // collection: unfiltered, every long-lived host would read as mutated in place, unlike
  // in the classification and the timeline, which ignore them too.
  const refs = new Map([...before, ...after].map((h) => [serviceKey(h), { service: h.service, environment: h.environment }]));
  const settings = await loadServiceSettings([...refs.values()]);
  const withoutIgnored = (hosts: AnalysisHost[]) => {
    const byService = new Map<string, AnalysisHost[]>();
    for (const host of hosts) {
      const key = serviceKey(host);
      const list = byService.get(key);
      if (list) list.push(host);
      else byService.set(key, [host]);
    }
    return [...byService].flatMap(([key, serviceHosts]) => {
      const ref = refs.get(key)!;
      const rules = [...BUILT_IN_IGNORE_RULES, ...settingsOf(settings, ref).ignoreRules];
      return withoutIgnoredComponents([{ snapshotId: "", takenAt: "", hosts: serviceHosts }], rules, ref.service)[0]!.hosts;
    });
  };
  return { changes: compareHosts(withoutIgnored(before), withoutIgnored(after)) };
}

async function loadSnapshotHosts(snapshotId: string): Promise<AnalysisHost[]> {
  const rows = await getDb().host.findMany({
    where: { snapshotId },
    select: { hostKey: true, service: true, environment: true, role: true, image: true, launchedAt: true, manifestHash: true },
  });
  if (rows.length === 0 && !(await findSnapshotTime(snapshotId))) {
    throw new AppError("not_found", { message: `no snapshot with id "${snapshotId}"` });
  }
  const manifests = await loadManifests([...new Set(rows.map((r) => r.manifestHash))]);
  return rows.map((row) => ({ ...row, launchedAt: row.launchedAt?.toISOString() ?? null, components: manifests.get(row.manifestHash) ?? {} }));
}

export interface HostDetail {
  hostKey: string;
  service: string;
  environment: string;
  /** The host's current components against the service's baseline. */
  current: ServiceDetail["hosts"][number] | null;
  components: Array<{ name: string; version: string | null; baseline: string | null }>;
  history: HostHistoryEntry[];
  sightings: Array<{ snapshotId: string; takenAt: string; image: string | null; manifestHash: string }>;
}

/** One host: its components against the baseline, and its history snapshot by snapshot. */
export async function getHostDetail({ hostKey, environment }: { hostKey: string; environment?: string }): Promise<HostDetail> {
  const latest = await getDb().host.findFirst({
    where: { hostKey, ...(environment ? { environment } : {}) },
    orderBy: { snapshot: { takenAt: "desc" } },
    select: { service: true, environment: true },
  });
  if (!latest) throw new AppError("not_found", { message: `no host "${hostKey}"` });
  const ref = { service: latest.service, environment: latest.environment };
  const [histories, detail] = await Promise.all([loadServiceHistories(ref), getServiceDetail(ref)]);
  const history: ServiceSnapshot[] = histories.get(serviceKey(ref)) ?? [];
  const current = detail.hosts.find((h) => h.hostKey === hostKey) ?? null;
  const latestHost = [...history].reverse().flatMap((s) => s.hosts).find((h) => h.hostKey === hostKey);
  const baseline = new Map(detail.components.map((c) => [c.name, c.baseline]));
  const names = new Set([...Object.keys(latestHost?.components ?? {}), ...[...baseline].filter(([, v]) => v !== null).map(([n]) => n)]);
  return {
    hostKey,
    ...ref,
    current,
    components: [...names].sort().map((name) => ({
      name,
      version: latestHost && Object.hasOwn(latestHost.components, name) ? latestHost.components[name]! : null,
      baseline: baseline.get(name) ?? null,
    })),
    history: describeHostHistory(hostKey, history),
    sightings: history.flatMap((s) =>
      s.hosts.filter((h) => h.hostKey === hostKey).map((h) => ({ snapshotId: s.snapshotId, takenAt: s.takenAt, image: h.image ?? null, manifestHash: h.manifestHash })),
    ),
  };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** The user's ignore rules, oldest first. */
export async function listIgnoreRules() {
  return getDb().ignoreRule.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, pattern: true, service: true, environment: true, reason: true, createdAt: true },
  });
}
