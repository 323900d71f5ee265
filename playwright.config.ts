import { defineConfig, devices } from "@playwright/test";
import {
  ACCESS_VARIABLES,
  AUTH_PORT,
  E2E_ADMIN_PASSWORD,
  E2E_ENV_TOKEN,
  E2E_LIMITS,
  E2E_SIGNIN_RATE_LIMIT,
  MAIN_PORT as PORT,
} from "./e2e/support/servers";

// e2e runs against the production build (`next build` first; `npm test` does both), served by
// its standalone server as the Docker image serves it (scripts/serve.ts), on a port of its
// own, in Debian's Chromium: browsers cannot be downloaded on these machines.
// A second server runs the same build with an admin password (e2e/auth.spec.ts).
const unsetAccess = `env ${ACCESS_VARIABLES.map((name) => `-u ${name}`).join(" ")}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ?? ".test-reports/playwright.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        },
      },
    },
  ],
  webServer: [
    {
      command: `${unsetAccess} node --import tsx scripts/serve.ts`,
      url: `http://127.0.0.1:${PORT}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      // A small upload limit so the 413 answer can be tested without sending 256 MB.
      env: { PORT: String(PORT), DRIFTBOARD_MAX_UPLOAD_MB: "2" },
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      command: "node --import tsx scripts/serve.ts",
      url: `http://127.0.0.1:${AUTH_PORT}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: {
        PORT: String(AUTH_PORT),
        DRIFTBOARD_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
        DRIFTBOARD_API_TOKEN: E2E_ENV_TOKEN,
        DRIFTBOARD_RATE_LIMIT_SIGNIN: String(E2E_SIGNIN_RATE_LIMIT),
        ...E2E_LIMITS,
      },
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
