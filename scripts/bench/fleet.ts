/**
 * The benchmark's synthetic fleet: seeded, so the same options always give the same bytes.
 *
 * It is skewed the way real fleets are. Most services are image-based and identical (one
 * manifest for all their hosts); some are mid-rollout (two releases side by side); a few are
 * mutable and messy (patched in place at different times, a forgotten agent, a hand-edited
 * config file that makes a snowflake); a few are image-based with hotfixes applied in place.
 * One service, `edge-gateway`, has 1,000 hosts (fewer on small fleets) so the benchmark can
 * read the detail of a 1,000-host service.
 *
 * `advanceFleet` moves the fleet on by one snapshot (an hour later) and changes exactly 5% of
 * hosts (by default): image-based services replace hosts with new ones on a new release,
 * mutable ones patch hosts in place. The writers stream the canonical JSON, NDJSON and the
 * flat CSV used for the `\copy` reference, without holding a file in memory.
 */
import { closeSync, openSync, writeSync } from "node:fs";

export interface FleetOptions {
  hosts: number;
  /** Entries per host, components plus config fingerprints: 200 gives 2M pairs at 10,000 hosts. */
  components: number;
  seed: number;
  /** Share of hosts each `advanceFleet` changes. */
  changeShare?: number;
}

export type ServiceKind = "immutable" | "rollout" | "mixed" | "mutable";

export interface FleetService {
  name: string;
  kind: ServiceKind;
  role: string;
  hostKind: "pod" | "instance" | "vm";
  /** Which base OS (its package names and version style). */
  base: number;
  /** How far behind the newest OS patches this service's images or hosts started. */
  patchOffset: number;
  /** Newest release (image-based) or newest patch wave (mutable). */
  release: number;
  size: number;
}

export interface FleetHost {
  hostKey: string;
  service: number;
  /** Image release the host was built from (image-based) or patch wave applied (mutable). */
  release: number;
  /** In-place hotfixes applied on top of the image (mixed services). */
  hotfix: number;
  /** 0: as its peers; otherwise which hand-made difference it carries (mutable services). */
  drift: number;
  launchedAt: string;
}

export interface Fleet {
  options: Required<FleetOptions>;
  services: FleetService[];
  hosts: FleetHost[];
  /** Snapshot number: 0 for the first. */
  step: number;
  takenAt: string;
}

export const BENCH_ENVIRONMENT = "production";
export const BENCH_SOURCE = "bench";
/** The 1,000-host service whose detail the benchmark reads. */
export const LARGE_SERVICE = "edge-gateway";

const FIRST_TAKEN_AT = Date.parse("2026-11-01T00:00:00Z");
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

// -------------------------------------------------------------------------------------------
// Deterministic randomness

