import { describe, expect, it } from "vitest";
import { packerImporter } from "./packer";
import { runImporter, thrown } from "./test-utils";

describe("packer importer", () => {
  it("yields no hosts, only an image catalogue: one entry per region's AMI, with version and build time", () => {
    const result = runImporter(packerImporter, "packer/packer-manifest.json");
    expect(result.snapshot.hosts).toEqual([]);
    expect(result.images).toEqual([
      { imageId: "ami-0999888877776666a", name: "storefront", builtAt: "2026-02-11T08:53:20.000Z", version: "5.1.4" },
      { imageId: "ami-0a1b2c3d4e5f60718", name: "storefront", builtAt: "2026-02-18T07:33:20.000Z", version: "5.2.0" },
      { imageId: "ami-0f1e2d3c4b5a69788", name: "storefront", builtAt: "2026-02-18T07:33:20.000Z", version: "5.2.0" },
      { imageId: "ami-0fedcba9876543210", name: "orders-api", builtAt: "2026-02-15T10:06:40.000Z", version: "1.8.0" },
    ]);
  });

  it("keeps other builders' artifact ids whole and tolerates missing custom_data", () => {
    const result = runImporter(packerImporter, "packer/packer-manifest-docker-gcp.json");
    expect(result.images).toEqual([
      { imageId: "worker-20260210", name: "worker", builtAt: "2026-02-10T05:06:40.000Z" },
      { imageId: "sha256:d3c4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2", name: "app", builtAt: "2026-02-10T05:08:20.000Z" },
    ]);
  });

  it("names the tool and path when a build lacks its artifact", () => {
    const text = JSON.stringify({ builds: [{ name: "web", builder_type: "amazon-ebs", build_time: 1 }], last_run_uuid: "x" });
    const error = thrown(() => runImporter(packerImporter, { name: "packer-manifest.json", text }));
    expect(error).toMatchObject({ code: "invalid_input", path: "builds[0].artifact_id" });
    expect(error.message).toBe("packer: builds[0].artifact_id: expected a string, it is missing");
  });
});
