import { describe, expect, it } from "vitest";
import { osqueryImporter } from "./osquery";
import { hostByKey, readFixture, runImporter, thrown } from "./test-utils";

describe("osquery importer", () => {
  it("reads an osqueryd results log: one host per hostIdentifier, event, snapshot and batch lines", () => {
    const result = runImporter(osqueryImporter, "osquery/osqueryd.results.log");
    expect(result.snapshot.hosts.map((host) => host.hostKey)).toEqual([
      "ip-10-0-1-10",
      "ec2c8b21-2d3e-4f5a-6b7c-8d9e0f1a2b3c",
      "ip-10-0-4-20.eu-west-1.compute.internal",
    ]);
    // nginx upgrade logged as added(new) then removed(old): the new version stays.
    expect(hostByKey(result, "ip-10-0-1-10")).toEqual({
      hostKey: "ip-10-0-1-10",
      service: "ip-10-0-1-10",
      launchedAt: "2026-02-20T08:00:00.000Z",
      components: {
        nginx: "1.18.0-6ubuntu14.5",
        openssl: "3.0.2-0ubuntu1.12",
        "datadog-agent": "1:7.50.3-1",
        os: "Ubuntu 22.04.3 LTS (Jammy Jellyfish)",
      },
      config: {},
    });
    // The service guess uses the hostname decoration, not the UUID identifier.
    expect(hostByKey(result, "ec2c8b21-2d3e-4f5a-6b7c-8d9e0f1a2b3c")).toMatchObject({ components: { nginx: "1.24.0-1~jammy" } });
    expect(result.identities?.get("ec2c8b21-2d3e-4f5a-6b7c-8d9e0f1a2b3c")?.aliases).toEqual(expect.arrayContaining(["ip-10-0-1-11", "i-0aaa1111bbbb3333d"]));
    expect(hostByKey(result, "ip-10-0-4-20.eu-west-1.compute.internal").components).toEqual({ nodejs: "20.11.1-1nodesource1", openssl: "3.0.2-0ubuntu1.14" });
    expect(result.snapshot.takenAt).toBe("2026-03-01T10:02:00.000Z");
  });

  it("reads osqueryi --json rows as one host named by the file, or by the host option", () => {
    const result = runImporter(osqueryImporter, "osquery/web-01.json");
    expect(result.snapshot.hosts).toHaveLength(1);
    expect(result.snapshot.hosts[0]).toMatchObject({ hostKey: "web-01", service: "web", components: { nginx: "1.18.0-6ubuntu14.4", python3: "3.10.6-1~22.04" } });
    const named = runImporter(osqueryImporter, "osquery/web-01.json", { host: "web-07.prod", service: "storefront", takenAt: "2026-03-01T10:00:00Z" });
    expect(named.snapshot.hosts[0]).toMatchObject({ hostKey: "web-07.prod", service: "storefront" });
    expect(named.snapshot.takenAt).toBe("2026-03-01T10:00:00.000Z");
  });

  it("reads Windows programs rows, empty versions included", () => {
    const result = runImporter(osqueryImporter, "osquery/win-app-01.json");
    expect(result.snapshot.hosts[0]).toMatchObject({
      hostKey: "win-app-01",
      service: "win-app",
      components: { "Amazon SSM Agent": "3.2.2222.0", "Microsoft .NET Runtime - 8.0.1 (x64)": "64.4.23225", "Notepad++ (64-bit x64)": "" },
    });
  });

  it("formats rpm rows with epoch and release", () => {
    const text = JSON.stringify([{ name: "bash", version: "5.1.8", release: "6.el9", epoch: "" }, { name: "shadow-utils", version: "4.9", release: "6.el9", epoch: "2" }]);
    const result = runImporter(osqueryImporter, { name: "db-3.json", text });
    expect(result.snapshot.hosts[0]?.components).toEqual({ bash: "5.1.8-6.el9", "shadow-utils": "2:4.9-6.el9" });
  });

  it("points at the line of a broken results log entry", () => {
    const lines = readFixture("osquery/osqueryd.results.log").text.split("\n");
    lines[3] = lines[3]!.replace('"hostIdentifier":"ec2c8b21-2d3e-4f5a-6b7c-8d9e0f1a2b3c"', '"hostIdentifier":7');
    const error = thrown(() => runImporter(osqueryImporter, { name: "osqueryd.results.log", text: lines.join("\n") }));
    expect(error).toMatchObject({ code: "invalid_input", line: 4, path: "hostIdentifier" });
    expect(error.message).toBe("osquery: hostIdentifier: expected a string, got number 7 (line 4)");
    const [first, second] = readFixture("osquery/osqueryd.results.log").text.split("\n");
    const truncated = `${first}\n${second!.slice(0, 120)}`;
    expect(thrown(() => runImporter(osqueryImporter, { name: "osqueryd.results.log", text: truncated }))).toMatchObject({ line: 2 });
  });
});
