import { describe, expect, it } from "vitest";
import { createReportInputSchema, reportScopeSchema } from "./schemas";

describe("createReportInputSchema", () => {
  it("accepts the documented body and treats a missing scope as the whole fleet", () => {
    expect(createReportInputSchema.parse({ title: " Web drift ", scope: { services: ["web", "api", "web"], environment: "prod" }, expiresInDays: 7 })).toEqual({
      title: "Web drift",
      scope: { services: ["api", "web"], environment: "prod" },
      expiresInDays: 7,
    });
    expect(createReportInputSchema.parse({ title: "Fleet" })).toEqual({ title: "Fleet", scope: {} });
    expect(createReportInputSchema.parse({ title: "Fleet", scope: {}, expiresInDays: null }).expiresInDays).toBeNull();
  });

  it("refuses what it does not understand rather than sharing more than asked", () => {
    const bad = [
      {},
      { title: "" },
      { title: "x", scope: { services: [] } },
      { title: "x", scope: { service: "web" } },
      { title: "x", scope: { compare: { from: "a", to: "a" } } },
      { title: "x", scope: { compare: { from: "a" } } },
      { title: "x", expiresInDays: 0 },
      { title: "x", expiresInDays: 1.5 },
      { title: "x", expiresInDays: "7" },
      { title: "x", token: "chosen-by-me" },
    ];
    for (const body of bad) expect(createReportInputSchema.safeParse(body).success, JSON.stringify(body)).toBe(false);
  });

  it("allows a comparison narrowed to services", () => {
    expect(reportScopeSchema.parse({ compare: { from: "a", to: "b" }, services: ["web"] })).toEqual({ compare: { from: "a", to: "b" }, services: ["web"] });
  });
});
