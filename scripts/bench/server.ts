/**
 * The production server under test (the standalone server.js), its memory, and HTTP helpers.
 * Used by the benchmark and by the scale-out test, so both run the dashboard the same way.
 */
import { spawn, type ChildProcess } from "node:child_process";
import {
  closeSync,
  cpSync,
  createReadStream,
  existsSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
} from "node:fs";
import http from "node:http";
import path from "node:path";
import { completeStandaloneServer } from "../standalone";

export interface ProductionServer {
  url: string;
  port: number;
  pid: number;
  logFile: string;
  /** Stops the server and everything it started; safe to call twice. */
  stop(): Promise<void>;
}

const started = new Set<ChildProcess>();

/** Last resort on exit: no server outlives the script that started it. */
function killAllStartedSync(): void {
  for (const child of started) killGroup(child, "SIGKILL");
}
let isExitHookInstalled = false;
function installExitHook(): void {
  if (isExitHookInstalled) return;
  isExitHookInstalled = true;
  process.on("exit", killAllStartedSync);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/**
 * Starts the standalone server (`node server.js`, as the Docker image runs it) from
 * `serverDir` (see copyStandaloneServer) in a process group of its own, with output going to
 * `logFile`, and waits until GET /api/health answers. Access control is left off (no admin
 * password or token) unless `env` sets it.
 */
export async function startProductionServer(options: {
  /** A copy of the standalone server, made by copyStandaloneServer. */
  serverDir: string;
  port: number;
  databaseUrl: string;
  logFile: string;
  env?: Record<string, string>;
  readyTimeoutMs?: number;
}): Promise<ProductionServer> {
  installExitHook();
  const { serverDir, port, databaseUrl, logFile } = options;
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^DRIFTBOARD_(ADMIN_PASSWORD|ADMIN_PASSWORD_HASH|API_TOKEN|SESSION_SECRET)$/.test(key)),
  );
  const out = openSync(logFile, "a");
  const child = spawn(process.execPath, ["server.js"], {
    cwd: serverDir,
    detached: true,
    stdio: ["ignore", out, out],
    env: {
      ...inherited,
      DATABASE_URL: databaseUrl,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      ...options.env,
    },
  });
  closeSync(out);
  started.add(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    killGroup(child, "SIGTERM");
    const timer = setTimeout(() => killGroup(child, "SIGKILL"), 10_000);
    if (child.exitCode === null && child.signalCode === null) await exited;
    clearTimeout(timer);
    started.delete(child);
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 90_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server on port ${port} exited (${child.exitCode ?? child.signalCode}):\n${tail(logFile)}`);
    }
    if (await isHealthy(url)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server on port ${port} did not answer /api/health in time:\n${tail(logFile)}`);
    }
    await sleep(250);
  }
  return { url, port, pid: child.pid!, logFile, stop };
}

async function isHealthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function tail(file: string, lines = 30): string {
  if (!existsSync(file)) return "(no log)";
  return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
}

/**
 * Copies the production build's standalone server, completed with its static files (see
 * scripts/standalone.ts), to `targetDir`: the files the Docker image holds, and no others. Keep `targetDir` outside the project, where Node cannot fall back to the project's
 * node_modules for a file the build failed to trace. The copy also keeps serving this build
 * when someone rebuilds `.next` meanwhile. Returns its BUILD_ID.
 */
export function copyStandaloneServer(projectDir: string, targetDir: string): string {
  const built = path.join(projectDir, ".next");
  for (let attempt = 0; attempt < 5; attempt++) {
    const before = readBuildId(projectDir);
    if (!before) throw new Error("no production build: run `npx next build`");
    completeStandaloneServer(projectDir);
    rmSync(targetDir, { recursive: true, force: true });
    cpSync(path.join(built, "standalone"), targetDir, { recursive: true, verbatimSymlinks: true });
    // A build that finished while we copied leaves a mix: copy again.
    if (readBuildId(projectDir) === before && readBuildId(targetDir) === before) return before;
  }
  throw new Error("the production build kept changing while it was copied (is a build running?)");
}

