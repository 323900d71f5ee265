import { describe, expect, it } from "vitest";
import { awsEc2Importer } from "./aws-ec2";
import { hostByKey, readFixture, runImporter, thrown } from "./test-utils";

describe("aws-ec2 importer", () => {
  it("makes each live instance a host: service tag, image, type, version tags and launch time", () => {
    const result = runImporter(awsEc2Importer, "aws-ec2/describe-instances.json");
    expect(hostByKey(result, "i-0aaa1111bbbb2222c")).toEqual({
      hostKey: "i-0aaa1111bbbb2222c",
      service: "storefront",
      environment: "prod",
      image: "ami-0a1b2c3d4e5f60718",
      launchedAt: "2026-02-20T08:00:00.000Z",
      components: { image: "ami-0a1b2c3d4e5f60718", "instance-type": "t3.small", AppVersion: "5.2.0" },
      config: {},
    });
    // No Service tag: the autoscaling group names it; aws: tags are not versions.
    expect(hostByKey(result, "i-0bbb2222cccc4444e")).toMatchObject({ service: "api-asg", components: { image: "ami-0fedcba9876543210", "instance-type": "c6i.large" } });
    expect(hostByKey(result, "i-0bbb2222cccc4444e").components).not.toHaveProperty("aws:ec2launchtemplate:version");
  });

  it("skips terminated and shutting-down instances", () => {
    const result = runImporter(awsEc2Importer, "aws-ec2/describe-instances.json");
    expect(result.snapshot.hosts).toHaveLength(3);
    expect(result.skipped).toEqual([
      { hostKey: "i-0eee5555ffff8888c", reason: "instance terminated" },
      { hostKey: "i-0bbb2222cccc6666a", reason: "instance shutting-down" },
    ]);
  });

  it("names Windows and untagged instances: the Name tag without its number, else the instance itself; stopped ones stay", () => {
    const result = runImporter(awsEc2Importer, "aws-ec2/describe-instances-windows.json");
    expect(hostByKey(result, "i-0f0f0f0f0f0f0f0f1")).toMatchObject({ service: "win-app", environment: "prod" });
    expect(hostByKey(result, "i-0f0f0f0f0f0f0f0f2")).toMatchObject({ service: "i-0f0f0f0f0f0f0f0f2", launchedAt: "2024-06-01T00:00:00.000Z" });
    expect(hostByKey(result, "i-0f0f0f0f0f0f0f0f2")).not.toHaveProperty("environment");
    const withOption = runImporter(awsEc2Importer, "aws-ec2/describe-instances-windows.json", { service: "windows-legacy" });
    expect(hostByKey(withOption, "i-0f0f0f0f0f0f0f0f2").service).toBe("windows-legacy");
  });

  it("reads the flat output of --query 'Reservations[].Instances[]'", () => {
    const described = JSON.parse(readFixture("aws-ec2/describe-instances.json").text) as { Reservations: { Instances: unknown[] }[] };
    const flat = described.Reservations.flatMap((reservation) => reservation.Instances);
    const result = runImporter(awsEc2Importer, { name: "instances.json", text: JSON.stringify(flat) });
    expect(result.snapshot.hosts).toHaveLength(3);
  });

  it("names the tool and path when an instance is broken", () => {
    const described = JSON.parse(readFixture("aws-ec2/describe-instances.json").text) as { Reservations: { Instances: Record<string, unknown>[] }[] };
    described.Reservations[1]!.Instances[0]!.Tags = { Name: "x" };
    const error = thrown(() => runImporter(awsEc2Importer, { name: "ec2.json", text: JSON.stringify(described) }));
    expect(error.path).toBe("Reservations[1].Instances[0].Tags");
    expect(error.message).toMatch(/^aws-ec2: Reservations\[1\]\.Instances\[0\]\.Tags: expected an array/);
  });
});
