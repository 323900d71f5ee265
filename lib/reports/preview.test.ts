import { describe, expect, it } from "vitest";
import { buildReportPreview } from "./preview";
import { comparisonReportDocument, servicesReportDocument } from "./test-fixtures";

describe("buildReportPreview", () => {
  it("sums up a services report: figures, verdicts, snowflakes before drifted hosts", () => {
    const preview = buildReportPreview(servicesReportDocument({ withCleanService: true }));
    expect(preview).toMatchObject({ title: "Web drift", kindLabel: "Drift report", scope: "Service web" });
    expect(preview.figures).toEqual([
      { label: "Services", value: 2 },
      { label: "Hosts", value: 5 },
      { label: "Drifted hosts", value: 2 },
      { label: "Snowflakes", value: 1 },
    ]);
    expect(preview.verdicts).toEqual([{ verdict: "unknown", count: 2 }]);
    expect(preview.hosts).toEqual([
      { hostKey: "web-c", note: "snowflake · web" },
      { hostKey: "web-b", note: "drifts on 2 components · web" },
    ]);
    expect(preview.description).toBe("2 drifted hosts of 5 hosts in 2 services, 1 snowflake; 2 unknown.");
  });

  it("sums up a comparison, in-place changes first", () => {
    const preview = buildReportPreview(comparisonReportDocument());
    expect(preview.kindLabel).toBe("Snapshot comparison");
    expect(preview.figures.map((f) => f.value)).toEqual([1, 1, 1, 1]);
    expect(preview.hosts.map((h) => h.hostKey)).toEqual(["web-1", "web-3", "web-2"]);
    expect(preview.description).toMatch(/^3 hosts changed in 1 service/);
  });

  it("keeps host names as plain strings, markup and all", () => {
    const document = servicesReportDocument();
    if (document.kind !== "services") throw new Error("expected a services report");
    document.services[0]!.hosts[0]!.hostKey = "<img src=x onerror=alert(1)>";
    expect(buildReportPreview(document).hosts.map((h) => h.hostKey)).toContain("<img src=x onerror=alert(1)>");
  });
});
