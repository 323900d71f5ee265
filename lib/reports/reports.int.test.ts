import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createIgnoreRule, updateServiceBaseline } from "@/lib/analysis/mutations";
import { getDb } from "@/lib/db";
import { generateDesignExampleSnapshot } from "@/lib/demo/demo-fleet";
import { AppError } from "@/lib/errors";
import { ingestSnapshot } from "@/lib/snapshots/mutations";
import type { CanonicalSnapshot } from "@/lib/snapshots/schemas";
import { createReport, revokeReport } from "./mutations";
import { findReportByToken, isSharedReportAvailable, listReports } from "./queries";
import { createReportInputSchema, type CreateReportInput } from "./schemas";
import { generateReportToken, hashReportToken } from "./tokens";

/** DESIGN.md's three web servers (web-c lacks the agent), renamed so each test has a service of its own. */
function uniqueFleet(options: { takenAt?: string; environment?: string } = {}): { snapshot: CanonicalSnapshot; service: string; tag: string } {
  const tag = randomUUID().slice(0, 8);
  const base = generateDesignExampleSnapshot();
  const service = `web-${tag}`;
  return {
    tag,
    service,
    snapshot: {
      ...base,
      takenAt: options.takenAt ?? base.takenAt,
      environment: options.environment ?? base.environment,
      hosts: base.hosts.map((h) => ({ ...h, hostKey: `${h.hostKey}-${tag}`, service })),
    },
  };
}

function tokenOf(url: string): string {
  return url.slice(url.lastIndexOf("/") + 1);
}

async function share(input: CreateReportInput, options: { now?: Date } = {}) {
  return createReport(createReportInputSchema.parse(input), { origin: "https://driftboard.example", ...options });
}

