import { describe, expect, it } from "vitest";
import { cyclonedxImporter } from "./cyclonedx";
import { readFixture, runImporter, thrown } from "./test-utils";

describe("cyclonedx importer", () => {
  it("makes an image SBOM one host: the image as subject and service, its components and OS", () => {
    const result = runImporter(cyclonedxImporter, "cyclonedx/billing-api.cdx.json");
    const image = "ghcr.io/acme/billing-api@sha256:b1a2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";
    expect(result.snapshot.hosts).toEqual([
      {
        hostKey: image,
        service: "ghcr.io/acme/billing-api",
        image,
        components: { os: "alpine 3.19.1", express: "4.18.2", "@acme/money": "2.0.1", debug: "2.6.9, 4.3.4", openssl: "3.1.4-r5" },
        config: {},
      },
    ]);
    expect(result.snapshot.takenAt).toBe("2026-03-01T08:15:00.000Z");
  });

  it("names the host by option or file, flattens nested components, keeps versionless ones and file hashes as config", () => {
    const result = runImporter(cyclonedxImporter, "cyclonedx/host-sbom.cdx.json", { host: "billing-07", environment: "prod" });
    expect(result.snapshot.hosts).toEqual([
      {
        hostKey: "billing-07",
        service: "billing",
        environment: "prod",
        components: {
          "billing-service": "2.3.1",
          "org.apache.logging.log4j/log4j-core": "2.17.1",
          "internal-helpers": "",
          "package:kernel": "5.14.0-362.8.1.el9_3",
        },
        config: { "/etc/nginx/nginx.conf": "4f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0" },
      },
    ]);
    expect(result.snapshot.takenAt).toBe("2026-02-28T22:00:00.000Z");
    expect(runImporter(cyclonedxImporter, "cyclonedx/host-sbom.cdx.json").snapshot.hosts[0]?.hostKey).toBe("host-sbom");
  });

  it("names the tool and path of a broken component", () => {
    const bom = JSON.parse(readFixture("cyclonedx/host-sbom.cdx.json").text) as { components: { components: Record<string, unknown>[] }[] };
    bom.components[0]!.components[1]!.name = null;
    const error = thrown(() => runImporter(cyclonedxImporter, { name: "bom.json", text: JSON.stringify(bom) }));
    expect(error.message).toBe("cyclonedx: components[0].components[1].name: expected a string, got null");
  });
});
