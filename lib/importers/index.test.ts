import { describe, expect, it } from "vitest";
import { snapshotSchema } from "@/lib/snapshots/schemas";
import { detectFormat, importFiles, IMPORTERS, type CanonicalParser } from "./index";
import { hostByKey, jsonOf, listFixtures, readFixture, thrown } from "./test-utils";
import type { ImportFile } from "./types";

const fixtures = listFixtures();

describe("format detection", () => {
  it("has fixtures for every importer", () => {
    const formats = new Set(fixtures.map((fixture) => fixture.split("/")[0]));
    expect([...formats].sort()).toEqual(IMPORTERS.map((importer) => importer.id).sort());
  });

  it.each(fixtures)("%s is detected as its own format and as no other", (fixture) => {
    const format = fixture.split("/")[0];
    const file = readFixture(fixture);
    const json = jsonOf(file.text);
    const detectedBy = IMPORTERS.filter((importer) => importer.detect(file, json)).map((importer) => importer.id);
    expect(detectedBy).toEqual([format]);
    expect(detectFormat(file)).toBe(format);
  });

  it.each(fixtures)("%s imports into a valid canonical snapshot", (fixture) => {
    const result = importFiles([readFixture(fixture)]);
    expect(result.format).toBe(fixture.split("/")[0]);
    expect(result.snapshot.source).toBe(result.format);
    snapshotSchema.parse(result.snapshot);
  });
});