describe("shared reports against Postgres", () => {
  it("answers an absolute link with an unguessable token, and the link opens the report", async () => {
    const { snapshot, service } = uniqueFleet();
    const { id: snapshotId } = await ingestSnapshot({ snapshot, format: "json" });
    const created = await share({ title: "Web drift", scope: { services: [service] }, expiresInDays: 7 });
    expect(created.url).toMatch(/^https:\/\/driftboard\.example\/r\/[A-Za-z0-9_-]{43}$/);
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(created.expiresAt!) - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);

    const report = await findReportByToken(tokenOf(created.url));
    expect(report?.title).toBe("Web drift");
    expect(report?.document.kind).toBe("services");
    if (report?.document.kind !== "services") return;
    expect(report.document.snapshots.map((s) => s.id)).toEqual([snapshotId]);
    const [frozen] = report.document.services;
    expect(frozen).toMatchObject({ name: service, hostCount: 3, snowflakeCount: 1, snapshotId });
    expect(frozen?.hosts.find((h) => h.isSnowflake)?.snowflakeReasons[0]).toMatch(/^missing monitoring-agent/);
  });

  it("freezes the analysis: a later upload, a pinned baseline and an ignore rule do not change the report", async () => {
    const { snapshot, service, tag } = uniqueFleet({ takenAt: "2026-05-01T00:00:00Z" });
    const first = await ingestSnapshot({ snapshot, format: "json" });
    const created = await share({ title: "Before the patch run", scope: { services: [service] } });
    const token = tokenOf(created.url);
    const before = await findReportByToken(token);
    const row = await getDb().report.findUniqueOrThrow({ where: { id: created.id }, select: { snapshotIds: true } });
    expect(row.snapshotIds).toEqual([first.id]);

    // Everyone patched, the agent installed everywhere, a new host: the live analysis changes.
    const patched: CanonicalSnapshot = {
      ...snapshot,
      takenAt: "2026-05-08T00:00:00Z",
      hosts: [
        ...snapshot.hosts.map((h) => ({ ...h, components: { nginx: "1.26", node: "22", "monitoring-agent": "4" } })),
        { hostKey: `web-d-${tag}`, service, components: { nginx: "1.26", node: "22", "monitoring-agent": "4", strace: "6.1" }, config: {} },
      ],
    };
    const second = await ingestSnapshot({ snapshot: patched, format: "json" });
    expect(second.created).toBe(true);
    await updateServiceBaseline(service, { source: "declared", pins: { nginx: "1.22" } });
    await createIgnoreRule({ pattern: "node", service, reason: "tracked elsewhere" });

    const after = await findReportByToken(token);
    expect(after?.document).toEqual(before?.document);
    expect(JSON.stringify(after?.document)).not.toContain(second.id);

    // A new report does see the new state, so the check above is not vacuous.
    const fresh = await findReportByToken(tokenOf((await share({ title: "After", scope: { services: [service] } })).url));
    expect(fresh?.document.snapshots.map((s) => s.id)).toEqual([second.id]);
    if (fresh?.document.kind === "services") expect(fresh.document.services[0]?.hostCount).toBe(4);
  });

  it("stores no usable token: only its SHA-256, in no column as the token or any encoding of it", async () => {
    const { snapshot, service } = uniqueFleet();
    await ingestSnapshot({ snapshot, format: "json" });
    const created = await share({ title: "Hash only", scope: { services: [service] } });
    const token = tokenOf(created.url);
    const [stored] = await getDb().$queryRaw<Array<{ row: string }>>`SELECT row_to_json(r)::text AS row FROM report r WHERE id = ${created.id}`;
    const text = stored!.row;
    const raw = Buffer.from(token, "base64url");
    for (const form of [token, raw.toString("hex"), raw.toString("base64"), raw.toString("base64url"), created.url]) expect(text).not.toContain(form);
    const row = await getDb().report.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashReportToken(token));
    // The hash does not open the report: it is not a token.
    expect(await findReportByToken(row.tokenHash)).toBeNull();
    expect(await findReportByToken(Buffer.from(row.tokenHash, "hex").toString("base64url"))).toBeNull();
  });

  it("revokes at once: the link then answers exactly as an unknown one", async () => {
    const { snapshot, service } = uniqueFleet();
    await ingestSnapshot({ snapshot, format: "json" });
    const created = await share({ title: "To revoke", scope: { services: [service] } });
    const token = tokenOf(created.url);
    expect(await findReportByToken(token)).not.toBeNull();

    expect(await isSharedReportAvailable(token)).toBe(true);
    await revokeReport({ id: created.id });
    expect(await isSharedReportAvailable(token)).toBe(false);
    expect(await findReportByToken(token)).toBeNull();
    expect(await findReportByToken(token, { recordView: true })).toBeNull();
    expect(await findReportByToken(generateReportToken())).toBeNull();
    await revokeReport({ id: created.id }); // twice is fine

    const listed = (await listReports()).find((r) => r.id === created.id);
    expect(listed).toMatchObject({ status: "revoked", viewCount: 0 });
    expect(listed?.revokedAt).not.toBeNull();
    await expect(revokeReport({ id: randomUUID() })).rejects.toMatchObject({ code: "not_found" });
  });

  it("expires: after its expiry the link is null like an unknown one, and views stop counting", async () => {
    const { snapshot, service } = uniqueFleet();
    await ingestSnapshot({ snapshot, format: "json" });
    const tenDaysAgo = new Date(Date.now() - 10 * 24 * 3600 * 1000);
    const expired = await share({ title: "Expired", scope: { services: [service] }, expiresInDays: 1 }, { now: tenDaysAgo });
    const active = await share({ title: "Still active", scope: { services: [service] }, expiresInDays: 30 }, { now: tenDaysAgo });

    expect(await findReportByToken(tokenOf(expired.url), { recordView: true })).toBeNull();
    expect(await isSharedReportAvailable(tokenOf(expired.url))).toBe(false);
    expect(await isSharedReportAvailable(generateReportToken())).toBe(false);
    expect(await findReportByToken(tokenOf(active.url))).not.toBeNull();
    // The same link, looked at from before its expiry, still worked: the boundary is the instant.
    expect(await findReportByToken(tokenOf(expired.url), { now: new Date(tenDaysAgo.getTime() + 3600 * 1000) })).not.toBeNull();

    const reports = await listReports();
    expect(reports.find((r) => r.id === expired.id)).toMatchObject({ status: "expired", viewCount: 0, lastViewedAt: null });
    expect(reports.find((r) => r.id === active.id)?.status).toBe("active");
  });

  it("counts page views and when the last one was, and lists reports without tokens or hashes", async () => {
    const { snapshot, service } = uniqueFleet();
    await ingestSnapshot({ snapshot, format: "json" });
    const created = await share({ title: "Counted", scope: { services: [service] } });
    const token = tokenOf(created.url);
    await findReportByToken(token); // a download: not a view
    await findReportByToken(token, { recordView: true });
    const viewedAt = new Date("2030-01-01T00:00:00.000Z");
    await findReportByToken(token, { recordView: true, now: viewedAt });

    const reports = await listReports();
    const listed = reports.find((r) => r.id === created.id);
    expect(listed).toMatchObject({ viewCount: 2, lastViewedAt: viewedAt.toISOString(), scopeDescription: `Service ${service}`, status: "active" });
    const row = await getDb().report.findUniqueOrThrow({ where: { id: created.id }, select: { tokenHash: true } });
    const text = JSON.stringify(reports);
    expect(text).not.toContain(token);
    expect(text).not.toContain(row.tokenHash);
    expect(Object.keys(listed!)).not.toContain("tokenHash");
  });

  it("shares an environment, and a comparison of two snapshots", async () => {
    const environment = `env-${randomUUID().slice(0, 8)}`;
    const { snapshot, service } = uniqueFleet({ environment, takenAt: "2026-06-01T00:00:00Z" });
    const before = await ingestSnapshot({ snapshot, format: "json" });
    const byEnvironment = await findReportByToken(tokenOf((await share({ title: "Env", scope: { environment } })).url));
    expect(byEnvironment?.document.kind === "services" && byEnvironment.document.services.map((s) => s.name)).toEqual([service]);

    const next: CanonicalSnapshot = {
      ...snapshot,
      takenAt: "2026-06-02T00:00:00Z",
      hosts: snapshot.hosts.map((h, i) => (i === 0 ? { ...h, components: { ...h.components, nginx: "1.26" } } : h)),
    };
    const after = await ingestSnapshot({ snapshot: next, format: "json" });
    const created = await share({ title: "What changed", scope: { compare: { from: before.id, to: after.id }, environment } });
    const report = await findReportByToken(tokenOf(created.url));
    expect(report?.document.kind).toBe("compare");
    if (report?.document.kind !== "compare") return;
    expect(report.document.snapshots.map((s) => s.id)).toEqual([before.id, after.id]);
    expect(report.document.comparison.groups).toHaveLength(1);
    expect(report.document.comparison.groups[0]?.hosts).toEqual([
      { hostKey: snapshot.hosts[0]!.hostKey, kind: "mutated", changes: [{ name: "nginx", from: "1.22", to: "1.26" }], componentCount: 1 },
    ]);
    const row = await getDb().report.findUniqueOrThrow({ where: { id: created.id }, select: { snapshotIds: true } });
    expect(row.snapshotIds).toEqual([before.id, after.id]);
  });

  it("refuses a scope with nothing in it, naming what is missing", async () => {
    const missing = `missing-${randomUUID().slice(0, 8)}`;
    await expect(share({ title: "x", scope: { services: [missing] } })).rejects.toThrow(AppError);
    await expect(share({ title: "x", scope: { services: [missing] } })).rejects.toMatchObject({ code: "not_found", message: expect.stringContaining(missing) });
    await expect(share({ title: "x", scope: { environment: missing } })).rejects.toMatchObject({ code: "not_found" });
    await expect(share({ title: "x", scope: { compare: { from: missing, to: `${missing}-2` } } })).rejects.toMatchObject({ code: "not_found" });
  });
});
