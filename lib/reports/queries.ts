import "server-only";
import { getDb } from "@/lib/db";
import { describeReportStatus, type ReportStatus } from "./expiry";
import { describeReportScope } from "./scope";
import { type ReportDocument, reportDocumentSchema, type ReportScope, reportScopeSchema } from "./schemas";
import { hashReportToken, isTokenMatch, isWellFormedToken } from "./tokens";

/** One shared report as the Reports page lists it. Never the token, never its hash. */
export interface ReportSummary {
  id: string;
  title: string;
  scope: ReportScope;
  /** The scope in words: "Services billing, web in production". */
  scopeDescription: string;
  snapshotIds: string[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  viewCount: number;
  lastViewedAt: string | null;
  status: ReportStatus;
}

const LIST_LIMIT = 1000;

/** Every shared report, newest first, with its scope, expiry and views. */
export async function listReports({ now = new Date() }: { now?: Date } = {}): Promise<ReportSummary[]> {
  const rows = await getDb().report.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: LIST_LIMIT,
    select: { id: true, title: true, scope: true, snapshotIds: true, createdAt: true, expiresAt: true, revokedAt: true, viewCount: true, lastViewedAt: true },
  });
  return rows.map((row) => {
    const parsed = reportScopeSchema.safeParse(row.scope);
    const scope = parsed.success ? parsed.data : {};
    return {
      id: row.id,
      title: row.title,
      scope,
      scopeDescription: describeReportScope(scope),
      snapshotIds: row.snapshotIds,
      createdAt: row.createdAt.toISOString(),
      expiresAt: row.expiresAt?.toISOString() ?? null,
      revokedAt: row.revokedAt?.toISOString() ?? null,
      viewCount: row.viewCount,
      lastViewedAt: row.lastViewedAt?.toISOString() ?? null,
      status: describeReportStatus(row, now),
    };
  });
}

/** What the holder of a link sees: the frozen document and when the link stops working. */
export interface SharedReport {
  title: string;
  createdAt: string;
  expiresAt: string | null;
  document: ReportDocument;
}

/**
 * The report a link opens, or null: unknown, malformed, revoked and expired tokens all answer
 * the same null, so a caller cannot tell them apart. With `recordView` (the page, not its
 * downloads or preview image) the view is counted in the same statement that checks the
 * link still works, so a view is never counted on a link revoked a moment before.
 */
export async function findReportByToken(token: string, options: { recordView?: boolean; now?: Date } = {}): Promise<SharedReport | null> {
  if (!isWellFormedToken(token)) return null;
  const now = options.now ?? new Date();
  const db = getDb();
  const row = await db.report.findUnique({
    where: { tokenHash: hashReportToken(token) },
    select: { id: true, tokenHash: true, title: true, document: true, createdAt: true, expiresAt: true, revokedAt: true },
  });
  if (!isActiveMatch(token, row, now)) return null;

  if (options.recordView) {
    const { count } = await db.report.updateMany({
      where: { id: row.id, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      data: { viewCount: { increment: 1 }, lastViewedAt: now },
    });
    if (count === 0) return null;
  }

  const document = reportDocumentSchema.safeParse(row.document);
  if (!document.success) throw new Error(`report ${row.id} has a document this version cannot read: ${document.error.message}`);
  return { title: row.title, createdAt: row.createdAt.toISOString(), expiresAt: row.expiresAt?.toISOString() ?? null, document: document.data };
}

/**
 * Whether a link works, without reading its document or counting a view: proxy.ts asks this
 * before the page streams, so a link that does not work answers a real 404 status.
 */
export async function isSharedReportAvailable(token: string, { now = new Date() }: { now?: Date } = {}): Promise<boolean> {
  if (!isWellFormedToken(token)) return false;
  const row = await getDb().report.findUnique({ where: { tokenHash: hashReportToken(token) }, select: { tokenHash: true, expiresAt: true, revokedAt: true } });
  return isActiveMatch(token, row, now);
}

/**
 * The row answers the token and still works. The lookup is by hash; the constant-time
 * comparison makes the check explicit and keeps any future change to the lookup from
 * turning into a byte-by-byte timing probe.
 */
function isActiveMatch<T extends { tokenHash: string; expiresAt: Date | null; revokedAt: Date | null }>(token: string, row: T | null, now: Date): row is T {
  return row !== null && isTokenMatch(token, row.tokenHash) && describeReportStatus(row, now) === "active";
}
