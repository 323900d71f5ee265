import { describe, expect, it } from "vitest";
import { dockerImporter } from "./docker";
import { hostByKey, readFixture, runImporter, thrown } from "./test-utils";

describe("docker importer", () => {
  it("makes each running container a host: compose service, image, image id and *_VERSION env values", () => {
    const result = runImporter(dockerImporter, "docker/inspect.json");
    expect(result.snapshot.hosts.map((host) => host.service)).toEqual(["billing-api", "billing-worker"]);
    expect(hostByKey(result, "4f0c2b9d7e1a3c5b8d6f0e2a4c6b8d0f1e3a5c7b9d1f3e5a7c9b1d3f5e7a9c1b")).toEqual({
      hostKey: "4f0c2b9d7e1a3c5b8d6f0e2a4c6b8d0f1e3a5c7b9d1f3e5a7c9b1d3f5e7a9c1b",
      service: "billing-api",
      environment: "prod",
      image: "ghcr.io/acme/billing-api:2.3.1",
      launchedAt: "2026-02-27T14:30:02.918Z",
      components: {
        "ghcr.io/acme/billing-api": "2.3.1",
        "ghcr.io/acme/billing-api@digest": "sha256:b1a2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90",
        node: "20.11.1",
        yarn: "1.22.19",
      },
      config: {},
    });
    expect(hostByKey(result, "8e2d4f6a8c0e2a4c6e8a0c2e4a6c8e0a2c4e6a8c0e2a4c6e8a0c2e4a6c8e0a2c").components).toMatchObject({ python: "3.12.2", "python-pip": "24.0" });
    expect(result.skipped).toEqual([{ hostKey: "1a3c5e7a9c1e3a5c7e9a1c3e5a7c9e1a3c5e7a9c1e3a5c7e9a1c3e5a7c9e1a3c", reason: "container exited (exit code 0)" }]);
    expect(result.snapshot.takenAt).toBeUndefined();
  });

  it("copes with null labels and env, digest-pinned images, untagged images and never-started containers", () => {
    const result = runImporter(dockerImporter, "docker/inspect-awkward.json", { takenAt: "2026-03-01T10:00:00Z" });
    expect(hostByKey(result, "d4e6f8a0c2e4a6c8e0a2c4e6a8c0e2a4c6e8a0c2e4a6c8e0a2c4e6a8c0e2a4c6")).toMatchObject({
      service: "nginx",
      components: { nginx: "sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31" },
    });
    expect(hostByKey(result, "f6a8b0c2e4a6c8e0a2c4e6a8c0e2a4c6e8a0c2e4a6c8e0a2c4e6a8c0e2a4c6e8")).toMatchObject({
      service: "public.ecr.aws/datadog/agent",
      environment: "prod",
      components: { "public.ecr.aws/datadog/agent": "latest", agent: "7.50.3" },
    });
    expect(result.skipped).toEqual([{ hostKey: "e5f7a9b1d3f5b7d9f1b3d5f7b9d1f3b5d7f9b1d3f5b7d9f1b3d5f7b9d1f3b5d7", reason: "container created" }]);
    expect(result.snapshot.takenAt).toBe("2026-03-01T10:00:00.000Z");
  });

  it("names the tool and path when a container is broken", () => {
    const containers = JSON.parse(readFixture("docker/inspect.json").text) as { Config: Record<string, unknown> }[];
    containers[1]!.Config.Env = "PYTHON_VERSION=3.12.2";
    const error = thrown(() => runImporter(dockerImporter, { name: "inspect.json", text: JSON.stringify(containers) }));
    expect(error).toMatchObject({ code: "invalid_input", path: "[1].Config.Env" });
    expect(error.message).toMatch(/^docker: \[1\]\.Config\.Env: expected an array/);
  });
});
