import type { CanonicalHost, CanonicalSnapshot } from "@/lib/snapshots/schemas";

/**
 * The demo fleet: weekly inventory snapshots of a small production fleet, so the dashboard is
 * never empty on first start. Each service tells one of the stories Driftboard exists for:
 *
 * - storefront     immutable: every release replaces all pods (new names, new versions)
 * - checkout-api   immutable, with one scale-out (more pods, same versions)
 * - search-api     mixed: EC2 instances baked from AMIs, but one OpenSSL hotfix applied in place
 * - billing        stateless yet mutable: VMs patched by hand at different times until they
 *                  drift; billing-03 never got the monitoring agent and carries a hand-edited
 *                  nginx.conf (a snowflake) — DESIGN.md's three web servers, for real
 * - orders-db      stateful (database), patched in place replica first: mutable as expected
 * - session-cache  stateful (cache), rolling in-place Redis upgrade
 * - events-queue   stateful (queue), in-place RabbitMQ upgrade
 *
 * The data services also report `uptime_seconds`, a volatile fact the built-in ignore rules
 * keep from counting as drift.
 *
 * Each week yields two snapshots, as two tools would upload them: `kubernetes` (pods) and,
 * some minutes later, `ansible` (VMs and instances). The output depends on `now` only through
 * the day it falls on: random-looking names, digests and fingerprints come from a PRNG seeded
 * by what they name, never from Math.random, so the same day gives the same snapshots.
 */

export const DEMO_ENVIRONMENT = "production";

/** Weekly snapshot dates: nine of them span eight weeks, the last taken the day before `now`. */
export const DEMO_SNAPSHOT_WEEKS = 9;

type Source = "kubernetes" | "ansible";
type Versions = Record<string, string>;

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const WEEK_MS = 7 * DAY_MS;

/** Time of day at which each tool's weekly inventory runs (UTC). */
const TAKEN_AT_TIME_OF_DAY: Record<Source, number> = {
  kubernetes: 2 * HOUR_MS,
  ansible: 2 * HOUR_MS + 17 * MINUTE_MS,
};

// -------------------------------------------------------------------------------------------
// Deterministic randomness

