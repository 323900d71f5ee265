import { describe, expect, it } from "vitest";
import { terraformImporter } from "./terraform";
import { hostByKey, readFixture, runImporter, thrown } from "./test-utils";

describe("terraform importer", () => {
  it("makes aws_instance resources hosts (child modules included): service tag, AMI, type, version tags", () => {
    const result = runImporter(terraformImporter, "terraform/show.json");
    expect(hostByKey(result, "i-0aaa1111bbbb2222c")).toEqual({
      hostKey: "i-0aaa1111bbbb2222c",
      service: "storefront",
      environment: "prod",
      image: "ami-0a1b2c3d4e5f60718",
      components: { image: "ami-0a1b2c3d4e5f60718", "instance-type": "t3.small", AppVersion: "5.2.0" },
      config: {},
    });
    // No service tag: the resource name; Role and env tags.
    expect(hostByKey(result, "i-0ccc3333dddd6666a")).toMatchObject({
      service: "primary",
      role: "database",
      environment: "prod",
      components: { postgres_version: "15.5" },
    });
    expect(result.identities?.get("i-0aaa1111bbbb2222c")?.aliases).toEqual(
      expect.arrayContaining(["ip-10-0-1-10.eu-west-1.compute.internal", "10.0.1.10", "web-1"]),
    );
  });

  it("lists autoscaling group instances the state shows, with the launch template's image", () => {
    const result = runImporter(terraformImporter, "terraform/show.json");
    for (const id of ["i-0bbb2222cccc4444e", "i-0bbb2222cccc5555f"]) {
      expect(hostByKey(result, id)).toMatchObject({
        service: "orders-api",
        environment: "prod",
        image: "ami-0fedcba9876543210",
        components: { "instance-type": "c6i.large" },
      });
    }
    expect(result.snapshot.hosts).toHaveLength(5);
  });

  it("reads Google and Azure VMs in nested modules, untagged and Windows ones included", () => {
    const result = runImporter(terraformImporter, "terraform/show-multicloud.json", { environment: "ops" });
    expect(result.snapshot.hosts.map((host) => host.hostKey)).toEqual(["i-0ddd4444eeee7777b", "worker-a", "vm-reporting-01", "vm-bastion"]);
    expect(hostByKey(result, "worker-a")).toMatchObject({
      service: "video-transcoder",
      environment: "staging",
      components: { "instance-type": "e2-standard-4", transcoder_version: "0-14-2" },
    });
    expect(hostByKey(result, "vm-reporting-01")).toMatchObject({
      service: "reporting",
      environment: "ops",
      image: "MicrosoftWindowsServer:WindowsServer:2022-datacenter-azure-edition:latest",
    });
    expect(hostByKey(result, "i-0ddd4444eeee7777b")).toMatchObject({ service: "legacy", environment: "ops" });
  });

  it("accepts an empty state and rejects a plan with a pointed message", () => {
    expect(runImporter(terraformImporter, { name: "empty.json", text: '{"format_version":"1.0"}' }).snapshot.hosts).toEqual([]);
    const plan = JSON.stringify({ format_version: "1.2", terraform_version: "1.7.4", planned_values: { root_module: {} }, resource_changes: [] });
    expect(thrown(() => runImporter(terraformImporter, { name: "plan.json", text: plan })).message).toMatch(/^terraform: values: .*plan/);
  });

  it("names the tool and the resource's path when a value is broken", () => {
    const state = JSON.parse(readFixture("terraform/show.json").text) as {
      values: { root_module: { child_modules: { resources: { values: Record<string, unknown> }[] }[] } };
    };
    state.values.root_module.child_modules[0]!.resources[0]!.values.id = 42;
    const error = thrown(() => runImporter(terraformImporter, { name: "state.json", text: JSON.stringify(state) }));
    expect(error.path).toBe("values.root_module.child_modules[0].resources[0].values.id");
    expect(error.message).toBe("terraform: values.root_module.child_modules[0].resources[0].values.id: expected a string, got number 42");
  });
});