export function readBuildId(dir: string): string | null {
  const file = path.join(dir, ".next", "BUILD_ID");
  return existsSync(file) ? readFileSync(file, "utf8").trim() : null;
}

/** True when the production build exists (`.next/BUILD_ID`). */
export function hasProductionBuild(projectDir: string): boolean {
  return existsSync(path.join(projectDir, ".next", "BUILD_ID"));
}

// -------------------------------------------------------------------------------------------
// Memory

/** The process and all its descendants (Next.js may run workers as child processes). */
export function processTree(pid: number): number[] {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    try {
      const children = readFileSync(`/proc/${pids[i]}/task/${pids[i]}/children`, "utf8").trim();
      if (children) pids.push(...children.split(/\s+/).map(Number));
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

/** VmRSS and VmHWM (peak since start) of one process, in bytes; null when it is gone. */
export function readMemory(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0) * 1024;
    return { rss: field("VmRSS"), hwm: field("VmHWM") };
  } catch {
    return null;
  }
}

export interface MemorySampler {
  /** Stops sampling: the highest summed VmRSS seen, and the summed VmHWM at the end, in MB. */
  stop(): { peakRssMb: number; hwmMb: number; samples: number };
}

/**
 * Samples the resident memory of `pid` and its descendants every `intervalMs`. VmHWM is the
 * peak since each process started, so it is exact only for a freshly started server; the
 * VmRSS samples bound the peak of this interval whatever ran before.
 */
export function sampleMemory(pid: number, intervalMs = 20): MemorySampler {
  let peak = 0;
  let samples = 0;
  let tree = processTree(pid);
  let lastTreeRead = Date.now();
  const sample = () => {
    if (Date.now() - lastTreeRead > 1_000) {
      tree = processTree(pid);
      lastTreeRead = Date.now();
    }
    let total = 0;
    for (const p of tree) total += readMemory(p)?.rss ?? 0;
    peak = Math.max(peak, total);
    samples++;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const hwm = processTree(pid).reduce((sum, p) => sum + (readMemory(p)?.hwm ?? 0), 0);
      return { peakRssMb: peak / 1024 / 1024, hwmMb: hwm / 1024 / 1024, samples };
    },
  };
}

/** CPU seconds (user + system) used so far by `pid` and its descendants. */
export function readCpuSeconds(pid: number): number {
  let ticks = 0;
  for (const p of processTree(pid)) {
    try {
      // Fields after the command name (which may hold spaces): utime and stime are 14th and 15th.
      const fields = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // exited meanwhile
    }
  }
  return ticks / 100; // USER_HZ is 100 on Linux
}

/**
 * Waits until the server has been idle (under 10% of one core) for a second: a server keeps
 * computing requests whose client gave up, which would slow whatever is measured next.
 */
export async function waitUntilIdle(pid: number, maxMs = 10 * 60_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  let last = readCpuSeconds(pid);
  while (Date.now() < deadline) {
    await sleep(1_000);
    const now = readCpuSeconds(pid);
    if (now - last < 0.1) return;
    last = now;
  }
}

// -------------------------------------------------------------------------------------------
// HTTP

export interface PostedFile {
  status: number;
  seconds: number;
  body: string;
}

/**
 * POSTs a file as the raw request body, streamed from disk with its Content-Length, as
 * `curl --data-binary @file` does; the time runs from the request's start to the answer's end.
 */
export function postFile(url: string, file: string, contentType: string, headers: Record<string, string> = {}): Promise<PostedFile> {
  const size = statSync(file).size;
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    const request = http.request(
      url,
      {
        method: "POST",
        headers: { "content-type": contentType, "content-length": String(size), "x-filename": path.basename(file), ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, seconds: (performance.now() - startedAt) / 1000, body: Buffer.concat(chunks).toString("utf8") }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    createReadStream(file).on("error", reject).pipe(request);
  });
}
