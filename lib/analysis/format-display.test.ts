import { describe, expect, it } from "vitest";
import { formatComponentLabel, formatVersion } from "./format-display";

describe("formatVersion", () => {
  it("shortens config fingerprints and digests", () => {
    expect(formatVersion("ea67414c8a38b7425228b83dd36c4f5e26a20db1b7d11b002404eda9550eb8af")).toBe("ea67414c…");
    expect(formatVersion("sha256:498fe5d4c389cc49e6c4bafe39ff606510e256b730aa9ca9cfff1a3d2030ca13")).toBe("498fe5d4…");
  });

  it("keeps ordinary versions, and says when there is none", () => {
    expect(formatVersion("1:7.52.1-1")).toBe("1:7.52.1-1");
    expect(formatVersion("abc123")).toBe("abc123");
    expect(formatVersion(null)).toBe("—");
  });
});

describe("formatComponentLabel", () => {
  it("shows config files by the end of their path, other components by their start", () => {
    expect(formatComponentLabel("config:/etc/nginx/sites-enabled/billing.conf", 20)).toBe("…nabled/billing.conf");
    expect(formatComponentLabel("config:/etc/motd")).toBe("/etc/motd");
    expect(formatComponentLabel("registry.example.com/checkout-api@digest", 12)).toBe("registry.ex…");
    expect(formatComponentLabel("nginx")).toBe("nginx");
  });
});
