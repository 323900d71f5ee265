// The production build's standalone server (`output: "standalone"` in next.config.ts) is what
// the Docker image runs. It does not carry the static files and public/; completing it puts
// them beside it, as the Dockerfile does, so `npm start`, the tests and the bench all run the
// very server that is deployed.
import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";

/** Copies `.next/static` and `public/` into `.next/standalone`; returns the path of its server.js. */
export function completeStandaloneServer(projectDir = process.cwd()): string {
  const standalone = path.join(projectDir, ".next", "standalone");
  const server = path.join(standalone, "server.js");
  if (!existsSync(server)) throw new Error("no standalone server (.next/standalone/server.js): run `npx next build`");
  for (const [from, to] of [
    [path.join(projectDir, ".next", "static"), path.join(standalone, ".next", "static")],
    [path.join(projectDir, "public"), path.join(standalone, "public")],
  ] as const) {
    // Replaced whole, so files of an earlier build do not linger.
    rmSync(to, { recursive: true, force: true });
    cpSync(from, to, { recursive: true });
  }
  return server;
}
