import { describe, expect, it } from "vitest";
import { computeExpiresAt, describeReportStatus, isReportViewable } from "./expiry";

const created = new Date("2026-03-01T12:00:00.000Z");

describe("computeExpiresAt", () => {
  it("is null for never (absent or null days)", () => {
    expect(computeExpiresAt(created, undefined)).toBeNull();
    expect(computeExpiresAt(created, null)).toBeNull();
  });

  it("is N whole days of 24 hours after creation", () => {
    expect(computeExpiresAt(created, 1)?.toISOString()).toBe("2026-03-02T12:00:00.000Z");
    expect(computeExpiresAt(created, 30)?.toISOString()).toBe("2026-03-31T12:00:00.000Z");
  });
});

describe("describeReportStatus", () => {
  const expiresAt = new Date("2026-03-08T12:00:00.000Z");

  it("is active before the expiry and when there is none", () => {
    expect(describeReportStatus({ revokedAt: null, expiresAt }, new Date("2026-03-08T11:59:59.999Z"))).toBe("active");
    expect(describeReportStatus({ revokedAt: null, expiresAt: null }, new Date("2099-01-01T00:00:00Z"))).toBe("active");
  });

  it("is expired from the expiry instant on", () => {
    expect(describeReportStatus({ revokedAt: null, expiresAt }, expiresAt)).toBe("expired");
    expect(describeReportStatus({ revokedAt: null, expiresAt }, new Date("2026-04-01T00:00:00Z"))).toBe("expired");
  });

  it("says revoked even when the link has expired too", () => {
    const revokedAt = new Date("2026-03-02T00:00:00Z");
    expect(describeReportStatus({ revokedAt, expiresAt }, new Date("2026-03-03T00:00:00Z"))).toBe("revoked");
    expect(describeReportStatus({ revokedAt, expiresAt }, new Date("2026-04-01T00:00:00Z"))).toBe("revoked");
  });

  it("makes only active reports viewable", () => {
    const now = new Date("2026-03-05T00:00:00Z");
    expect(isReportViewable({ revokedAt: null, expiresAt }, now)).toBe(true);
    expect(isReportViewable({ revokedAt: now, expiresAt: null }, now)).toBe(false);
    expect(isReportViewable({ revokedAt: null, expiresAt: now }, now)).toBe(false);
  });
});
