/**
 * When a report link works. A link works until it is revoked or its expiry passes; the
 * expiry is an instant fixed at creation, so "7 days" means 7 × 24 hours from sharing.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

export type ReportStatus = "active" | "expired" | "revoked";

/** The instant a report made now for `days` days stops working; null for never. */
export function computeExpiresAt(createdAt: Date, days: number | null | undefined): Date | null {
  if (days === null || days === undefined) return null;
  return new Date(createdAt.getTime() + days * DAY_MS);
}

/** Revoked wins over expired, so the list says what a user did rather than what time did. */
export function describeReportStatus(report: { revokedAt: Date | null; expiresAt: Date | null }, now: Date = new Date()): ReportStatus {
  if (report.revokedAt) return "revoked";
  if (report.expiresAt && report.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

export function isReportViewable(report: { revokedAt: Date | null; expiresAt: Date | null }, now: Date = new Date()): boolean {
  return describeReportStatus(report, now) === "active";
}
