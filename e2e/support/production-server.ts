/**
 * Starts the production build (its standalone server.js, as the Docker image runs it) as a
 * child process of a test, on a port and database of its own, so fault tests can kill it,
 * restart it, and take its database away. Needs `next build` to have run (scripts/test.ts
 * builds before e2e); playwright.config.ts's web servers complete it with its static files.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { ACCESS_VARIABLES } from "./servers";

const SERVER = path.join(".next", "standalone", "server.js");
export const isBuilt = existsSync(SERVER);
export const NOT_BUILT_MESSAGE = "no production build (.next/standalone/server.js): run `npx tsx scripts/test.ts --e2e-only`, which builds first";

export interface ProductionServer {
  baseUrl: string;
  child: ChildProcess;
  /** Everything the server printed, for failure messages. */
  output(): string;
  /** SIGKILL: no shutdown hooks, no flushing, no goodbye to Postgres. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export async function startProductionServer(options: { port: number; databaseUrl: string; env?: Record<string, string> }): Promise<ProductionServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    PORT: String(options.port),
    HOSTNAME: "127.0.0.1",
    NEXT_TELEMETRY_DISABLED: "1",
    ...options.env,
  };
  for (const name of ACCESS_VARIABLES) if (!options.env?.[name]) delete env[name];
  const child = spawn(process.execPath, [SERVER], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const server: ProductionServer = {
    baseUrl,
    child,
    output: () => output,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
  // Ready when it listens (the database may be away on purpose, so not /api/health).
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
    try {
      await fetch(`${baseUrl}/signin`, { redirect: "manual" });
      return server;
    } catch {
      if (Date.now() > deadline) {
        await server.kill();
        throw new Error(`the server did not start within 60 s:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** Polls until `check` returns true (or throws after `timeoutMs`). */
export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await check().catch(() => false)) return Date.now() - start;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
