import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { reportToCsv } from "./report-csv";
import type { ReportDocument } from "./schemas";
import { comparisonReportDocument, servicesReportDocument } from "./test-fixtures";

function rows(csv: string): string[][] {
  return csv
    .trimEnd()
    .split("\r\n")
    .map((line) => line.split(","));
}

describe("reportToCsv for a services report", () => {
  const document = servicesReportDocument({ withCleanService: true });

  it("serves the drift table by default: one row per host and drifting component, from the frozen document", () => {
    const { csv, fileName } = reportToCsv(document);
    expect(fileName).toBe("Web-drift-drift.csv");
    const [header, ...body] = rows(csv);
    expect(header).toEqual(["service", "environment", "snapshot", "host", "component", "expected", "actual", "since", "snowflake", "snowflake_reasons"]);
    expect(body.map((r) => [r[3], r[4], r[5], r[6]])).toEqual([
      ["web-b", "nginx", "1.22", "1.24"],
      ["web-b", "node", "18", "20"],
      ["web-c", "monitoring-agent", "3", ""],
    ]);
    expect(body.every((r) => r[0] === "web" && r[2] === "snap-1")).toBe(true);
    expect(body.find((r) => r[3] === "web-c")?.[8]).toBe("yes");
    expect(csv).toContain("missing monitoring-agent, which 2 of 2 peers run");
    // Volatile facts are ignored: never drift in a report.
    expect(csv).not.toContain("uptime");
  });

  it("gives a snowflake without drifting components a row of its own", () => {
    const base = servicesReportDocument();
    if (base.kind !== "services") throw new Error("expected a services report");
    const service = base.services[0]!;
    const document: ReportDocument = {
      ...base,
      services: [{ ...service, hosts: [{ hostKey: "odd-1", image: null, isDrifted: false, isSnowflake: true, snowflakeReasons: ["has strace, which no peer runs"], drift: [] }] }],
    };
    expect(reportToCsv(document).csv.split("\r\n")[1]).toBe('web,prod,snap-1,odd-1,,,,,yes,"has strace, which no peer runs"');
  });

  it("serves the spread and services tables on request", () => {
    const spread = rows(reportToCsv(document, "spread").csv);
    expect(spread[0]).toEqual(["service", "environment", "snapshot", "component", "baseline", "version", "host_count", "ignored"]);
    expect(spread.filter((r) => r[3] === "nginx").map((r) => [r[5], r[6]])).toEqual([
      ["1.22", "2"],
      ["1.24", "1"],
    ]);
    const services = rows(reportToCsv(document, "services").csv);
    expect(services.map((r) => r[0])).toEqual(["service", "orders-db", "web"]);
    expect(services.find((r) => r[0] === "web")?.slice(7, 10)).toEqual(["3", "2", "1"]);
  });

  it("is formula-safe: a host named like a formula is quoted, not run", () => {
    const base = servicesReportDocument();
    if (base.kind !== "services") throw new Error("expected a services report");
    const service = base.services[0]!;
    const document: ReportDocument = {
      ...base,
      services: [{ ...service, hosts: [{ ...service.hosts[0]!, hostKey: "=HYPERLINK(\"http://evil\")" }] }],
    };
    const csv = reportToCsv(document).csv;
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it("refuses a table the report does not have", () => {
    expect(() => reportToCsv(document, "changes")).toThrow(AppError);
  });
});

describe("reportToCsv for a comparison", () => {
  it("lists each host's changes, one row per component", () => {
    const document = comparisonReportDocument();
    const { csv, fileName } = reportToCsv(document);
    expect(fileName).toBe("Release-week-changes.csv");
    const [header, ...body] = rows(csv);
    expect(header).toEqual(["service", "environment", "from_snapshot", "to_snapshot", "host", "change", "component", "from", "to"]);
    expect(body.map((r) => [r[4], r[5], r[6], r[7], r[8]])).toEqual([
      ["web-1", "mutated", "nginx", "1.22", "1.24"],
      ["web-2", "retired", "", "", ""],
      ["web-3", "launched", "", "", ""],
    ]);
    expect(() => reportToCsv(document, "drift")).toThrow(/offers changes/);
  });
});
