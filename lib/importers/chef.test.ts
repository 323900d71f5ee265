import { describe, expect, it } from "vitest";
import { chefImporter } from "./chef";
import { hostByKey, readFixture, runImporter, thrown } from "./test-utils";

describe("chef importer", () => {
  it("reads a list of nodes: service from the last role, environment, packages and cookbooks", () => {
    const result = runImporter(chefImporter, "chef/knife-node-list.json");
    expect(result.snapshot.hosts).toHaveLength(2);
    const web1 = hostByKey(result, "web-01.prod.example.com");
    expect(web1).toMatchObject({ service: "web", environment: "production", launchedAt: "2026-02-15T10:00:00.471Z" });
    expect(web1.components).toEqual({
      os: "ubuntu 22.04",
      kernel: "5.15.0-1051-aws",
      chef: "18.3.0",
      nginx: "1.18.0-6ubuntu14.4",
      nodejs: "18.19.0-1nodesource1",
      openssl: "3.0.2-0ubuntu1.12",
      "cookbook:base": "2.4.0",
      "cookbook:nginx": "12.2.7",
      "cookbook:web": "1.9.3",
    });
    expect(hostByKey(result, "web-02.prod.example.com").components["datadog-agent"]).toBe("1:7.50.3-1");
    // ohai_time of the most recent run.
    expect(result.snapshot.takenAt).toBe("2026-03-01T10:01:00.100Z");
    // The EC2 instance id lets describe-instances merge onto this node.
    expect(result.identities?.get("web-01.prod.example.com")?.aliases).toEqual(expect.arrayContaining(["i-0123456789abcdef0", "web-01"]));
  });

  it("names a policyfile node's service after its policy; `_default` is no environment; an empty package list is fine", () => {
    const result = runImporter(chefImporter, "chef/knife-node-show.json", { environment: "staging" });
    expect(result.snapshot.hosts).toEqual([
      {
        hostKey: "queue-07",
        service: "rabbitmq",
        environment: "staging",
        components: { os: "rocky 9.3", kernel: "5.14.0-362.18.1.el9_3.x86_64", chef: "17.10.3" },
        config: {},
      },
    ]);
  });

  it("reads bare Ohai output of a Windows machine", () => {
    const result = runImporter(chefImporter, "chef/ohai-windows.json");
    const host = hostByKey(result, "WIN-FILE-02.corp.example.com");
    expect(host.service).toBe("win-file");
    expect(host.components).toMatchObject({ os: "windows 10.0.20348", kernel: "10.0.20348", "Amazon SSM Agent": "3.2.2222.0" });
    expect(result.snapshot.takenAt).toBe("2026-03-01T10:05:00.250Z");
  });

  it("reads `knife search node -l -F json` rows", () => {
    const node = JSON.parse(readFixture("chef/knife-node-show.json").text) as unknown;
    const result = runImporter(chefImporter, { name: "search.json", text: JSON.stringify({ results: 1, rows: [node] }) });
    expect(result.snapshot.hosts.map((host) => host.hostKey)).toEqual(["queue-07"]);
  });

  it("names the tool and path when a node is broken", () => {
    const nodes = JSON.parse(readFixture("chef/knife-node-list.json").text) as { automatic: { packages: unknown } }[];
    nodes[1]!.automatic.packages = { nginx: "1.24" };
    const error = thrown(() => runImporter(chefImporter, { name: "nodes.json", text: JSON.stringify(nodes) }));
    expect(error).toMatchObject({ code: "invalid_input", path: "[1].automatic.packages.nginx", file: "nodes.json" });
    expect(error.message).toBe('chef: [1].automatic.packages.nginx: expected an object, got the string "1.24"');
  });
});
