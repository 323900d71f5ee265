import { type AnalysisHost, isConfigComponent } from "../types";

/**
 * Whether a service holds data (stateful) or only computes (stateless). Stateful services
 * are expected to be mutable — their data must persist — so the fleet view does not flag
 * them as migration candidates.
 */

export type ServiceRole = "stateful" | "stateless";

/** Server software whose presence makes a host a data host. */
export const DATA_SERVICE_NAMES: ReadonlySet<string> = new Set([
  "postgres", "postgresql", "mysql", "mariadb", "redis", "memcached", "rabbitmq", "kafka",
  "elasticsearch", "opensearch", "mongodb", "mongod", "cassandra", "zookeeper", "etcd", "minio", "ceph", "nfs",
]);

/** Words in a host's `role` that name a data role. */
const STATEFUL_ROLE_WORDS: ReadonlySet<string> = new Set([
  "database", "db", "cache", "queue", "storage", "datastore", "broker", "stateful",
]);

/**
 * Words that mark a package as the client side of a data service: web hosts routinely
 * carry postgresql-client, redis-tools or nfs-common without storing anything.
 */
const CLIENT_SIDE_WORDS: ReadonlySet<string> = new Set([
  "client", "clients", "tools", "common", "lib", "libs", "dev", "devel", "utils", "cli", "doc", "docs",
  "exporter", "driver", "python", "python3", "node", "ruby", "php", "perl", "java", "go",
]);

/**
 * A service is stateful when at least this share of its hosts look like data hosts. Hosts
 * of a service are meant to be identical, so a real data service matches on nearly all of
 * them; half keeps one host with a stray redis-server from turning a web service stateful.
 */
export const STATEFUL_MIN_HOST_SHARE = 0.5;

/**
 * The role of a service from its hosts (one snapshot). A user-set `override` wins: the
 * name-based recognition cannot tell an app's bundled "redis" library from a Redis server.
 */
export function detectRole(hosts: readonly AnalysisHost[], override?: ServiceRole | null): ServiceRole {
  if (override) return override;
  if (hosts.length === 0) return "stateless";

  // Hosts of a service share few manifests, and manifests share component names: look at each once.
  const byManifest = new Map<string, boolean>();
  const byName = new Map<string, boolean>();
  let statefulHosts = 0;
  for (const host of hosts) {
    const cacheKey = `${host.role ?? ""}\n${host.image ?? ""}\n${host.manifestHash}`;
    let isStateful = byManifest.get(cacheKey);
    if (isStateful === undefined) {
      isStateful = isStatefulHost(host, byName);
      byManifest.set(cacheKey, isStateful);
    }
    if (isStateful) statefulHosts++;
  }
  return statefulHosts / hosts.length >= STATEFUL_MIN_HOST_SHARE ? "stateful" : "stateless";
}

/**
 * An explicit `role` decides; otherwise the image and components are recognised by name.
 * `knownNames` memoises name recognition across calls.
 */
export function isStatefulHost(host: AnalysisHost, knownNames: Map<string, boolean> = new Map()): boolean {
  if (host.role) {
    return splitWords(host.role).some((word) => STATEFUL_ROLE_WORDS.has(word) || DATA_SERVICE_NAMES.has(stripVersion(word)));
  }
  if (host.image && isDataServiceName(imageRepositoryName(host.image))) return true;
  // Config fingerprints are named after files, which says too little about what runs.
  for (const name in host.components) {
    let isDataService = knownNames.get(name);
    if (isDataService === undefined) {
      isDataService = !isConfigComponent(name) && isDataServiceName(name);
      knownNames.set(name, isDataService);
    }
    if (isDataService) return true;
  }
  return false;
}

/**
 * "postgresql-15", "redis-server", "postgresql15-server" are data services;
 * "postgresql-client-15", "redis-tools", "python3-redis" are not.
 */
export function isDataServiceName(name: string): boolean {
  const [first, ...rest] = splitWords(name);
  if (first === undefined || !DATA_SERVICE_NAMES.has(stripVersion(first))) return false;
  return !rest.some((word) => CLIENT_SIDE_WORDS.has(word));
}

/** "docker.io/bitnami/postgresql:16.2@sha256:…" → "postgresql". */
function imageRepositoryName(image: string): string {
  const withoutDigest = image.split("@")[0] ?? image;
  const lastSegment = withoutDigest.split("/").at(-1) ?? withoutDigest;
  return lastSegment.split(":")[0] ?? lastSegment;
}

function splitWords(value: string): string[] {
  return value.toLowerCase().split(/[^a-z0-9]+/).filter((word) => word.length > 0);
}

/** "postgresql15" → "postgresql" (RPM names carry the major version). */
function stripVersion(word: string): string {
  return word.replace(/\d+$/, "");
}