/** FNV-1a: turns a label into a 32-bit seed, so each value depends only on what it names. */
function hashLabel(label: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a tiny, well-mixed PRNG returning numbers in [0, 1). */
function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomString(label: string, alphabet: string, length: number): string {
  const random = createRandom(hashLabel(label));
  let text = "";
  for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
  return text;
}

const HEX = "0123456789abcdef";
/** Kubernetes' alphabet for generated names (no vowels, no confusable characters). */
const KUBERNETES_NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

/** A sha256-looking hex fingerprint of a configuration file's content, named by `label`. */
function fingerprint(label: string): string {
  return randomString(`fingerprint:${label}`, HEX, 64);
}

// -------------------------------------------------------------------------------------------
// Image-based services: a change builds a new image and replaces the hosts.

interface Release {
  /** The snapshot (week 0…) that first sees this release; 0 for the one already running. */
  week: number;
  /** How many days before that snapshot the rollout ran. */
  daysBefore: number;
  version: string;
  /** Versions baked into the image, besides the application itself. */
  components: Versions;
  config: Versions;
}

interface ScaleOut {
  week: number;
  daysBefore: number;
  hostCount: number;
  note: string;
}

/** A change made in place on running hosts of an image-based service: what makes it mixed. */
interface Hotfix {
  week: number;
  components: Versions;
  note: string;
}

interface ImageService {
  service: string;
  source: Source;
  /** Kubernetes pods from a registry image, or EC2 instances from an AMI. */
  hostKind: "pod" | "instance";
  hostCount: number;
  releases: Release[];
  scaleOuts: ScaleOut[];
  hotfixes: Hotfix[];
}

const REGISTRY = "registry.example.com";

/** Debian 12 base image packages, as the CI pipeline's base image moved on. */
const BOOKWORM_2024_01 = { openssl: "3.0.11-1~deb12u2", libc6: "2.36-9+deb12u3", "ca-certificates": "20230311" };
const BOOKWORM_2024_02 = { openssl: "3.0.11-1~deb12u2", libc6: "2.36-9+deb12u4", "ca-certificates": "20230311" };
const BOOKWORM_2024_03 = { openssl: "3.0.13-1~deb12u1", libc6: "2.36-9+deb12u7", "ca-certificates": "20230311" };

/** Ubuntu 22.04 AMI packages for the search-api instances. */
const JAMMY_AMI_2024_01 = {
  os: "Ubuntu 22.04",
  kernel: "6.5.0-1014-aws",
  openssl: "3.0.2-0ubuntu1.12",
  libssl3: "3.0.2-0ubuntu1.12",
  libc6: "2.35-0ubuntu3.5",
  python: "3.10.12",
};
const JAMMY_AMI_2024_03 = {
  ...JAMMY_AMI_2024_01,
  kernel: "6.5.0-1016-aws",
  openssl: "3.0.2-0ubuntu1.15",
  libssl3: "3.0.2-0ubuntu1.15",
  libc6: "2.35-0ubuntu3.6",
};

const IMAGE_SERVICES: ImageService[] = [
  {
    service: "storefront",
    source: "kubernetes",
    hostKind: "pod",
    hostCount: 6,
    releases: [
      {
        week: 0,
        daysBefore: 12,
        version: "1.3.2",
        components: { node: "20.10.0", ...BOOKWORM_2024_01 },
        config: { "configmap/storefront-config": fingerprint("storefront-config v7") },
      },
      {
        week: 2,
        daysBefore: 3,
        version: "1.4.0",
        components: { node: "20.11.0", ...BOOKWORM_2024_02 },
        config: { "configmap/storefront-config": fingerprint("storefront-config v7") },
      },
      {
        week: 5,
        daysBefore: 2,
        version: "1.4.1",
        components: { node: "20.11.1", ...BOOKWORM_2024_03 },
        config: { "configmap/storefront-config": fingerprint("storefront-config v7") },
      },
      {
        week: 7,
        daysBefore: 4,
        version: "1.5.0",
        components: { node: "20.12.2", ...BOOKWORM_2024_03 },
        config: { "configmap/storefront-config": fingerprint("storefront-config v8") },
      },
    ],
    scaleOuts: [],
    hotfixes: [],
  },
  {
    service: "checkout-api",
    source: "kubernetes",
    hostKind: "pod",
    hostCount: 4,
    releases: [
      {
        week: 0,
        daysBefore: 20,
        version: "2.7.3",
        components: { python: "3.12.1", gunicorn: "21.2.0", ...BOOKWORM_2024_01 },
        config: { "configmap/checkout-api-config": fingerprint("checkout-api-config v3") },
      },
      {
        week: 1,
        daysBefore: 2,
        version: "2.8.0",
        components: { python: "3.12.1", gunicorn: "21.2.0", ...BOOKWORM_2024_01 },
        config: { "configmap/checkout-api-config": fingerprint("checkout-api-config v3") },
      },
      {
        week: 6,
        daysBefore: 3,
        version: "2.8.1",
        components: { python: "3.12.2", gunicorn: "22.0.0", ...BOOKWORM_2024_03 },
        config: { "configmap/checkout-api-config": fingerprint("checkout-api-config v4") },
      },
    ],
    scaleOuts: [{ week: 4, daysBefore: 1, hostCount: 8, note: "spring sale: the autoscaler added four pods of the same ReplicaSet" }],
    hotfixes: [],
  },
  {
    service: "search-api",
    source: "ansible",
    hostKind: "instance",
    hostCount: 4,
    releases: [
      {
        week: 0,
        daysBefore: 16,
        version: "2.3.0",
        components: JAMMY_AMI_2024_01,
        config: { "/etc/search-api/settings.toml": fingerprint("search-api settings v12") },
      },
      {
        week: 2,
        daysBefore: 2,
        version: "2.4.0",
        components: JAMMY_AMI_2024_01,
        config: { "/etc/search-api/settings.toml": fingerprint("search-api settings v13") },
      },
      {
        week: 6,
        daysBefore: 2,
        version: "2.5.0",
        components: JAMMY_AMI_2024_03,
        config: { "/etc/search-api/settings.toml": fingerprint("search-api settings v13") },
      },
    ],
    scaleOuts: [],
    hotfixes: [
      {
        week: 4,
        components: { openssl: "3.0.2-0ubuntu1.15", libssl3: "3.0.2-0ubuntu1.15" },
        note: "OpenSSL CVE: patched with an Ansible playbook on the running instances instead of baking a new AMI",
      },
    ],
  },
];

// -------------------------------------------------------------------------------------------
// Long-lived services: deployed once, then patched in place (Ansible, apt, by hand).

interface LongLivedHost {
  hostKey: string;
  /** Days before the first snapshot that the host was provisioned. */
  launchedDaysBefore: number;
  /** Components this host never got, e.g. the monitoring agent someone forgot. */
  without?: string[];
}

interface Patch {
  week: number;
  /** Host keys patched, or every host of the service. */
  hosts: readonly string[] | "all";
  components?: Versions;
  config?: Versions;
  note: string;
}

interface LongLivedService {
  service: string;
  role?: string;
  /**
   * Whether the hosts report `uptime_seconds`, a volatile fact the built-in ignore rules
   * exist for. Only the data services do: the classification compares raw manifests, so the
   * fact would bury billing's real in-place changes under weekly uptime "changes".
   */
  reportsUptime?: boolean;
  hosts: LongLivedHost[];
  /** What every host ran at the first snapshot (minus its `without`). */
  components: Versions;
  config: Versions;
  patches: Patch[];
}

const UBUNTU_2204 = {
  os: "Ubuntu 22.04",
  kernel: "5.15.0-91-generic",
  openssl: "3.0.2-0ubuntu1.12",
  libc6: "2.35-0ubuntu3.5",
  python: "3.10.12",
};
const DATADOG_AGENT_6 = "1:6.53.0-1";
const DATADOG_AGENT_7 = "1:7.50.3-1";
const DATADOG_AGENT_7_LATEST = "1:7.52.1-1";

/** Unattended-upgrades' weekly security patch, on every long-lived host. */
const OPENSSL_SECURITY_UPDATE = { openssl: "3.0.2-0ubuntu1.14" };

const LONG_LIVED_SERVICES: LongLivedService[] = [
  {
    service: "billing",
    hosts: [
      { hostKey: "billing-01", launchedDaysBefore: 412 },
      { hostKey: "billing-02", launchedDaysBefore: 412 },
      { hostKey: "billing-03", launchedDaysBefore: 187, without: ["datadog-agent"] },
    ],
    components: {
      ...UBUNTU_2204,
      nginx: "1.22.1-1~jammy",
      nodejs: "18.19.0-1nodesource1",
      "datadog-agent": DATADOG_AGENT_6,
      billing: "3.8.2",
    },
    config: {
      "/etc/nginx/nginx.conf": fingerprint("billing nginx.conf"),
      "/etc/nginx/sites-enabled/billing.conf": fingerprint("billing site v4"),
      "/etc/billing/config.yml": fingerprint("billing config v21"),
    },
    patches: [
      { week: 1, hosts: ["billing-01", "billing-03"], components: OPENSSL_SECURITY_UPDATE, note: "unattended-upgrades" },
      {
        week: 2,
        hosts: ["billing-02"],
        components: { ...OPENSSL_SECURITY_UPDATE, nginx: "1.24.0-1~jammy" },
        note: "apt upgrade by hand while debugging HTTP/2; nginx came along",
      },
      {
        week: 3,
        hosts: "all",
        components: { billing: "3.9.0" },
        config: { "/etc/billing/config.yml": fingerprint("billing config v22") },
        note: "release deployed in place by the Ansible playbook",
      },
      {
        week: 5,
        hosts: ["billing-02"],
        components: { nodejs: "20.11.1-1nodesource1", "datadog-agent": DATADOG_AGENT_7_LATEST },
        note: "a developer tried Node 20 and the new agent on one host",
      },
      {
        week: 6,
        hosts: ["billing-01", "billing-02"],
        components: { kernel: "5.15.0-97-generic" },
        note: "kernel update and reboot; billing-03 was skipped",
      },
      {
        week: 7,
        hosts: ["billing-03"],
        config: { "/etc/nginx/nginx.conf": fingerprint("billing nginx.conf, worker_connections raised by hand") },
        note: "nginx.conf edited on the host during an incident, never put back into the playbook",
      },
    ],
  },
  {
    service: "orders-db",
    role: "database",
    reportsUptime: true,
    hosts: [
      { hostKey: "orders-db-01", launchedDaysBefore: 431 },
      { hostKey: "orders-db-02", launchedDaysBefore: 431 },
      { hostKey: "orders-db-03", launchedDaysBefore: 398 },
    ],
    components: {
      ...UBUNTU_2204,
      "postgresql-15": "15.5-1.pgdg22.04+1",
      "postgresql-client-15": "15.5-1.pgdg22.04+1",
      "datadog-agent": DATADOG_AGENT_7,
    },
    config: {
      "/etc/postgresql/15/main/postgresql.conf": fingerprint("orders-db postgresql.conf v9"),
      "/etc/postgresql/15/main/pg_hba.conf": fingerprint("orders-db pg_hba.conf v3"),
    },
    patches: [
      { week: 1, hosts: "all", components: OPENSSL_SECURITY_UPDATE, note: "unattended-upgrades" },
      {
        week: 3,
        hosts: ["orders-db-02", "orders-db-03"],
        components: { "postgresql-15": "15.6-1.pgdg22.04+1", "postgresql-client-15": "15.6-1.pgdg22.04+1" },
        note: "minor upgrade, replicas first",
      },
      {
        week: 4,
        hosts: ["orders-db-01"],
        components: { "postgresql-15": "15.6-1.pgdg22.04+1", "postgresql-client-15": "15.6-1.pgdg22.04+1" },
        note: "minor upgrade of the primary after a switchover",
      },
      { week: 6, hosts: "all", components: { "datadog-agent": DATADOG_AGENT_7_LATEST }, note: "agent rollout" },
    ],
  },
  {
    service: "session-cache",
    role: "cache",
    reportsUptime: true,
    hosts: [
      { hostKey: "session-cache-01", launchedDaysBefore: 296 },
      { hostKey: "session-cache-02", launchedDaysBefore: 296 },
      { hostKey: "session-cache-03", launchedDaysBefore: 296 },
    ],
    components: { ...UBUNTU_2204, "redis-server": "6:7.2.4-1rl1~jammy1", "datadog-agent": DATADOG_AGENT_7 },
    config: { "/etc/redis/redis.conf": fingerprint("session-cache redis.conf v5") },
    patches: [
      { week: 1, hosts: "all", components: OPENSSL_SECURITY_UPDATE, note: "unattended-upgrades" },
      {
        week: 4,
        hosts: ["session-cache-01", "session-cache-02"],
        components: { "redis-server": "6:7.2.5-1rl1~jammy1" },
        note: "rolling Redis upgrade, replicas first",
      },
      {
        week: 5,
        hosts: ["session-cache-03"],
        components: { "redis-server": "6:7.2.5-1rl1~jammy1" },
        note: "rolling Redis upgrade, the former primary last",
      },
      { week: 6, hosts: "all", components: { "datadog-agent": DATADOG_AGENT_7_LATEST }, note: "agent rollout" },
    ],
  },
  {
    service: "events-queue",
    role: "queue",
    reportsUptime: true,
    hosts: [
      { hostKey: "events-queue-01", launchedDaysBefore: 251 },
      { hostKey: "events-queue-02", launchedDaysBefore: 251 },
      { hostKey: "events-queue-03", launchedDaysBefore: 251 },
    ],
    components: {
      ...UBUNTU_2204,
      "rabbitmq-server": "3.12.12-1",
      "erlang-base": "1:26.2.1-1",
      "datadog-agent": DATADOG_AGENT_7,
    },
    config: { "/etc/rabbitmq/rabbitmq.conf": fingerprint("events-queue rabbitmq.conf v2") },
    patches: [
      { week: 1, hosts: "all", components: OPENSSL_SECURITY_UPDATE, note: "unattended-upgrades" },
      { week: 6, hosts: "all", components: { "datadog-agent": DATADOG_AGENT_7_LATEST }, note: "agent rollout" },
      {
        week: 7,
        hosts: "all",
        components: { "rabbitmq-server": "3.12.13-1", "erlang-base": "1:26.2.3-1" },
        note: "RabbitMQ and Erlang upgraded in a maintenance window",
      },
    ],
  },
];

// -------------------------------------------------------------------------------------------
// Time

interface Schedule {
  /** UTC midnight of each snapshot day, oldest first; the last is the day before `now`. */
  days: number[];
}

function createSchedule(now: Date): Schedule {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const lastDay = today - DAY_MS;
  const days = Array.from({ length: DEMO_SNAPSHOT_WEEKS }, (_, week) => lastDay - (DEMO_SNAPSHOT_WEEKS - 1 - week) * WEEK_MS);
  return { days };
}

function dayOf(schedule: Schedule, week: number): number {
  const day = schedule.days[week];
  if (day === undefined) throw new Error(`the demo fleet has no week ${week}`);
  return day;
}

function takenAtOf(schedule: Schedule, week: number, source: Source): number {
  return dayOf(schedule, week) + TAKEN_AT_TIME_OF_DAY[source];
}

/** ISO 8601 without milliseconds, as tools print it. */
function formatTime(time: number): string {
  return `${new Date(time).toISOString().slice(0, 19)}Z`;
}

// -------------------------------------------------------------------------------------------
// Simulation: each service's hosts, week by week

function createHostKey(spec: ImageService, release: Release, index: number, launchWeek: number): string {
  const seed = `${spec.service}/${release.version}/${index}/${launchWeek}`;
  if (spec.hostKind === "instance") return `i-0${randomString(`instance:${seed}`, HEX, 16)}`;
  // Pods of one release share their ReplicaSet's pod-template hash: storefront-7d9f8c6b5-x2k4p.
  const templateHash = randomString(`replicaset:${spec.service}/${release.version}`, KUBERNETES_NAME_ALPHABET, 9);
  return `${spec.service}-${templateHash}-${randomString(`pod:${seed}`, KUBERNETES_NAME_ALPHABET, 5)}`;
}

function createImage(spec: ImageService, release: Release): string {
  const seed = `${spec.service}:${release.version}`;
  if (spec.hostKind === "instance") return `ami-0${randomString(`ami:${seed}`, HEX, 16)}`;
  return `${REGISTRY}/${spec.service}:${release.version}@sha256:${randomString(`image:${seed}`, HEX, 64)}`;
}

/** The manifest of a host launched from a release's image. */
function createImageComponents(spec: ImageService, release: Release): Versions {
  if (spec.hostKind === "instance") return { [spec.service]: release.version, ...release.components };
  // Named the way the Kubernetes importer names an image: repository → tag, plus its digest.
  const repository = `${REGISTRY}/${spec.service}`;
  const digest = createImage(spec, release).split("@")[1] ?? "";
  return { [repository]: release.version, [`${repository}@digest`]: digest, ...release.components };
}

/** Hosts of an image-based service per week: releases replace them all, scale-outs add more. */
function simulateImageService(spec: ImageService, schedule: Schedule): CanonicalHost[][] {
  const weeks: CanonicalHost[][] = [];
  let hosts: CanonicalHost[] = [];
  let release: Release | undefined;

  const launch = (from: Release, index: number, week: number, launchedAt: number): CanonicalHost => ({
    hostKey: createHostKey(spec, from, index, week),
    service: spec.service,
    image: createImage(spec, from),
    launchedAt: formatTime(launchedAt),
    components: createImageComponents(spec, from),
    config: { ...from.config },
  });

  for (let week = 0; week < schedule.days.length; week++) {
    const hostCount = spec.scaleOuts.filter((scale) => scale.week <= week).at(-1)?.hostCount ?? spec.hostCount;
    const rollout = spec.releases.find((candidate) => candidate.week === week);
    if (rollout) {
      // A release never touches a running host: every host is new, launched from the new image.
      release = rollout;
      const start = dayOf(schedule, week) - rollout.daysBefore * DAY_MS + 14 * HOUR_MS;
      hosts = Array.from({ length: hostCount }, (_, index) => launch(rollout, index, week, start + index * 40_000));
    } else if (release && hostCount > hosts.length) {
      const scale = spec.scaleOuts.find((candidate) => candidate.week === week);
      const start = dayOf(schedule, week) - (scale?.daysBefore ?? 1) * DAY_MS + 18 * HOUR_MS;
      const from = release;
      const added = Array.from({ length: hostCount - hosts.length }, (_, offset) => {
        const index = hosts.length + offset;
        return launch(from, index, week, start + offset * 40_000);
      });
      hosts = [...hosts, ...added];
    }
    if (!release) throw new Error(`${spec.service} needs a release in week 0`);

    for (const hotfix of spec.hotfixes.filter((candidate) => candidate.week === week)) {
      // In place: same host, same image, same launch time — only the manifest changes.
      hosts = hosts.map((host) => ({ ...host, components: { ...host.components, ...hotfix.components } }));
    }
    weeks.push(hosts);
  }
  return weeks;
}

interface LongLivedState {
  host: LongLivedHost;
  launchedAt: number;
  components: Versions;
  config: Versions;
}

function omit(versions: Versions, names: readonly string[] = []): Versions {
  return Object.fromEntries(Object.entries(versions).filter(([name]) => !names.includes(name)));
}

/** Hosts of a long-lived service per week: the same machines, patched in place. */
function simulateLongLivedService(spec: LongLivedService, schedule: Schedule): CanonicalHost[][] {
  const firstDay = dayOf(schedule, 0);
  let states: LongLivedState[] = spec.hosts.map((host, index) => {
    // Provisioned one after another, some minutes apart.
    const launchedAt = firstDay - host.launchedDaysBefore * DAY_MS + 10 * HOUR_MS + index * 37 * MINUTE_MS;
    return {
      host,
      launchedAt,
      components: omit(spec.components, host.without),
      config: { ...spec.config },
    };
  });

  const weeks: CanonicalHost[][] = [];
  for (let week = 0; week < schedule.days.length; week++) {
    for (const patch of spec.patches.filter((candidate) => candidate.week === week)) {
      states = states.map((state) => {
        const isPatched = patch.hosts === "all" || patch.hosts.includes(state.host.hostKey);
        if (!isPatched) return state;
        return {
          ...state,
          components: { ...state.components, ...patch.components },
          config: { ...state.config, ...patch.config },
        };
      });
    }

    const takenAt = takenAtOf(schedule, week, "ansible");
    weeks.push(
      states.map((state) => ({
        hostKey: state.host.hostKey,
        service: spec.service,
        ...(spec.role ? { role: spec.role } : {}),
        launchedAt: formatTime(state.launchedAt),
        // Seconds since boot: the hosts have not rebooted since they were provisioned.
        components: spec.reportsUptime
          ? { ...state.components, uptime_seconds: String(Math.floor((takenAt - state.launchedAt) / 1000)) }
          : state.components,
        config: state.config,
      })),
    );
  }
  return weeks;
}

// -------------------------------------------------------------------------------------------
// Public API

export interface GenerateDemoFleetOptions {
  /** The snapshots end the day before this date; defaults to the current time. */
  now?: Date;
}

/**
 * Weekly `kubernetes` and `ansible` snapshots of the demo fleet, oldest first. Identical for
 * any two `now` on the same UTC day.
 */
export function generateDemoFleet(options: GenerateDemoFleetOptions = {}): CanonicalSnapshot[] {
  const schedule = createSchedule(options.now ?? new Date());
  const fleets: { source: Source; weeks: CanonicalHost[][] }[] = [
    ...IMAGE_SERVICES.map((spec) => ({ source: spec.source, weeks: simulateImageService(spec, schedule) })),
    ...LONG_LIVED_SERVICES.map((spec) => ({ source: "ansible" as const, weeks: simulateLongLivedService(spec, schedule) })),
  ];

  const snapshots: CanonicalSnapshot[] = [];
  for (let week = 0; week < schedule.days.length; week++) {
    for (const source of ["kubernetes", "ansible"] as const) {
      snapshots.push({
        takenAt: formatTime(takenAtOf(schedule, week, source)),
        source,
        environment: DEMO_ENVIRONMENT,
        hosts: fleets.filter((fleet) => fleet.source === source).flatMap((fleet) => fleet.weeks[week] ?? []),
      });
    }
  }
  // The simulation shares unchanged host objects between weeks; callers get independent copies.
  return structuredClone(snapshots);
}

/**
 * DESIGN.md's three "identical" web servers as one snapshot: web-a runs nginx 1.22, node 18,
 * agent v2; web-b nginx 1.24, node 20, agent v3; web-c nginx 1.22, node 18 and no agent.
 */
export function generateDesignExampleSnapshot(): CanonicalSnapshot {
  return {
    takenAt: "2026-03-01T12:00:00Z",
    source: "ansible",
    environment: DEMO_ENVIRONMENT,
    hosts: [
      { hostKey: "web-a", service: "web", components: { nginx: "1.22", node: "18", "monitoring-agent": "2" }, config: {} },
      { hostKey: "web-b", service: "web", components: { nginx: "1.24", node: "20", "monitoring-agent": "3" }, config: {} },
      { hostKey: "web-c", service: "web", components: { nginx: "1.22", node: "18" }, config: {} },
    ],
  };
}
