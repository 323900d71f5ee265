import { describe, expect, it } from "vitest";
import { puppetImporter } from "./puppet";
import { hostByKey, readFixture, runImporter, thrown } from "./test-utils";

describe("puppet importer", () => {
  it("reads a PuppetDB inventory: one host per certname, service from the role fact, environment from pp_environment", () => {
    const result = runImporter(puppetImporter, "puppet/puppetdb-inventory.json");
    expect(result.snapshot.hosts.map((host) => host.hostKey)).toEqual([
      "cache-01.prod.example.com",
      "cache-02.prod.example.com",
      "ci-runner-3.build.example.com",
    ]);
    const cache1 = hostByKey(result, "cache-01.prod.example.com");
    expect(cache1).toMatchObject({ service: "redis", environment: "prod", launchedAt: "2026-01-30T09:58:12.345Z" });
    expect(cache1.components).toEqual({
      os: "Ubuntu 22.04",
      kernel: "5.15.0-91-generic",
      facter: "4.5.1",
      puppet: "7.28.0",
      ruby: "2.7.8",
      "redis-server": "5:6.0.16-1ubuntu1",
      openssl: "3.0.2-0ubuntu1.12",
    });
    expect(result.identities?.get(cache1.hostKey)?.aliases).toContain("i-0c0ffee0c0ffee001");
    // No role fact: the host name without its number; PuppetDB's environment applies.
    expect(hostByKey(result, "ci-runner-3.build.example.com")).toMatchObject({ service: "ci-runner", environment: "production" });
    expect(result.snapshot.takenAt).toBe("2026-03-01T09:59:40.001Z");
  });

  it("reads `puppet facts find` output with a packages fact in several shapes", () => {
    const result = runImporter(puppetImporter, "puppet/puppet-facts-find.json");
    const host = hostByKey(result, "lb-01.prod.example.com");
    expect(host).toMatchObject({ service: "edge-lb", environment: "prod", launchedAt: "2026-02-28T10:01:02.123Z" });
    expect(host.components).toMatchObject({ os: "Debian 12.4", haproxy: "2.6.12-1+deb12u1", keepalived: "1:2.2.7-1+b2" });
    expect(result.snapshot.takenAt).toBe("2026-03-01T10:01:02.123Z");
  });

  it("reads bare `facter -j` output of a Windows host, without a timestamp", () => {
    const result = runImporter(puppetImporter, "puppet/facter-windows.json", { service: "iis", environment: "prod" });
    expect(result.snapshot.hosts).toEqual([
      {
        hostKey: "win-iis-04.corp.example.com",
        service: "iis",
        environment: "prod",
        components: { os: "windows 2022", kernel: "10.0.20348", facter: "4.5.1", ruby: "2.7.8" },
        config: {},
      },
    ]);
    expect(result.snapshot.takenAt).toBeUndefined();
  });

  it("reads /pdb/query/v4/factsets ({data: [{name, value}]})", () => {
    const text = JSON.stringify([
      { certname: "a.example.com", timestamp: "2026-03-01T00:00:00Z", facts: { data: [{ name: "kernelrelease", value: "6.1" }, { name: "facterversion", value: "4.5.1" }] } },
    ]);
    const result = runImporter(puppetImporter, { name: "factsets.json", text });
    expect(result.snapshot.hosts[0]).toMatchObject({ hostKey: "a.example.com", service: "a", components: { kernel: "6.1" } });
  });

  it("names the tool and path when a fact has the wrong type", () => {
    const inventory = JSON.parse(readFixture("puppet/puppetdb-inventory.json").text) as { facts: { os: unknown } }[];
    inventory[2]!.facts.os = "RedHat";
    const error = thrown(() => runImporter(puppetImporter, { name: "inventory.json", text: JSON.stringify(inventory) }));
    expect(error).toMatchObject({ code: "invalid_input", path: "[2].facts.os" });
    expect(error.message).toMatch(/^puppet: \[2\]\.facts\.os: expected an object/);
  });
});
