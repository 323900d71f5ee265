import { describe, expect, it } from "vitest";
import { runImporter, readFixture, thrown } from "./test-utils";
import { spdxImporter } from "./spdx";

describe("spdx importer", () => {
  it("makes the described package the subject: an image SBOM becomes one host of the image's service", () => {
    const result = runImporter(spdxImporter, "spdx/billing-api.spdx.json");
    const image = "ghcr.io/acme/billing-api@sha256:b1a2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";
    expect(result.snapshot.hosts).toEqual([
      { hostKey: image, service: "ghcr.io/acme/billing-api", image, components: { express: "4.18.2", openssl: "3.1.4-r5" }, config: {} },
    ]);
    expect(result.snapshot.takenAt).toBe("2026-03-01T08:16:00.000Z");
  });

  it("falls back to the document name when nothing is described; NOASSERTION and missing versions become empty", () => {
    const result = runImporter(spdxImporter, "spdx/web-02.spdx.json");
    expect(result.snapshot.hosts).toEqual([
      { hostKey: "web-02", service: "web", components: { os: "ubuntu 22.04", nginx: "1.24.0-1~jammy", openssl: "", "ca-certificates": "" }, config: {} },
    ]);
  });

  it("names the tool and path of a broken package", () => {
    const doc = JSON.parse(readFixture("spdx/web-02.spdx.json").text) as { packages: Record<string, unknown>[] };
    doc.packages[2]!.versionInfo = { major: 1 };
    const error = thrown(() => runImporter(spdxImporter, { name: "sbom.json", text: JSON.stringify(doc) }));
    expect(error).toMatchObject({ code: "invalid_input", path: "packages[2].versionInfo" });
    expect(error.message).toMatch(/^spdx: packages\[2\]\.versionInfo: /);
  });
});
