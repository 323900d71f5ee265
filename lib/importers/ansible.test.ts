import { describe, expect, it } from "vitest";
import { ansibleImporter } from "./ansible";
import { hostByKey, readFixture, runImporter, thrown } from "./test-utils";

describe("ansible importer", () => {
  it("reads `ansible -m setup` stdout: one host per SUCCESS block, unreachable hosts skipped", () => {
    const result = runImporter(ansibleImporter, "ansible/setup-stdout.txt");
    expect(result.snapshot.hosts.map((host) => host.hostKey)).toEqual(["billing-01.prod.example.com", "billing-02.prod.example.com"]);
    expect(result.skipped).toEqual([{ hostKey: "db-01.prod.example.com", reason: expect.stringMatching(/^unreachable: Failed to connect/) }]);
    const host = hostByKey(result, "billing-01.prod.example.com");
    expect(host.service).toBe("billing");
    expect(host.components).toEqual({ os: "Ubuntu 22.04", kernel: "5.15.0-91-generic", python: "3.10.12" });
    // takenAt: the latest fact gathering; launchedAt: gathering time minus uptime (10 days).
    expect(result.snapshot.takenAt).toBe("2026-03-01T10:00:01.000Z");
    expect(host.launchedAt).toBe("2026-02-19T10:00:00.000Z");
    expect(result.identities?.get(host.hostKey)).toMatchObject({ isServiceGuessed: true, aliases: expect.arrayContaining(["billing-01", "10.0.1.21"]) });
  });

  it("reads a fact-cache file: packages, custom facts as components and checksums as config", () => {
    const result = runImporter(ansibleImporter, "ansible/fact-cache/billing-03.prod.example.com");
    const host = hostByKey(result, "billing-03.prod.example.com");
    expect(host).toMatchObject({ service: "billing", environment: "prod", role: "api" });
    expect(host.components).toMatchObject({
      os: "Ubuntu 20.04",
      nginx: "1.18.0-0ubuntu1.4",
      openssl: "1.1.1f-1ubuntu2.20",
      "app.release": "2.3.1",
      "app.build": "4711",
      "app.features": "payments,refunds",
    });
    expect(host.components).not.toHaveProperty("driftboard.service");
    expect(host.config).toEqual({
      "app.nginx_conf_sha256": "9f2c1e0b5d7a4c3f8e6b2a1d0c9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a10",
      "hardening.sshd.config_md5": "3b5d5c3712955042212316173ccf37be",
    });
    expect(result.identities?.get(host.hostKey)?.isServiceGuessed).toBe(false);
  });

  it("formats rpm versions with epoch and release, several installed kernels joined, without clobbering the running kernel", () => {
    const host = hostByKey(runImporter(ansibleImporter, "ansible/fact-cache/pg-01.prod.example.com"), "pg-01.prod.example.com");
    expect(host.components).toMatchObject({
      kernel: "5.14.0-362.8.1.el9_3.x86_64",
      "package:kernel": "5.14.0-284.30.1.el9_2, 5.14.0-362.8.1.el9_3",
      "postgresql-server": "15.5-1.el9",
      "shadow-utils": "2:4.9-6.el9",
    });
  });

  it("reads a --tree file of a Windows host (no python, no packages)", () => {
    const result = runImporter(ansibleImporter, "ansible/tree/WIN-APP-01");
    expect(result.snapshot.hosts).toEqual([
      {
        hostKey: "WIN-APP-01.corp.example.com",
        service: "win-app",
        launchedAt: "2026-02-27T14:30:10.000Z",
        components: { os: "Microsoft Windows Server 2022 Datacenter 10.0.20348.0", kernel: "10.0.20348.0" },
        config: {},
      },
    ]);
  });

  it("skips the --tree file of an unreachable host, named after the file", () => {
    const result = runImporter(ansibleImporter, "ansible/tree/db-02.prod.example.com");
    expect(result.snapshot.hosts).toEqual([]);
    expect(result.skipped).toEqual([{ hostKey: "db-02.prod.example.com", reason: expect.stringContaining("unreachable") }]);
  });

  it("applies the service and environment options where the data names none, and the host option for nameless facts", () => {
    const result = runImporter(
      ansibleImporter,
      { name: "facts.json", text: JSON.stringify({ ansible_system: "Linux", ansible_distribution: "Debian", ansible_distribution_version: 12 }) },
      { service: "payments", environment: "staging", host: "pay-9", takenAt: "2026-03-01T00:00:00Z" },
    );
    expect(result.snapshot.hosts[0]).toMatchObject({ hostKey: "pay-9", service: "payments", environment: "staging", components: { os: "Debian 12" } });
    expect(result.snapshot.takenAt).toBe("2026-03-01T00:00:00.000Z");
  });

  it("strips ANSI colours and skips FAILED! blocks", () => {
    const text = `\x1b[0;32mweb-9 | SUCCESS => {\n  "ansible_facts": {"ansible_hostname": "web-9", "ansible_kernel": "6.1"},\n  "changed": false\n}\x1b[0m\n\x1b[0;31mweb-10 | FAILED! => {\n  "msg": "Missing sudo password"\n}\x1b[0m\n`;
    const result = runImporter(ansibleImporter, { name: "out.txt", text });
    expect(result.snapshot.hosts.map((host) => host.hostKey)).toEqual(["web-9"]);
    expect(result.skipped).toEqual([{ hostKey: "web-10", reason: "failed: Missing sudo password" }]);
  });

  it("names the tool, the host's path and the line when a block is broken", () => {
    const text = `web-1 | SUCCESS => {"ansible_facts": {"ansible_hostname": "web-1"}, "changed": false}\nweb-2 | SUCCESS => {\n  "ansible_facts": {"ansible_hostname": ["web-2"]}\n}\n`;
    const error = thrown(() => runImporter(ansibleImporter, { name: "out.txt", text }));
    expect(error).toMatchObject({ code: "invalid_input", path: '["web-2"].ansible_facts.ansible_hostname', line: 2, file: "out.txt" });
    expect(error.message).toMatch(/^ansible: \["web-2"\]\.ansible_facts\.ansible_hostname: expected a string, got an array/);
  });

  it("reports truncated fact-cache JSON with the tool name and line", () => {
    const file = readFixture("ansible/fact-cache/pg-01.prod.example.com");
    const truncated = { name: file.name, text: file.text.slice(0, 300) };
    expect(ansibleImporter.detect(truncated, undefined)).toBe(true);
    const error = thrown(() => runImporter(ansibleImporter, truncated));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toMatch(/^ansible: the file is not valid JSON/);
    expect(error.line).toBeGreaterThan(1);
  });
});
