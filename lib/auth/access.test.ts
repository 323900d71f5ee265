import { describe, expect, it } from "vitest";
import { isAllowed, isPublicPath, type Principal, requiredPermission, safeNextPath } from "./access";

describe("requiredPermission", () => {
  it.each([
    ["GET", "/", "admin"],
    ["GET", "/services/web", "admin"],
    ["GET", "/settings", "admin"],
    ["POST", "/upload", "admin"], // a server action on a page
    ["GET", "/signin", "public"],
    ["POST", "/api/auth/signin", "public"],
    ["GET", "/api/health", "public"],
    ["GET", "/r/abc123", "public"],
    ["GET", "/r/abc123/report.csv", "public"],
    ["GET", "/r/abc123/opengraph-image", "public"],
    ["GET", "/api/snapshots", "read"],
    ["HEAD", "/api/services/web/export", "read"],
    ["POST", "/api/snapshots", "upload"],
    ["DELETE", "/api/snapshots/abc", "admin"],
    ["POST", "/api/ignore-rules", "admin"],
    ["PUT", "/api/services/web/baseline", "admin"],
    ["POST", "/api/reports", "admin"],
    ["POST", "/api/demo", "admin"],
    ["GET", "/api/tokens", "admin"],
    ["POST", "/api/tokens", "admin"],
    ["DELETE", "/api/tokens/x", "admin"],
  ] as const)("%s %s needs %s", (method, path, permission) => {
    expect(requiredPermission(method, path)).toBe(permission);
  });

  it("does not mistake look-alike paths for public ones", () => {
    expect(isPublicPath("/reports")).toBe(false);
    expect(isPublicPath("/r")).toBe(false);
    expect(isPublicPath("/api/healthz")).toBe(false);
    expect(isPublicPath("/signin/extra")).toBe(false);
    expect(requiredPermission("POST", "/api/snapshots/")).toBe("admin");
  });
});

describe("isAllowed", () => {
  const token = (scope: "read" | "upload" | "full"): Principal => ({ kind: "token", scope });
  it("lets a read token read and nothing else", () => {
    expect(isAllowed(token("read"), "read")).toBe(true);
    expect(isAllowed(token("read"), "upload")).toBe(false);
    expect(isAllowed(token("read"), "admin")).toBe(false);
  });
  it("lets an upload token read and upload, not administer", () => {
    expect(isAllowed(token("upload"), "read")).toBe(true);
    expect(isAllowed(token("upload"), "upload")).toBe(true);
    expect(isAllowed(token("upload"), "admin")).toBe(false);
  });
  it("gives the environment's token, sessions and open mode everything", () => {
    for (const principal of [token("full"), { kind: "session" } as const, { kind: "open" } as const]) {
      expect(isAllowed(principal, "admin")).toBe(true);
    }
  });
  it("gives anonymous visitors public paths only", () => {
    expect(isAllowed({ kind: "anonymous" }, "public")).toBe(true);
    expect(isAllowed({ kind: "anonymous" }, "read")).toBe(false);
  });
});

describe("safeNextPath", () => {
  it.each([
    ["/services?environment=prod", "/services?environment=prod"],
    ["/", "/"],
    [undefined, "/"],
    ["", "/"],
    ["https://evil.example/", "/"],
    ["//evil.example/", "/"],
    ["/\\evil.example", "/"],
    ["/signin?next=/", "/"],
    ["/api/snapshots", "/"],
    ["/x\nSet-Cookie: a=b", "/"],
    ["services", "/"],
  ])("%j → %j", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });
});
