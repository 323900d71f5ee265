import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startTestDatabaseServer, type TestDatabaseServer } from "@/lib/testing/database";
import { copyStandaloneServer, startProductionServer, type ProductionServer } from "../scripts/bench/server";

// Statelessness (issue 7): two production servers (the standalone server.js the Docker image
// runs, copied outside the project as the image holds it) on one fresh database behind
// one nginx doing round-robin on loopback. Concurrent uploads — the same content several
// times, in several forms — and reads spread over both replicas must all agree: same content
// gives the same id, every snapshot is stored exactly once, nothing is ever seen half-stored,
// and either replica answers every read the same. A session signed in on one replica is
// accepted by the other. Needs nginx (`apt-get install -y nginx`) and the production build.

const NGINX = "/usr/sbin/nginx";
const PROJECT_DIR = process.cwd();
const WORK_DIR = path.join(PROJECT_DIR, ".driftboard", "scale-out");
/** Outside the project, so the replicas run from the standalone server's own files only. */
const SERVER_DIR = path.join(os.tmpdir(), `driftboard-scale-out-server-${process.pid}`);
const ADMIN_PASSWORD = `scale-out-${randomUUID()}`;
const API_TOKEN = randomBytes(32).toString("base64url");
const SESSION_SECRET = randomBytes(32).toString("base64url");
const UPSTREAM_HEADER = "x-driftboard-upstream";

test.describe.configure({ mode: "serial", timeout: 240_000 });

let database: TestDatabaseServer | null = null;
let replicas: ProductionServer[] = [];
let nginx: ChildProcess | null = null;
let balancerUrl = "";

const missing = !existsSync(NGINX)
  ? `nginx is not installed (${NGINX}); install it with: apt-get install -y nginx`
  : !existsSync(path.join(PROJECT_DIR, ".next", "standalone", "server.js"))
    ? "no production build (.next/standalone/server.js): run `npx next build` first (npm test does)"
    : null;
test.skip(missing !== null, missing ?? "");

test.beforeAll(async () => {
  test.setTimeout(240_000);
  rmSync(WORK_DIR, { recursive: true, force: true });
  mkdirSync(WORK_DIR, { recursive: true });
  database = await startTestDatabaseServer();
  const databaseUrl = await database.createDatabase("driftboard_scale_out");
  const [portA, portB, balancerPort] = await freePorts(3);
  // Both replicas share only the database and the configuration, as Kubernetes pods do.
  const env = {
    DRIFTBOARD_ADMIN_PASSWORD: ADMIN_PASSWORD,
    DRIFTBOARD_API_TOKEN: API_TOKEN,
    DRIFTBOARD_SESSION_SECRET: SESSION_SECRET,
  };
  copyStandaloneServer(PROJECT_DIR, SERVER_DIR);
  // Two pods of one image: both replicas run the same files.
  replicas = await Promise.all(
    [portA!, portB!].map((port, i) =>
      startProductionServer({ serverDir: SERVER_DIR, port, databaseUrl, env, logFile: path.join(WORK_DIR, `replica-${"ab"[i]}.log`) }),
    ),
  );
  nginx = await startNginx(balancerPort!, [portA!, portB!]);
  balancerUrl = `http://127.0.0.1:${balancerPort}`;
});

test.afterAll(async () => {
  if (nginx?.pid !== undefined && nginx.exitCode === null) {
    const exited = new Promise((resolve) => nginx!.once("exit", resolve));
    process.kill(-nginx.pid, "SIGTERM");
    await exited;
  }
  await Promise.all(replicas.map((replica) => replica.stop()));
  rmSync(SERVER_DIR, { recursive: true, force: true });
  await database?.stop();
});

interface Answer {
  status: number;
  body: unknown;
  upstream: string | null;
}

async function call(baseUrl: string, pathname: string, init: RequestInit = {}): Promise<Answer> {
  const headers = new Headers(init.headers);
  if (!headers.has("authorization") && !headers.has("cookie")) headers.set("authorization", `Bearer ${API_TOKEN}`);
  const response = await fetch(baseUrl + pathname, { ...init, headers });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text for the failure message
  }
  return { status: response.status, body, upstream: response.headers.get(UPSTREAM_HEADER) };
}

