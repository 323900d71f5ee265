import { describe, expect, it } from "vitest";
import { buildHostHref, buildServiceExportHref, buildServiceHref, parseServiceViewParams, serializeServiceViewParams } from "./service-view";

describe("parseServiceViewParams", () => {
  it("reads every view parameter", () => {
    expect(
      parseServiceViewParams(
        new URLSearchParams("environment=production&snapshot=abc&baseline=declared&host=web&component=nginx&drifted=1&sort=drift"),
      ),
    ).toEqual({ environment: "production", snapshot: "abc", baseline: "declared", host: "web", component: "nginx", drifted: true, sort: "drift" });
  });

  it("drops malformed or empty values instead of failing, and takes the first of repeated ones", () => {
    expect(parseServiceViewParams({ baseline: "golden", sort: "age", drifted: "yes", host: "", environment: ["prod", "staging"] })).toEqual({
      environment: "prod",
      snapshot: undefined,
      baseline: undefined,
      host: undefined,
      component: undefined,
      drifted: false,
      sort: undefined,
    });
  });
});

describe("serializeServiceViewParams", () => {
  it("writes set values in a stable order and leaves defaults out", () => {
    expect(serializeServiceViewParams({ sort: "host", drifted: true, environment: "production", host: "" })).toBe(
      "environment=production&drifted=1&sort=host",
    );
    expect(serializeServiceViewParams({ drifted: false })).toBe("");
  });

  it("round-trips through parse", () => {
    const params = parseServiceViewParams(new URLSearchParams("component=config%3A%2Fetc&baseline=previous&drifted=1"));
    expect(parseServiceViewParams(new URLSearchParams(serializeServiceViewParams(params)))).toEqual(params);
  });
});

describe("buildServiceHref / buildServiceExportHref", () => {
  it("encodes the service name", () => {
    expect(buildServiceHref("web api", { environment: "prod" })).toBe("/services/web%20api?environment=prod");
    expect(buildServiceHref("billing")).toBe("/services/billing");
  });

  it("carries the data parameters and filters into the export, but not the sort", () => {
    const params = { environment: "production", snapshot: "s1", baseline: "majority" as const, host: "billing-0", component: "nginx", drifted: true, sort: "drift" as const };
    expect(buildServiceExportHref("billing", params, { format: "csv", table: "drift" })).toBe(
      "/api/services/billing/export?format=csv&table=drift&environment=production&snapshot=s1&baseline=majority&host=billing-0&component=nginx&drifted=1",
    );
    expect(buildServiceExportHref("billing", {}, { format: "json" })).toBe("/api/services/billing/export?format=json");
  });
});

describe("buildHostHref", () => {
  it("encodes the host key and the environment", () => {
    expect(buildHostHref("web/01 a", "prod & test")).toBe("/hosts/web%2F01%20a?environment=prod%20%26%20test");
  });
});
