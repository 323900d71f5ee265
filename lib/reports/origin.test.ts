import { describe, expect, it } from "vitest";
import { resolveRequestOrigin } from "./origin";

const headers = (values: Record<string, string>) => new Headers(values);

describe("resolveRequestOrigin", () => {
  it("prefers the proxy's forwarded host and protocol", () => {
    expect(resolveRequestOrigin(headers({ host: "10.0.0.5:3000", "x-forwarded-host": "drift.example.com", "x-forwarded-proto": "https" }), "http://10.0.0.5:3000/api/reports")).toBe(
      "https://drift.example.com",
    );
  });

  it("uses the Host header and the request's protocol otherwise", () => {
    expect(resolveRequestOrigin(headers({ host: "127.0.0.1:3107" }), "http://localhost:3107/api/reports")).toBe("http://127.0.0.1:3107");
    expect(resolveRequestOrigin(headers({ host: "[::1]:3000" }))).toBe("http://[::1]:3000");
  });

  it("never echoes a host header that is not a plain host", () => {
    expect(resolveRequestOrigin(headers({ host: "evil.example/path?x=" }), "http://localhost:3000/")).toBe("http://localhost:3000");
    expect(resolveRequestOrigin(headers({ host: "a b" }))).toBeUndefined();
    expect(resolveRequestOrigin(headers({ host: "example.com", "x-forwarded-proto": "javascript" }), "http://localhost:3000/")).toBe("http://localhost:3000");
  });
});
