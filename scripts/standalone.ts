// The production build's standalone server (`output: "standalone"` in next.config.ts) is what
// the Docker image runs. It does not carry the static files and public/; completing it puts
// them beside it, as the Dockerfile does, so `npm start`, the tests and the bench all run the
// very server that is deployed.
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Copies `.next/static` and `public/` into `.next/standalone` once per build; returns the path of its server.js. */
export function completeStandaloneServer(projectDir = process.cwd()): string {
  const standalone = path.join(projectDir, ".next", "standalone");
  const server = path.join(standalone, "server.js");
  if (!existsSync(server)) throw new Error("no standalone server (.next/standalone/server.js): run `npx next build`");
  const buildId = readFileSync(path.join(projectDir, ".next", "BUILD_ID"), "utf8");
  const marker = path.join(standalone, ".completed");
  if (existsSync(marker) && readFileSync(marker, "utf8") === buildId) return server;
  for (const [from, to] of [
    [path.join(projectDir, ".next", "static"), path.join(standalone, ".next", "static")],
    [path.join(projectDir, "public"), path.join(standalone, "public")],
  ] as const) {
    // Staged and renamed into place: Playwright starts two servers at once, and neither may
    // see the other's half-made copy.
    const staged = `${to}.${process.pid}`;
    cpSync(from, staged, { recursive: true });
    rmSync(to, { recursive: true, force: true });
    try {
      renameSync(staged, to);
    } catch {
      rmSync(staged, { recursive: true, force: true }); // the other one's copy of the same build won
    }
  }
  writeFileSync(marker, buildId);
  return server;
}

/** Runs the completed standalone server of the project in the working directory, on all interfaces. */
export function spawnStandaloneServer(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [completeStandaloneServer()], {
    stdio: "inherit",
    // HOSTNAME, as shells set it, would bind the server to that one name.
    env: { ...env, HOSTNAME: "0.0.0.0", NEXT_TELEMETRY_DISABLED: "1" },
  });
}