/** FNV-1a over a label: each derived value depends only on what it names. */
export function hashLabel(label: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a small, well-mixed PRNG returning numbers in [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEX = "0123456789abcdef";
const POD_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

function randomText(random: () => number, alphabet: string, length: number): string {
  let text = "";
  for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
  return text;
}

function hexOf(label: string, length: number): string {
  return randomText(createRandom(hashLabel(label)), HEX, length);
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

// -------------------------------------------------------------------------------------------
// What is installed: base OS packages, service components and config fingerprints

const PACKAGE_STEMS = [
  "libc6", "libssl3", "openssl", "curl", "libcurl4", "bash", "coreutils", "systemd", "libsystemd0", "tzdata",
  "ca-certificates", "zlib1g", "libzstd1", "liblzma5", "perl-base", "python3.11", "libpython3.11-minimal", "gpgv",
  "apt", "dpkg", "libgnutls30", "libkrb5-3", "libgssapi-krb5-2", "libpam-modules", "login", "passwd",
  "util-linux", "mount", "libblkid1", "libmount1", "libuuid1", "e2fsprogs", "procps", "sed", "grep", "gzip",
  "tar", "findutils", "diffutils", "hostname", "iproute2", "iputils-ping", "netbase", "openssh-client",
  "libexpat1", "libxml2", "libsqlite3-0", "libpcre2-8-0", "libselinux1", "libcap2", "libacl1", "libattr1",
  "libaudit1", "libgcrypt20", "libgpg-error0", "libidn2-0", "libnettle8", "libp11-kit0", "libtasn1-6",
  "libunistring2", "libffi8", "libgmp10", "libhogweed6", "libnghttp2-14", "libpsl5", "librtmp1", "libssh2-1",
  "libldap-2.5-0", "libsasl2-2", "libbrotli1", "libkeyutils1", "libcom-err2", "libk5crypto3", "libtinfo6",
  "libncursesw6", "libreadline8", "libdb5.3", "libsemanage2", "libsepol2", "libsmartcols1", "libudev1",
  "libxxhash0", "libseccomp2", "libargon2-1", "libcryptsetup12", "libdevmapper1.02.1", "libjson-c5",
  "libkmod2", "libapparmor1", "libip4tc2", "libbpf1", "libelf1", "libmnl0", "libnftnl11", "libxtables12",
];
const PACKAGE_SUFFIXES = ["", "-common", "-data", "-bin", "-utils", "-modules", "-runtime", "-plugins", "-extra"];
const BASES = [
  { image: "debian-12", version: (bumps: number) => (bumps ? `+deb12u${bumps}` : "") },
  { image: "ubuntu-22.04", version: (bumps: number) => (bumps ? `ubuntu0.22.04.${bumps}` : "") },
  { image: "rhel-9", version: (bumps: number) => `.el9${bumps ? `_${bumps}` : ""}` },
] as const;

const CONFIG_FILES = [
  "/etc/nginx/nginx.conf", "/etc/ssh/sshd_config", "/etc/sysctl.d/99-tuning.conf", "/etc/security/limits.conf",
  "/etc/resolv.conf", "/etc/logrotate.d/app", "/etc/systemd/system/app.service", "/etc/app/app.yaml",
  "/etc/datadog-agent/datadog.yaml", "/etc/chrony/chrony.conf", "/etc/audit/auditd.conf", "/etc/hosts.allow",
];
const RUNTIMES = [["node", "20.11.1"], ["python3", "3.11.8"], ["openjdk-17-jre-headless", "17.0.10+7"], ["go", "1.22.1"]] as const;
const SERVICE_EXTRAS = ["monitoring-agent", "log-shipper", "envoy", "consul", "node-exporter", "vault-agent", "fluent-bit", "otel-collector", "containerd", "runc", "ca-bundle"];
const EXTRA_TOOLS = ["strace", "tcpdump", "gdb", "htop", "vim"];

const DOMAINS = [
  "checkout", "payments", "search", "catalog", "inventory", "orders", "billing", "auth", "profile", "cart",
  "recommendations", "notifications", "shipping", "pricing", "reviews", "media", "analytics", "ledger", "fraud",
  "identity", "loyalty", "returns", "tax", "invoicing", "warehouse", "fulfilment", "geo", "feeds", "ads", "chat",
];
const COMPUTE_ROLES = ["api", "worker", "web", "consumer", "cron"];
const DATA_ROLES = [["db", "database"], ["cache", "cache"], ["queue", "queue"], ["store", "storage"]] as const;

/** Service sizes by weight: most are small, a few are large (skew as seen in real fleets). */
const SIZE_CLASSES: ReadonlyArray<[size: number, weight: number]> = [
  [3, 14], [4, 14], [6, 14], [8, 12], [12, 10], [16, 8], [24, 8], [32, 6], [48, 5], [64, 4], [96, 3], [150, 2], [250, 1.5], [400, 1],
];

interface Layout {
  config: number;
  service: number;
  base: number;
}

/** How `components` entries per host divide into config fingerprints, service components and OS packages. */
function layoutOf(components: number): Layout {
  const config = Math.min(8, Math.max(1, Math.floor(components / 20)));
  const service = Math.min(12, Math.max(1, Math.floor(components / 10)));
  return { config, service, base: Math.max(0, components - config - service) };
}

function packageName(index: number): string {
  const stem = PACKAGE_STEMS[index % PACKAGE_STEMS.length]!;
  const round = Math.floor(index / PACKAGE_STEMS.length);
  const suffix = PACKAGE_SUFFIXES[round % PACKAGE_SUFFIXES.length]!;
  const extra = Math.floor(round / PACKAGE_SUFFIXES.length);
  // Multi-arch libraries carry their architecture, as `dpkg-query -f '${binary:Package}'` prints them.
  const arch = stem.startsWith("lib") ? ":amd64" : "";
  return `${stem}${suffix}${extra ? `-${extra + 1}` : ""}${arch}`;
}

/** Version of OS package `index` on base `base` after `level` patch waves (5% of packages move per wave). */
function packageVersion(base: number, index: number, level: number): string {
  const h = hashLabel(`pkg:${base}:${index}`);
  let bumps = 0;
  for (let l = 1; l <= level; l++) if (hashLabel(`bump:${base}:${index}:${l}`) % 20 === 0) bumps++;
  return `${1 + (h % 9)}.${(h >>> 4) % 40}.${(h >>> 10) % 20}-${1 + ((h >>> 16) % 5)}${BASES[base]!.version(bumps)}`;
}

/** One host's manifest, as JSON fragments and flat (name, version) pairs. */
interface ManifestText {
  /** `"components":{…},"config":{…}}` — the end of a host's JSON line. */
  jsonTail: string;
  /** `,name,version\n` per entry (config as `config:<name>`), for the flat CSV. */
  csvRows: string[];
}

export interface ManifestEntries {
  components: Array<[string, string]>;
  config: Array<[string, string]>;
}

/** What a host carries: derived from its service, release, hotfix and drift, never stored per host. */
export function manifestOf(fleet: Fleet, host: FleetHost): ManifestEntries {
  const service = fleet.services[host.service]!;
  const layout = layoutOf(fleet.options.components);
  const level = service.patchOffset + host.release;
  const components: Array<[string, string]> = [];
  for (let i = 0; i < layout.base; i++) {
    let version = packageVersion(service.base, i, level);
    // Mixed services: hotfixes applied in place bump libssl/openssl on top of the image.
    if (host.hotfix > 0 && i < 3) version += `.hotfix${host.hotfix}`;
    components.push([packageName(i), version]);
  }
  const [runtimeName, runtimeVersion] = RUNTIMES[hashLabel(`runtime:${service.name}`) % RUNTIMES.length]!;
  const serviceEntries: Array<[string, string]> = [
    [service.name, `${2 + (hashLabel(service.name) % 5)}.${host.release}.${hashLabel(`${service.name}:${host.release}`) % 10}`],
    [runtimeName, runtimeVersion],
  ];
  for (let i = 0; serviceEntries.length < layout.service; i++) {
    const name = SERVICE_EXTRAS[i % SERVICE_EXTRAS.length]! + (i >= SERVICE_EXTRAS.length ? `-${Math.floor(i / SERVICE_EXTRAS.length) + 1}` : "");
    serviceEntries.push([name, `${1 + (hashLabel(name) % 3)}.${(hashLabel(name) >>> 3) % 30}.${Math.floor(level / 4)}`]);
  }
  components.push(...serviceEntries.slice(0, layout.service));

  const configRevision = service.kind === "mutable" ? 0 : host.release;
  const config: Array<[string, string]> = [];
  for (let i = 0; i < layout.config; i++) {
    const name = CONFIG_FILES[i % CONFIG_FILES.length]! + (i >= CONFIG_FILES.length ? `.${Math.floor(i / CONFIG_FILES.length)}` : "");
    config.push([name, `sha256:${hexOf(`${service.name}:${name}:${configRevision}`, 64)}`]);
  }

  // Hand-made differences on mutable hosts: the kinds of drift DESIGN.md describes.
  if (host.drift > 0) {
    const random = createRandom(hashLabel(`drift:${service.name}:${host.drift}`));
    const kind = host.drift >= 1000 ? "edited-config" : pick(random, ["lagging", "missing-agent", "extra-tool", "lagging"] as const);
    if (kind === "lagging") {
      for (let n = 0; n < 3 && components.length > 0; n++) {
        const index = Math.floor(random() * Math.min(layout.base, components.length));
        const entry = components[index];
        if (entry) entry[1] = packageVersion(service.base, index, Math.max(0, level - 2));
      }
    } else if (kind === "missing-agent") {
      const index = components.findIndex(([name]) => name === "monitoring-agent");
      if (index >= 0) components.splice(index, 1);
    } else if (kind === "extra-tool") {
      const tool = pick(random, EXTRA_TOOLS);
      components.push([tool, `${1 + Math.floor(random() * 9)}.${Math.floor(random() * 20)}`]);
    } else if (config.length > 0) {
      config[0] = [config[0]![0], `sha256:${hexOf(`hand-edit:${service.name}:${host.drift}`, 64)}`];
    }
  }
  return { components, config };
}

function manifestKey(host: FleetHost): string {
  return `${host.service}|${host.release}|${host.hotfix}|${host.drift}`;
}

/** Caches each distinct manifest's text: identical hosts share it, so writing stays cheap. */
class ManifestCache {
  private readonly cache = new Map<string, ManifestText>();
  constructor(private readonly fleet: Fleet) {}

  get(host: FleetHost): ManifestText {
    const key = manifestKey(host);
    let text = this.cache.get(key);
    if (!text) {
      const { components, config } = manifestOf(this.fleet, host);
      const jsonTail = `"components":${JSON.stringify(Object.fromEntries(components))},"config":${JSON.stringify(Object.fromEntries(config))}}`;
      const csvRows = [
        ...components.map(([name, version]) => `,${csvField(name)},${csvField(version)}\n`),
        ...config.map(([name, version]) => `,${csvField(`config:${name}`)},${csvField(version)}\n`),
      ];
      text = { jsonTail, csvRows };
      this.cache.set(key, text);
    }
    return text;
  }
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

// -------------------------------------------------------------------------------------------
// The fleet and its history

/** Builds snapshot 0 of a fleet of `options.hosts` hosts. */
export function createFleet(input: FleetOptions): Fleet {
  const options: Required<FleetOptions> = { changeShare: 0.05, ...input };
  if (!Number.isInteger(options.hosts) || options.hosts < 10) throw new Error("a fleet needs at least 10 hosts");
  if (!Number.isInteger(options.components) || options.components < 3) throw new Error("a host needs at least 3 components");
  const random = createRandom(hashLabel(`fleet:${options.seed}`));
  const fleet: Fleet = { options, services: [], hosts: [], step: 0, takenAt: new Date(FIRST_TAKEN_AT).toISOString() };
  const usedNames = new Set<string>();
  const usedKeys = new Set<string>();

  const addService = (service: Omit<FleetService, "release">) => {
    const index = fleet.services.length;
    // Mid-rollout services start with their newest release on part of the hosts.
    const release = service.kind === "rollout" ? 2 : 1;
    fleet.services.push({ ...service, release });
    const newShare = service.kind === "rollout" ? 0.2 + random() * 0.5 : 0;
    for (let i = 0; i < service.size; i++) {
      const hostRelease = i < Math.round(service.size * newShare) ? release : release - 1 || 1;
      fleet.hosts.push(newHost(fleet, index, service.kind === "rollout" ? hostRelease : release, random, usedKeys, i));
    }
  };

  const largeSize = Math.min(1000, Math.floor(options.hosts / 4));
  usedNames.add(LARGE_SERVICE);
  addService({ name: LARGE_SERVICE, kind: "rollout", role: "web", hostKind: "pod", base: 0, patchOffset: 3, size: largeSize });

  let remaining = options.hosts - largeSize;
  const totalWeight = SIZE_CLASSES.reduce((sum, [, weight]) => sum + weight, 0);
  while (remaining > 0) {
    let draw = random() * totalWeight;
    let size = SIZE_CLASSES[0]![0];
    for (const [candidate, weight] of SIZE_CLASSES) {
      draw -= weight;
      if (draw <= 0) {
        size = candidate;
        break;
      }
    }
    size = Math.min(size, remaining);
    const roll = random();
    const kind: ServiceKind = roll < 0.65 ? "immutable" : roll < 0.85 ? "rollout" : roll < 0.9 ? "mixed" : "mutable";
    const domain = pick(random, DOMAINS);
    let name: string;
    let role: string;
    if (kind === "mutable") {
      const [suffix, dataRole] = pick(random, DATA_ROLES);
      name = `${domain}-${suffix}`;
      role = dataRole;
    } else {
      role = pick(random, COMPUTE_ROLES);
      name = `${domain}-${role}`;
    }
    for (let n = 2; usedNames.has(name); n++) name = `${name.replace(/-\d+$/, "")}-${n}`;
    usedNames.add(name);
    const hostKind = kind === "mutable" ? "vm" : kind === "mixed" || random() < 0.25 ? "instance" : "pod";
    addService({ name, kind, role, hostKind, base: Math.floor(random() * BASES.length), patchOffset: Math.floor(random() * 6), size });
    remaining -= size;
  }

  // Messy mutable services: a share of hosts drifted by hand, a few with a unique config edit.
  for (const host of fleet.hosts) {
    if (fleet.services[host.service]!.kind !== "mutable") continue;
    const roll = random();
    if (roll < 0.03) host.drift = 1000 + Math.floor(random() * 1_000_000);
    else if (roll < 0.35) host.drift = 1 + Math.floor(random() * 4);
  }
  return fleet;
}

function newHost(fleet: Fleet, serviceIndex: number, release: number, random: () => number, usedKeys: Set<string>, ordinal: number): FleetHost {
  const service = fleet.services[serviceIndex]!;
  const takenAt = Date.parse(fleet.takenAt);
  let hostKey: string;
  if (service.hostKind === "vm") {
    // Hand-managed VMs keep numbered hostnames; they are patched, never replaced.
    let n = ordinal + 1;
    while (usedKeys.has(`${service.name}-${String(n).padStart(2, "0")}`)) n++;
    hostKey = `${service.name}-${String(n).padStart(2, "0")}`;
  } else {
    do {
      hostKey =
        service.hostKind === "pod"
          ? `${service.name}-${randomText(random, POD_ALPHABET, 10)}-${randomText(random, POD_ALPHABET, 5)}`
          : `i-0${randomText(random, HEX, 16)}`;
    } while (usedKeys.has(hostKey));
  }
  usedKeys.add(hostKey);
  // VMs are old; image-based hosts were launched when their release rolled out.
  const age = service.hostKind === "vm" ? (200 + random() * 600) * DAY_MS : fleet.step === 0 ? (1 + random() * 20) * DAY_MS : random() * HOUR_MS;
  return { hostKey, service: serviceIndex, release, hotfix: 0, drift: 0, launchedAt: new Date(Math.floor((takenAt - age) / 1000) * 1000).toISOString() };
}

/** The image a host was built from (none for hand-managed VMs). */
function imageOf(service: FleetService, release: number): string | undefined {
  if (service.hostKind === "pod") return `registry.example.com/${service.name}@sha256:${hexOf(`image:${service.name}:${release}`, 64)}`;
  if (service.hostKind === "instance") return `ami-0${hexOf(`ami:${service.name}:${release}`, 16)}`;
  return undefined;
}

/**
 * The next snapshot, an hour later: exactly `changeShare` of the hosts change. Image-based
 * services replace hosts (new host keys, the new release); mutable ones patch hosts in place
 * (mutations); mixed ones do both. Returns the number of hosts changed.
 */
export function advanceFleet(fleet: Fleet): number {
  fleet.step += 1;
  fleet.takenAt = new Date(FIRST_TAKEN_AT + fleet.step * HOUR_MS).toISOString();
  const random = createRandom(hashLabel(`step:${fleet.options.seed}:${fleet.step}`));
  const usedKeys = new Set(fleet.hosts.map((h) => h.hostKey));
  const budget = Math.max(1, Math.round(fleet.hosts.length * fleet.options.changeShare));
  let changed = 0;

  const byService = new Map<number, number[]>();
  fleet.hosts.forEach((host, index) => {
    const list = byService.get(host.service) ?? [];
    list.push(index);
    byService.set(host.service, list);
  });
  const order = [...byService.keys()];
  for (let pass = 0; changed < budget && pass < 50; pass++) {
    // Shuffle, so each snapshot touches different services.
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const serviceIndex of order) {
      if (changed >= budget) break;
      const service = fleet.services[serviceIndex]!;
      const members = byService.get(serviceIndex)!;
      const chunk = Math.min(budget - changed, Math.max(1, Math.ceil(members.length * 0.34)));
      if (service.kind === "mutable") {
        // A patch wave, applied in place to a few hosts at a time.
        let stale = members.filter((i) => fleet.hosts[i]!.release < service.release);
        if (stale.length === 0) {
          if (pass === 0 && random() < 0.6) continue;
          service.release += 1;
          stale = members;
        }
        for (const i of stale.slice(0, chunk)) fleet.hosts[i]!.release = service.release;
        changed += Math.min(chunk, stale.length);
      } else if (service.kind === "mixed" && random() < 0.3) {
        // A hotfix applied in place on an image-based fleet.
        const targets = members.slice(0, chunk);
        for (const i of targets) fleet.hosts[i]!.hotfix += 1;
        changed += targets.length;
      } else {
        let stale = members.filter((i) => fleet.hosts[i]!.release < service.release);
        if (stale.length === 0) {
          if (pass === 0 && random() < 0.7) continue;
          service.release += 1;
          stale = members;
        }
        // Replacement: the old host goes, a new one (new key) arrives on the new release.
        for (const i of stale.slice(0, chunk)) {
          usedKeys.delete(fleet.hosts[i]!.hostKey);
          fleet.hosts[i] = newHost(fleet, serviceIndex, service.release, random, usedKeys, i);
        }
        changed += Math.min(chunk, stale.length);
      }
    }
  }
  return changed;
}

// -------------------------------------------------------------------------------------------
// Writers

export interface WrittenFile {
  path: string;
  bytes: number;
  hosts: number;
  /** Host-component pairs (components plus config fingerprints). */
  pairs: number;
}

export type FleetFileFormat = "json" | "ndjson" | "csv";

/**
 * Writes the fleet's current snapshot to `path`: canonical JSON, NDJSON (header line, then one
 * host per line) or the flat `host_key,service,component,version` CSV of the `\copy` reference.
 */
export function writeFleetFile(fleet: Fleet, path: string, format: FleetFileFormat): WrittenFile {
  const manifests = new ManifestCache(fleet);
  const fd = openSync(path, "w");
  let buffer = "";
  let bytes = 0;
  let pairs = 0;
  const flush = (force = false) => {
    if (!force && buffer.length < 4_000_000) return;
    bytes += writeSync(fd, buffer);
    buffer = "";
  };
  try {
    const header = { takenAt: fleet.takenAt, source: BENCH_SOURCE, environment: BENCH_ENVIRONMENT };
    if (format === "json") buffer += `{"format":"driftboard.snapshot/v1",${JSON.stringify(header).slice(1, -1)},"hosts":[\n`;
    if (format === "ndjson") buffer += `${JSON.stringify(header)}\n`;
    fleet.hosts.forEach((host, index) => {
      const service = fleet.services[host.service]!;
      const manifest = manifests.get(host);
      pairs += manifest.csvRows.length;
      if (format === "csv") {
        const prefix = `${csvField(host.hostKey)},${csvField(service.name)}`;
        for (const row of manifest.csvRows) buffer += prefix + row;
      } else {
        const image = imageOf(service, host.release);
        buffer +=
          `{"hostKey":${JSON.stringify(host.hostKey)},"service":${JSON.stringify(service.name)},"role":"${service.role}",` +
          (image ? `"image":"${image}",` : "") +
          `"launchedAt":"${host.launchedAt}",${manifest.jsonTail}` +
          (format === "json" && index < fleet.hosts.length - 1 ? ",\n" : "\n");
      }
      flush();
    });
    if (format === "json") buffer += "]}\n";
    flush(true);
  } finally {
    closeSync(fd);
  }
  return { path, bytes, hosts: fleet.hosts.length, pairs };
}

/** Distinct manifests among the fleet's current hosts (what content addressing stores). */
export function countDistinctManifests(fleet: Fleet): number {
  return new Set(fleet.hosts.map(manifestKey)).size;
}
