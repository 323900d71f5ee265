import "server-only";
import { getDb } from "@/lib/db";
import { compareSnapshots, getServiceDetail } from "@/lib/analysis/queries";
import { AppError } from "@/lib/errors";
import { computeExpiresAt } from "./expiry";
import { buildComparisonDocument, buildServicesDocument, freezeComparison, freezeService } from "./freeze";
import type { CreateReportData, ReportDocument, ReportScope, ReportSnapshot } from "./schemas";
import { generateReportToken, hashReportToken } from "./tokens";

/** Most services a report may freeze at once; beyond it, share an environment or named services. */
export const MAX_REPORT_SERVICES = 500;

/** How many services are analysed at the same time while freezing (each holds a few queries). */
const FREEZE_CONCURRENCY = 4;

export interface CreatedReport {
  id: string;
  /** `/r/{token}`, absolute when the origin is known. The only place the token ever appears. */
  url: string;
  expiresAt: string | null;
}

/**
 * Shares a report: computes the analysis for the scope once, stores it as an immutable
 * document with the snapshots it came from, and returns the link. Only the token's hash is
 * stored, so the link cannot be shown again later.
 */
export async function createReport(input: CreateReportData, options: { origin?: string; now?: Date } = {}): Promise<CreatedReport> {
  const now = options.now ?? new Date();
  const document = input.scope.compare ? await freezeComparisonReport(input.title, input.scope, now) : await freezeServicesReport(input.title, input.scope, now);
  const token = generateReportToken();
  const expiresAt = computeExpiresAt(now, input.expiresInDays);
  const report = await getDb().report.create({
    data: {
      tokenHash: hashReportToken(token),
      title: input.title,
      scope: input.scope,
      document,
      snapshotIds: document.snapshots.map((s) => s.id),
      createdAt: now,
      expiresAt,
    },
    select: { id: true },
  });
  return { id: report.id, url: buildReportUrl(token, options.origin), expiresAt: expiresAt?.toISOString() ?? null };
}

export function buildReportUrl(token: string, origin?: string): string {
  return `${origin ? origin.replace(/\/+$/, "") : ""}/r/${token}`;
}

/** Stops a link working at once. Revoking twice is fine; an unknown id is a 404. */
export async function revokeReport({ id, now = new Date() }: { id: string; now?: Date }): Promise<void> {
  const db = getDb();
  const { count } = await db.report.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
  if (count === 0 && !(await db.report.findUnique({ where: { id }, select: { id: true } }))) {
    throw new AppError("not_found", { message: `no report with id "${id}"` });
  }
}

async function freezeServicesReport(title: string, scope: ReportScope, now: Date): Promise<ReportDocument> {
  const refs = await listScopedServices(scope);
  // Each service is analysed as of the snapshot that was its newest when sharing began, so an
  // upload arriving while a large report is frozen cannot leave it half old, half new.
  const services = await mapWithConcurrency(refs, FREEZE_CONCURRENCY, async (ref) =>
    freezeService(await getServiceDetail({ service: ref.service, environment: ref.environment, snapshotId: ref.snapshotId })),
  );
  const snapshots = await loadSnapshots(services.map((s) => s.snapshotId));
  return buildServicesDocument({ title, scope, takenAt: now, snapshots, services });
}

async function freezeComparisonReport(title: string, scope: ReportScope, now: Date): Promise<ReportDocument> {
  const compare = scope.compare!;
  const { changes } = await compareSnapshots({ from: compare.from, to: compare.to });
  const comparison = freezeComparison(changes, { ...compare, services: scope.services, environment: scope.environment });
  const snapshots = await loadSnapshots([compare.from, compare.to]);
  return buildComparisonDocument({ title, scope, takenAt: now, snapshots, comparison });
}

interface ScopedService {
  service: string;
  environment: string;
  snapshotId: string;
}

/** The services (per environment) a scope covers, each with its newest snapshot. */
async function listScopedServices(scope: ReportScope): Promise<ScopedService[]> {
  const rows = await getDb().snapshotService.findMany({
    where: {
      ...(scope.services ? { service: { in: scope.services } } : {}),
      ...(scope.environment ? { environment: scope.environment } : {}),
    },
    orderBy: [{ takenAt: "desc" }, { snapshotId: "desc" }],
    distinct: ["service", "environment"],
    select: { service: true, environment: true, snapshotId: true },
  });
  const where = scope.environment ? ` in environment "${scope.environment}"` : "";
  const found = new Set(rows.map((r) => r.service));
  const missing = scope.services?.filter((name) => !found.has(name)) ?? [];
  if (missing.length > 0) {
    throw new AppError("not_found", { message: `no service named ${missing.map((m) => `"${m}"`).join(", ")}${where}`, path: "scope.services" });
  }
  if (rows.length === 0) {
    if (scope.environment) throw new AppError("not_found", { message: `no services${where}`, path: "scope.environment" });
    throw new AppError("invalid_input", { message: "there is nothing to share yet: upload a snapshot first", path: "scope" });
  }
  if (rows.length > MAX_REPORT_SERVICES) {
    throw new AppError("invalid_input", {
      message: `the scope covers ${rows.length} services, more than one report holds (${MAX_REPORT_SERVICES}): share an environment or chosen services`,
      path: "scope",
    });
  }
  return rows;
}

async function loadSnapshots(ids: readonly string[]): Promise<ReportSnapshot[]> {
  const rows = await getDb().snapshot.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, takenAt: true, source: true },
  });
  return rows.map((r) => ({ id: r.id, takenAt: r.takenAt.toISOString(), source: r.source }));
}

async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