/** One snapshot, and three different bodies that all carry exactly its content. */
function snapshotForms(tag: string, index: number) {
  const takenAt = new Date(Date.UTC(2026, 0, 1, index)).toISOString();
  const hosts = Array.from({ length: 30 }, (_, h) => ({
    hostKey: `so-${tag}-${index}-${h}`,
    service: `so-${tag}-${["web", "api", "db"][h % 3]}`,
    role: h % 3 === 2 ? "database" : "web",
    components: { nginx: h % 5 === 0 ? "1.22.1" : "1.24.0", node: `20.${index}.0`, openssl: "3.0.11" },
    config: { "/etc/nginx/nginx.conf": `sha256:${(index * 31 + (h % 2)).toString(16).padStart(8, "0")}` },
  }));
  const header = { takenAt, source: "scale-out-test", environment: "production" };
  const reordered = hosts
    .slice()
    .reverse()
    .map(({ config, components, role, service, hostKey }) => ({ config, components, role, service, hostKey }));
  return {
    hostCount: hosts.length,
    bodies: [
      { contentType: "application/json", body: JSON.stringify({ ...header, hosts }) },
      // Same content, other key and host order, other whitespace.
      { contentType: "application/json", body: JSON.stringify({ hosts: reordered, environment: header.environment, source: header.source, takenAt }, null, 2) },
      { contentType: "application/x-ndjson", body: [header, ...hosts].map((line) => JSON.stringify(line)).join("\n") + "\n" },
    ],
  };
}

test("concurrent uploads and reads through both replicas agree, and each snapshot is stored once", async () => {
  const tag = randomUUID().slice(0, 8);
  const contents = Array.from({ length: 6 }, (_, i) => snapshotForms(tag, i));
  // Form by form, so round-robin sends the copies of one content to different replicas, all at once.
  const uploads = [0, 1, 2].flatMap((form) => contents.map((content, contentIndex) => ({ contentIndex, ...content.bodies[form]! })));

  const upstreams = new Set<string>();
  let isUploading = true;
  let consistentReads = 0;
  const reader = (async () => {
    // While uploads run, whatever the list shows must be readable whole: never half a snapshot.
    for (let round = 0; isUploading || round < 3; round++) {
      const list = await call(balancerUrl, "/api/snapshots?limit=500");
      expect(list.status).toBe(200);
      if (list.upstream) upstreams.add(list.upstream);
      for (const listed of (list.body as { snapshots: Array<{ id: string; hostCount: number }> }).snapshots) {
        const one = await call(balancerUrl, `/api/snapshots/${listed.id}`);
        expect(one.status).toBe(200);
        expect((one.body as { hosts: unknown[] }).hosts).toHaveLength(listed.hostCount);
        if (one.upstream) upstreams.add(one.upstream);
        consistentReads++;
      }
    }
  })();
  const answers = await Promise.all(
    uploads.map(async (upload) => ({
      ...upload,
      answer: await call(balancerUrl, "/api/snapshots", { method: "POST", headers: { "content-type": upload.contentType }, body: upload.body }),
    })),
  );
  isUploading = false;
  await reader;

  const ids: string[] = [];
  for (const [contentIndex, content] of contents.entries()) {
    const mine = answers.filter((a) => a.contentIndex === contentIndex);
    for (const { answer } of mine) {
      expect([200, 201], JSON.stringify(answer.body)).toContain(answer.status);
      expect(answer.body).toMatchObject({ hostCount: content.hostCount });
      if (answer.upstream) upstreams.add(answer.upstream);
    }
    // Same content, same id, whichever replica answered; exactly one upload created it.
    const contentIds = new Set(mine.map(({ answer }) => (answer.body as { id: string }).id));
    expect(contentIds.size).toBe(1);
    expect(mine.filter(({ answer }) => answer.status === 201)).toHaveLength(1);
    ids.push([...contentIds][0]!);
  }
  expect(new Set(ids).size).toBe(contents.length);

  // Round-robin really spread the work over both replicas.
  expect(upstreams).toEqual(new Set(replicas.map((replica) => `127.0.0.1:${replica.port}`)));
  expect(consistentReads).toBeGreaterThan(0);

  // Each replica, asked directly, lists every snapshot exactly once…
  for (const replica of replicas) {
    const list = await call(replica.url, "/api/snapshots?limit=500");
    const listed = (list.body as { snapshots: Array<{ id: string }> }).snapshots.map((s) => s.id);
    expect(listed.slice().sort()).toEqual(ids.slice().sort());
  }
  // …and answers every read exactly as the other does.
  const readPaths = [
    ...ids.map((id) => `/api/snapshots/${id}`),
    "/api/snapshots?limit=500",
    "/api/fleet",
    "/api/services",
    `/api/services/so-${tag}-web`,
    `/api/services/so-${tag}-db`,
  ];
  for (const readPath of readPaths) {
    const [fromA, fromB] = await Promise.all(replicas.map((replica) => call(replica.url, readPath)));
    expect(fromA!.status, `${readPath}: ${JSON.stringify(fromA!.body).slice(0, 300)}`).toBe(200);
    expect(fromB!.body, readPath).toEqual(fromA!.body);
  }
});

