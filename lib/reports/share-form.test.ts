import { describe, expect, it } from "vitest";
import { buildShareRequest, createShareForm, suggestReportTitle } from "./share-form";

describe("createShareForm", () => {
  it("starts from where the dialog was opened", () => {
    expect(createShareForm({ services: ["billing"], environment: "production" })).toMatchObject({
      scopeKind: "services",
      services: "billing",
      environment: "production",
      title: "Drift report: billing (production)",
      expiry: "30",
    });
    expect(createShareForm({ compare: { from: "a", to: "b" } })).toMatchObject({ scopeKind: "compare", from: "a", to: "b", title: "Snapshot comparison" });
    expect(createShareForm()).toMatchObject({ scopeKind: "fleet", title: "Fleet drift report" });
    expect(createShareForm({}, "Mine").title).toBe("Mine");
  });

  it("suggests titles per scope", () => {
    expect(suggestReportTitle({ environment: "staging" })).toBe("Drift report: staging");
    expect(suggestReportTitle({ services: ["a", "b", "c", "d"] })).toBe("Drift report: a, b, c, …");
  });
});

describe("buildShareRequest", () => {
  const form = createShareForm({ services: ["billing"], environment: "production" });

  it("builds the POST /api/reports body for each scope", () => {
    expect(buildShareRequest(form)).toEqual({
      ok: true,
      body: { title: "Drift report: billing (production)", scope: { services: ["billing"], environment: "production" }, expiresInDays: 30 },
    });
    expect(buildShareRequest({ ...form, scopeKind: "services", services: "web,\n api , web", environment: "" })).toMatchObject({
      ok: true,
      body: { scope: { services: ["web", "api"] } },
    });
    expect(buildShareRequest({ ...form, scopeKind: "fleet", expiry: "never" })).toMatchObject({ ok: true, body: { scope: {}, expiresInDays: null } });
    expect(buildShareRequest({ ...form, scopeKind: "environment" })).toMatchObject({ ok: true, body: { scope: { environment: "production" } } });
    expect(buildShareRequest({ ...form, scopeKind: "compare", from: " a ", to: "b" })).toMatchObject({ ok: true, body: { scope: { compare: { from: "a", to: "b" } } } });
    expect(buildShareRequest({ ...form, expiry: "custom", customDays: "14" })).toMatchObject({ ok: true, body: { expiresInDays: 14 } });
  });

  it("names the first field to fix", () => {
    expect(buildShareRequest({ ...form, title: "  " })).toMatchObject({ ok: false, field: "title" });
    expect(buildShareRequest({ ...form, services: " , " })).toMatchObject({ ok: false, field: "services" });
    expect(buildShareRequest({ ...form, scopeKind: "environment", environment: "" })).toMatchObject({ ok: false, field: "environment" });
    expect(buildShareRequest({ ...form, scopeKind: "compare", from: "a", to: "a" })).toMatchObject({ ok: false, field: "to" });
    expect(buildShareRequest({ ...form, scopeKind: "compare", from: "", to: "a" })).toMatchObject({ ok: false, field: "from" });
    for (const customDays of ["", "0", "2.5", "-3", "99999", "abc"]) {
      expect(buildShareRequest({ ...form, expiry: "custom", customDays })).toMatchObject({ ok: false, field: "customDays" });
    }
  });
});
