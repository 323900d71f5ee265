import { describe, expect, it } from "vitest";
import { clientAddress, isHttpsRequest, isSameOriginRequest } from "./request-origin";

const URL_ = "http://driftboard.internal:3000/api/snapshots";
const headers = (init: Record<string, string>) => new Headers({ host: "driftboard.internal:3000", ...init });

describe("isSameOriginRequest", () => {
  it("trusts Sec-Fetch-Site when the browser sends it", () => {
    expect(isSameOriginRequest(headers({ "sec-fetch-site": "same-origin" }), URL_, true)).toBe(true);
    expect(isSameOriginRequest(headers({ "sec-fetch-site": "same-site" }), URL_, true)).toBe(false);
    expect(isSameOriginRequest(headers({ "sec-fetch-site": "cross-site", origin: "http://driftboard.internal:3000" }), URL_, false)).toBe(false);
  });

  it("compares Origin with the host the browser addressed", () => {
    expect(isSameOriginRequest(headers({ origin: "http://driftboard.internal:3000" }), URL_, true)).toBe(true);
    expect(isSameOriginRequest(headers({ origin: "http://evil.example" }), URL_, true)).toBe(false);
    expect(isSameOriginRequest(headers({ origin: "null" }), URL_, true)).toBe(false);
    expect(isSameOriginRequest(headers({ origin: "https://driftboard.example.com", "x-forwarded-host": "driftboard.example.com" }), URL_, true)).toBe(true);
  });

  it("lets header-less clients (curl) through only without a session cookie", () => {
    expect(isSameOriginRequest(headers({}), URL_, false)).toBe(true);
    expect(isSameOriginRequest(headers({}), URL_, true)).toBe(false);
  });
});

describe("isHttpsRequest", () => {
  it("believes the TLS-terminating proxy, else the URL", () => {
    expect(isHttpsRequest(new Headers({ "x-forwarded-proto": "https" }), "http://x/")).toBe(true);
    expect(isHttpsRequest(new Headers({ "x-forwarded-proto": "http" }), "https://x/")).toBe(false);
    expect(isHttpsRequest(new Headers(), "https://x/")).toBe(true);
    expect(isHttpsRequest(new Headers(), "http://x/")).toBe(false);
  });
});

describe("clientAddress", () => {
  it("takes the first X-Forwarded-For hop", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.1" }))).toBe("203.0.113.7");
    expect(clientAddress(new Headers({ "x-real-ip": "203.0.113.8" }))).toBe("203.0.113.8");
    expect(clientAddress(new Headers())).toBe("unknown");
    expect(clientAddress(new Headers({ "x-forwarded-for": "x".repeat(500) }))).toHaveLength(64);
  });
});