describe("importFiles", () => {
  it("merges describe-instances and osquery results of the same VMs onto one host each", () => {
    const result = importFiles([readFixture("aws-ec2/describe-instances.json"), readFixture("osquery/osqueryd.results.log")]);
    expect(result.format).toBe("aws-ec2+osquery");
    expect(result.snapshot.source).toBe("aws-ec2+osquery");
    expect(result.snapshot.hosts.map((host) => host.hostKey)).toEqual(["i-0aaa1111bbbb2222c", "i-0aaa1111bbbb3333d", "i-0bbb2222cccc4444e"]);
    // Matched by the private DNS name's short form.
    expect(hostByKey(result, "i-0aaa1111bbbb2222c")).toEqual({
      hostKey: "i-0aaa1111bbbb2222c",
      service: "storefront",
      environment: "prod",
      image: "ami-0a1b2c3d4e5f60718",
      launchedAt: "2026-02-20T08:00:00.000Z",
      components: {
        image: "ami-0a1b2c3d4e5f60718",
        "instance-type": "t3.small",
        AppVersion: "5.2.0",
        nginx: "1.18.0-6ubuntu14.5",
        openssl: "3.0.2-0ubuntu1.12",
        "datadog-agent": "1:7.50.3-1",
        os: "Ubuntu 22.04.3 LTS (Jammy Jellyfish)",
      },
      config: {},
    });
    // Matched by the instance_id decoration; by the full private DNS name.
    expect(hostByKey(result, "i-0aaa1111bbbb3333d").components).toMatchObject({ nginx: "1.24.0-1~jammy", AppVersion: "5.1.4" });
    expect(hostByKey(result, "i-0bbb2222cccc4444e")).toMatchObject({ service: "api-asg", components: { nodejs: "20.11.1-1nodesource1" } });
    expect(result.skipped).toHaveLength(2);
    expect(result.snapshot.takenAt).toBe("2026-03-01T10:02:00.000Z");
    snapshotSchema.parse(result.snapshot);
  });

  it("merges Terraform state and describe-instances by instance id, and enriches hosts from a Packer manifest", () => {
    const result = importFiles([
      readFixture("terraform/show.json"),
      readFixture("aws-ec2/describe-instances.json"),
      readFixture("packer/packer-manifest.json"),
    ]);
    expect(result.format).toBe("terraform+aws-ec2+packer");
    const keys = result.snapshot.hosts.map((host) => host.hostKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(["i-0aaa1111bbbb2222c", "i-0aaa1111bbbb3333d", "i-0bbb2222cccc4444e", "i-0bbb2222cccc5555f", "i-0ccc3333dddd6666a"]);
    // describe-instances outranks the state: it knows the image the instance really runs.
    expect(hostByKey(result, "i-0aaa1111bbbb3333d")).toMatchObject({
      image: "ami-0999888877776666a",
      launchedAt: "2026-02-11T09:30:00.000Z",
      components: { "image-name": "storefront", "image-version": "5.1.4" },
    });
    // The service tag (state) beats a guessed name; Packer names the ASG's image.
    expect(hostByKey(result, "i-0bbb2222cccc4444e")).toMatchObject({ service: "api-asg", components: { "image-name": "orders-api", "image-version": "1.8.0" } });
    expect(result.images).toHaveLength(4);
  });

  it("merges an Ansible host onto its EC2 instance by Name tag, case-insensitively", () => {
    const result = importFiles([readFixture("aws-ec2/describe-instances-windows.json"), readFixture("ansible/tree/WIN-APP-01")]);
    expect(result.snapshot.hosts.map((host) => host.hostKey)).toEqual(["i-0f0f0f0f0f0f0f0f1", "i-0f0f0f0f0f0f0f0f2"]);
    expect(hostByKey(result, "i-0f0f0f0f0f0f0f0f1")).toMatchObject({
      service: "win-app",
      environment: "prod",
      launchedAt: "2026-02-27T14:30:00.000Z",
      components: { image: "ami-0win2022base000001", kernel: "10.0.20348.0" },
    });
  });

  it("does not merge on a name several machines of one tool share", () => {
    const ec2 = {
      Reservations: [
        {
          Instances: ["i-01", "i-02"].map((id) => ({ InstanceId: id, ImageId: "ami-1", State: { Name: "running" }, Tags: [{ Key: "Name", Value: "web" }] })),
        },
      ],
    };
    const rows = [{ name: "nginx", version: "1.24" }];
    const result = importFiles([
      { name: "ec2.json", text: JSON.stringify(ec2) },
      { name: "web.json", text: JSON.stringify(rows) },
    ]);
    expect(result.snapshot.hosts.map((host) => host.hostKey)).toEqual(["i-01", "i-02", "web"]);
  });

  it("does not merge machines of the same name in different environments", () => {
    const facts = (env: string) => JSON.stringify({ ansible_facts: { ansible_hostname: "db-1", ansible_local: { meta: { environment: env } } }, changed: false });
    const rows = JSON.stringify([{ name: "postgresql", version: "15" }]);
    const result = importFiles([
      { name: "db-1", text: facts("prod") },
      { name: "db-1.json", text: rows },
    ], { environment: "staging" });
    // The same hostKey is always one machine, whatever the environments say.
    expect(result.snapshot.hosts).toHaveLength(1);
    const apart = importFiles([
      { name: "db-1", text: facts("prod") },
      { name: "db-1.example.com.json", text: rows },
    ], { environment: "staging" });
    expect(apart.snapshot.hosts.map((host) => [host.hostKey, host.environment])).toEqual([
      ["db-1", "prod"],
      ["db-1.example.com", "staging"],
    ]);
  });

  it("merges files of one fact-cache directory into one snapshot", () => {
    const result = importFiles([
      readFixture("ansible/fact-cache/billing-03.prod.example.com"),
      readFixture("ansible/fact-cache/pg-01.prod.example.com"),
      readFixture("ansible/tree/db-02.prod.example.com"),
    ], { environment: "prod" });
    expect(result.format).toBe("ansible");
    expect(result.snapshot).toMatchObject({ environment: "prod", takenAt: "2026-02-28T15:00:05.000Z" });
    expect(result.snapshot.hosts.map((host) => host.hostKey)).toEqual(["billing-03.prod.example.com", "pg-01.prod.example.com"]);
    expect(result.skipped).toEqual([{ hostKey: "db-02.prod.example.com", reason: expect.stringContaining("unreachable") }]);
  });

  it("uses a forced format, and rejects one the file does not match, naming the format", () => {
    expect(importFiles([readFixture("docker/inspect.json")], { format: "docker" }).format).toBe("docker");
    const error = thrown(() => importFiles([readFixture("docker/inspect.json")], { format: "kubernetes" }));
    expect(error).toMatchObject({ code: "invalid_input", file: "inspect.json" });
    expect(error.message).toBe("inspect.json does not look like kubernetes output (expected kubectl get pods -A -o json)");
    const unknown = thrown(() => importFiles([readFixture("docker/inspect.json")], { format: "nagios" }));
    expect(unknown).toMatchObject({ code: "invalid_input", path: "format" });
    expect(unknown.message).toMatch(/^unknown format "nagios"; supported formats: ansible/);
  });

  it("falls back to the canonical parser, and says what is supported when nothing matches", () => {
    const canonical: CanonicalParser = {
      detect: (file) => file.text.startsWith("hostKey,"),
      parse: (file, options) => ({
        snapshot: { source: "csv", hosts: [{ hostKey: file.text.split("\n")[1]!.split(",")[0]!, service: options.service ?? "csv", components: {}, config: {} }] },
        skipped: [],
      }),
    };
    const csv: ImportFile = { name: "fleet.csv", text: "hostKey,service\ni-0aaa1111bbbb2222c,storefront\n" };
    const result = importFiles([csv, readFixture("aws-ec2/describe-instances.json")], { service: "x" }, { canonical });
    expect(result.format).toBe("canonical+aws-ec2");
    // canonical ranks first: its key and service; describe-instances adds the rest.
    expect(hostByKey(result, "i-0aaa1111bbbb2222c")).toMatchObject({ service: "x", image: "ami-0a1b2c3d4e5f60718" });
    expect(importFiles([csv], { format: "csv" }, { canonical }).format).toBe("canonical");

    const unknown: ImportFile = { name: "notes.txt", text: "hello" };
    const error = thrown(() => importFiles([unknown], {}, { canonical }));
    expect(error).toMatchObject({ code: "unsupported_format", file: "notes.txt" });
    expect(error.message).toMatch(/^notes\.txt: could not recognise the format; supported formats: ansible \(.*\), .*spdx \(SPDX JSON SBOM\), canonical JSON\/NDJSON\/CSV$/);
    expect(thrown(() => importFiles([unknown])).code).toBe("unsupported_format");
  });

  it("attributes a broken file's error to that file", () => {
    const broken = { name: "pods.json", text: readFixture("kubernetes/pods.json").text.replace('"uid": "2b8c5e4a-3d6f-4a71-8c1d-3e4f5a6b7c83"', '"uid": 12') };
    const error = thrown(() => importFiles([readFixture("aws-ec2/describe-instances.json"), broken]));
    expect(error).toMatchObject({ code: "invalid_input", file: "pods.json", path: "items[2].metadata.uid" });
    expect(error.message).toBe("kubernetes: items[2].metadata.uid: expected a string, got number 12");
  });

  it("reports truncated tool output as that tool's broken JSON, with a line", () => {
    const text = readFixture("kubernetes/pods.json").text;
    const error = thrown(() => importFiles([{ name: "pods.json", text: text.slice(0, text.length / 2) }]));
    expect(error).toMatchObject({ code: "invalid_input", file: "pods.json" });
    expect(error.message).toMatch(/^kubernetes: the file is not valid JSON/);
    expect(error.line).toBeGreaterThan(100);
  });

  it("handles 10,000 pods and a 10,000-instance merge without quadratic work", () => {
    const pods = Array.from({ length: 10_000 }, (_, i) => ({
      apiVersion: "v1",
      kind: "Pod",
      metadata: {
        uid: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
        name: `web-7d9f8c6b5-${i}`,
        namespace: "shop",
        creationTimestamp: "2026-02-27T14:30:00Z",
        labels: { app: `svc-${i % 50}`, "pod-template-hash": "7d9f8c6b5" },
        ownerReferences: [{ kind: "ReplicaSet", name: "web-7d9f8c6b5", controller: true }],
      },
      spec: { containers: [{ name: "app", image: `ghcr.io/acme/svc-${i % 50}:1.${i % 7}.0` }, { name: "proxy", image: "envoyproxy/envoy:v1.29.1" }] },
      status: {
        phase: i % 100 === 0 ? "Succeeded" : "Running",
        containerStatuses: [{ name: "app", imageID: `ghcr.io/acme/svc@sha256:${"a".repeat(64)}`, state: { running: { startedAt: "2026-02-27T14:30:05Z" } } }],
      },
    }));
    const started = performance.now();
    const result = importFiles([{ name: "pods.json", text: JSON.stringify({ apiVersion: "v1", kind: "List", items: pods }) }]);
    expect(result.snapshot.hosts).toHaveLength(9_900);
    expect(result.skipped).toHaveLength(100);

    const instances = Array.from({ length: 10_000 }, (_, i) => ({
      InstanceId: `i-${i.toString(16).padStart(17, "0")}`,
      ImageId: "ami-1",
      State: { Name: "running" },
      PrivateDnsName: `ip-10-${(i >> 8) & 255}-${i & 255}-1.eu-west-1.compute.internal`,
      Tags: [{ Key: "Service", Value: `svc-${i % 50}` }],
    }));
    const log = instances
      .map((instance) => JSON.stringify({ name: "deb", hostIdentifier: instance.PrivateDnsName.split(".")[0], unixTime: 1772359200, columns: { name: "nginx", version: "1.24" }, action: "added" }))
      .join("\n");
    const merged = importFiles([
      { name: "ec2.json", text: JSON.stringify({ Reservations: [{ Instances: instances }] }) },
      { name: "osqueryd.results.log", text: log },
    ]);
    expect(merged.snapshot.hosts).toHaveLength(10_000);
    expect(merged.snapshot.hosts[9_999]?.components.nginx).toBe("1.24");
    expect(performance.now() - started).toBeLessThan(10_000);
  }, 30_000);
});
