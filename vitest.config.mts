import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));
const alias = { "@": root, "server-only": path.join(root, "lib/testing/server-only-stub.ts") };

// Two projects: unit tests need nothing; integration tests (`*.int.test.ts`) get a real
// Postgres from the global setup (embedded, or the server named by DATABASE_URL).
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["lib/**/*.int.test.ts", "app/**/*.int.test.ts"],
          globalSetup: ["lib/testing/global-setup.ts"],
          setupFiles: ["lib/testing/setup-database-env.ts"],
          // One database for the run; files run one after another so counts stay exact.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
