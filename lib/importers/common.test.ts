import { describe, expect, it } from "vitest";
import { MAX_NAME_LENGTH } from "@/lib/snapshots/schemas";
import { cleanName, guessServiceFromHostName, hostNameFromFile, isChecksum, parseImageReference, toIsoTime } from "./common";

describe("importer helpers", () => {
  it.each([
    ["billing-01.prod.example.com", "billing"],
    ["WEB3", "web"],
    ["db_02", "db"],
    ["api-blue-7", "api-blue"],
    ["10.0.1.5", "10.0.1.5"],
    ["ip-10-0-1-5", "ip-10-0-1-5"],
    ["42", "42"],
  ])("guesses the service of %s as %s", (name, service) => {
    expect(guessServiceFromHostName(name)).toBe(service);
  });

  it.each([
    ["pg-prod-01.json", "pg-prod-01"],
    ["facts/web-01.example.com", "web-01.example.com"],
    ["results/osqueryd.results.log", "osqueryd"],
    ["sbom.cdx.json", "sbom"],
    ["C:\\dumps\\host.txt", "host"],
  ])("names the host of file %s %s", (file, host) => {
    expect(hostNameFromFile(file)).toBe(host);
  });

  it("normalises the timestamps tools print", () => {
    expect(toIsoTime("2026-03-01T10:00:00.123456789Z")).toBe("2026-03-01T10:00:00.123Z");
    expect(toIsoTime("2026-03-01T10:00:00+01:00")).toBe("2026-03-01T09:00:00.000Z");
    expect(toIsoTime(1772359200)).toBe("2026-03-01T10:00:00.000Z");
    expect(toIsoTime("1772359200.5")).toBe("2026-03-01T10:00:00.500Z");
    expect(toIsoTime(1772359200000)).toBe("2026-03-01T10:00:00.000Z");
    expect(toIsoTime("0001-01-01T00:00:00Z")).toBeUndefined();
    expect(toIsoTime("yesterday")).toBeUndefined();
  });

  it.each([
    ["nginx", { repository: "nginx" }],
    ["docker.io/library/postgres:15.5", { repository: "postgres", tag: "15.5" }],
    ["registry.internal:5000/team/app:1.2", { repository: "registry.internal:5000/team/app", tag: "1.2" }],
    ["ghcr.io/acme/web:2.0@sha256:abc", { repository: "ghcr.io/acme/web", tag: "2.0", digest: "sha256:abc" }],
  ])("parses the image reference %s", (reference, parsed) => {
    expect(parseImageReference(reference)).toEqual(parsed);
  });

  it("recognises checksums and bounds names", () => {
    expect(isChecksum("3b5d5c3712955042212316173ccf37be")).toBe(true);
    expect(isChecksum(`sha256:${"a".repeat(64)}`)).toBe(true);
    expect(isChecksum("2.3.1")).toBe(false);
    expect(cleanName("  x  ")).toBe("x");
    expect(cleanName("   ")).toBeUndefined();
    expect(cleanName(42)).toBe("42");
    expect(cleanName("y".repeat(600))).toHaveLength(MAX_NAME_LENGTH);
  });
});