test("a session signed in on one replica is accepted by the other", async () => {
  const [replicaA, replicaB] = replicas as [ProductionServer, ProductionServer];
  const signIn = await fetch(`${replicaA.url}/api/auth/signin`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ password: ADMIN_PASSWORD }),
  });
  expect(signIn.status).toBe(200);
  const cookie = signIn.headers.get("set-cookie")?.split(";")[0];
  expect(cookie).toBeTruthy();

  const withSession = await call(replicaB.url, "/api/snapshots", { headers: { cookie: cookie! } });
  expect(withSession.status).toBe(200);
  const anonymous = await fetch(`${replicaB.url}/api/snapshots`);
  expect(anonymous.status).toBe(401);
  // Through the balancer, whichever replica answers, the session holds.
  for (let i = 0; i < 4; i++) expect((await call(balancerUrl, "/api/fleet", { headers: { cookie: cookie! } })).status).toBe(200);
});

// -------------------------------------------------------------------------------------------

async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<net.Server>((resolve, reject) => {
      const server = net.createServer();
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve(server));
    })),
  );
  const ports = servers.map((server) => (server.address() as net.AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

/** nginx in the foreground with a generated config: round-robin over the replicas, uploads streamed. */
async function startNginx(port: number, upstreamPorts: number[]): Promise<ChildProcess> {
  const dir = path.join(WORK_DIR, "nginx");
  for (const sub of ["", "client_body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(dir, sub), { recursive: true, mode: 0o777 });
  const config = `# Generated by e2e/scale-out.spec.ts
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  # Uploads are limited by Driftboard (DRIFTBOARD_MAX_UPLOAD_MB), not here.
  client_max_body_size 0;

  upstream driftboard {
    # Round-robin (nginx's default) over the replicas.
${upstreamPorts.map((p) => `    server 127.0.0.1:${p};`).join("\n")}
    keepalive 16;
  }

  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://driftboard;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-Proto $scheme;
      # Overwrite, never append: clients must not pick their own address (rate limits).
      proxy_set_header X-Forwarded-For $remote_addr;
      # Stream upload bodies to the replica as they arrive.
      proxy_request_buffering off;
      proxy_read_timeout 300s;
      add_header ${UPSTREAM_HEADER} $upstream_addr always;
    }
  }
}
`;
  const configFile = path.join(dir, "nginx.conf");
  writeFileSync(configFile, config);
  const log = openSync(path.join(dir, "stderr.log"), "a");
  const child = spawn(NGINX, ["-p", dir, "-e", path.join(dir, "error.log"), "-c", configFile], { detached: true, stdio: ["ignore", log, log] });
  closeSync(log);
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${readFileSync(path.join(dir, "error.log"), "utf8")}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("nginx did not come up");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
