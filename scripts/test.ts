// `npm test`: every test against real parts — unit and integration tests (Vitest, real
// Postgres), then e2e (Playwright in Debian's Chromium against the production build).
// Ends with one plain line, `N passed, N failed`, totalled from both runners' JSON reports.
// Flags: --skip-e2e, --e2e-only.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { startTestDatabaseServer } from "../lib/testing/database";

const REPORTS = path.resolve(".test-reports");
const log = (line: string) => console.log(`[test] ${line}`);

function run(label: string, args: string[], env: Record<string, string> = {}): boolean {
  log(label);
  const result = spawnSync(process.execPath, args, {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1", ...env },
  });
  return result.status === 0;
}

function readJson(file: string): Record<string, unknown> | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>) : null;
}

async function main() {
  const skipE2e = process.argv.includes("--skip-e2e");
  const e2eOnly = process.argv.includes("--e2e-only");
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });

  let passed = 0;
  let failed = 0;
  let stepsOk = run("prisma generate", [path.join("scripts", "prisma-generate.mjs")]);

  const server = await startTestDatabaseServer(log);
  try {
    if (!e2eOnly) {
      const databaseUrl = await server.createDatabase("driftboard_integration");
      const vitestJson = path.join(REPORTS, "vitest.json");
      stepsOk =
        run("vitest (unit + integration)", [
          path.join("node_modules", "vitest", "vitest.mjs"),
          "run",
          "--reporter=default",
          "--reporter=json",
          `--outputFile.json=${vitestJson}`,
        ], { DRIFTBOARD_TEST_DATABASE_URL: databaseUrl }) && stepsOk;
      const report = readJson(vitestJson);
      if (report) {
        passed += Number(report.numPassedTests ?? 0);
        failed += Number(report.numFailedTests ?? 0);
      } else {
        stepsOk = false;
      }
    }

    if (!skipE2e) {
      const databaseUrl = await server.createDatabase("driftboard_e2e");
      const built = run("next build", [path.join("node_modules", "next", "dist", "bin", "next"), "build"]);
      stepsOk = built && stepsOk;
      if (built) {
        const playwrightJson = path.join(REPORTS, "playwright.json");
        stepsOk =
          run("playwright (e2e)", [path.join("node_modules", "@playwright", "test", "cli.js"), "test"], {
            DATABASE_URL: databaseUrl,
            PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightJson,
          }) && stepsOk;
        const stats = readJson(playwrightJson)?.stats as Record<string, number> | undefined;
        if (stats) {
          passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
          failed += stats.unexpected ?? 0;
        } else {
          stepsOk = false;
        }
      }
    }
  } finally {
    await server.stop();
  }

  if (!stepsOk && failed === 0) log("a test step failed before it could report its tests (see above)");
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(stepsOk && failed === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  console.log("0 passed, 1 failed");
  process.exit(1);
});
