import "server-only";
import { getDb } from "@/lib/db";

export interface SnapshotSummary {
  id: string;
  takenAt: string;
  createdAt: string;
  source: string | null;
  environment: string | null;
  format: string;
  hostCount: number;
  serviceCount: number;
  services: string[];
}

const PAGE_SIZE = 100;

/** Snapshots, newest first, `limit` at a time; pass the last id as `cursor` for the next page. */
export async function listSnapshots(options: { cursor?: string; limit?: number } = {}): Promise<{
  snapshots: SnapshotSummary[];
  nextCursor: string | null;
}> {
  const limit = Math.min(Math.max(options.limit ?? PAGE_SIZE, 1), 500);
  const rows = await getDb().snapshot.findMany({
    orderBy: [{ takenAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(options.cursor ? { cursor: { id: options.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      takenAt: true,
      createdAt: true,
      source: true,
      environment: true,
      format: true,
      hostCount: true,
      serviceCount: true,
      services: { select: { service: true }, orderBy: { service: "asc" }, distinct: ["service"] },
    },
  });
  const page = rows.slice(0, limit);
  return {
    snapshots: page.map(toSummary),
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}

export interface SnapshotDetail extends SnapshotSummary {
  serviceBreakdown: Array<{ service: string; environment: string; hostCount: number }>;
  hosts: Array<{
    hostKey: string;
    service: string;
    environment: string;
    role: string | null;
    image: string | null;
    launchedAt: string | null;
    manifestHash: string;
    componentCount: number;
  }>;
}

/** One snapshot with its services and hosts, or null when there is no such snapshot. */
export async function getSnapshot({ id }: { id: string }): Promise<SnapshotDetail | null> {
  const row = await getDb().snapshot.findUnique({
    where: { id },
    select: {
      id: true,
      takenAt: true,
      createdAt: true,
      source: true,
      environment: true,
      format: true,
      hostCount: true,
      serviceCount: true,
      services: {
        select: { service: true, environment: true, hostCount: true },
        orderBy: [{ service: "asc" }, { environment: "asc" }],
      },
      hosts: {
        select: {
          hostKey: true,
          service: true,
          environment: true,
          role: true,
          image: true,
          launchedAt: true,
          manifestHash: true,
          manifest: { select: { componentCount: true } },
        },
        orderBy: [{ service: "asc" }, { hostKey: "asc" }],
      },
    },
  });
  if (!row) return null;
  return {
    ...toSummary({ ...row, services: row.services }),
    serviceBreakdown: row.services,
    hosts: row.hosts.map(({ manifest, launchedAt, ...host }) => ({
      ...host,
      launchedAt: launchedAt?.toISOString() ?? null,
      componentCount: manifest.componentCount,
    })),
  };
}

/** The components of one host in one snapshot, by name (config fingerprints named `config:<name>`). */
export async function getHostManifest({ snapshotId, hostKey }: { snapshotId: string; hostKey: string }) {
  const host = await getDb().host.findUnique({
    where: { snapshotId_hostKey: { snapshotId, hostKey } },
    select: { manifest: { select: { components: true } } },
  });
  if (!host) return null;
  return Object.entries(host.manifest.components as Record<string, string>)
    .map(([name, version]) => ({ name, version }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function toSummary(row: {
  id: string;
  takenAt: Date;
  createdAt: Date;
  source: string | null;
  environment: string | null;
  format: string;
  hostCount: number;
  serviceCount: number;
  services: Array<{ service: string }>;
}): SnapshotSummary {
  return {
    id: row.id,
    takenAt: row.takenAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    source: row.source,
    environment: row.environment,
    format: row.format,
    hostCount: row.hostCount,
    serviceCount: row.serviceCount,
    services: [...new Set(row.services.map((s) => s.service))],
  };
}

export interface FleetCounts {
  snapshotCount: number;
  serviceCount: number;
  hostCount: number;
  environments: string[];
  latestTakenAt: string | null;
}

/**
 * The fleet as it stands now: for each service and environment, its hosts in the newest
 * snapshot that contains it (snapshots may each cover only part of the fleet).
 */
export async function getFleetCounts(): Promise<FleetCounts> {
  const [row] = await getDb().$queryRaw<
    Array<{ snapshots: bigint; services: bigint; hosts: bigint | null; environments: string[] | null; latest: Date | null }>
  >`
    WITH current AS (
      SELECT DISTINCT ON (service, environment) service, environment, host_count
      FROM snapshot_service
      ORDER BY service, environment, taken_at DESC, snapshot_id DESC
    )
    SELECT (SELECT count(*) FROM snapshot) AS snapshots,
           (SELECT count(*) FROM current) AS services,
           (SELECT sum(host_count) FROM current) AS hosts,
           (SELECT array_agg(DISTINCT environment ORDER BY environment) FROM current) AS environments,
           (SELECT max(taken_at) FROM snapshot) AS latest`;
  return {
    snapshotCount: Number(row?.snapshots ?? 0),
    serviceCount: Number(row?.services ?? 0),
    hostCount: Number(row?.hosts ?? 0),
    environments: row?.environments ?? [],
    latestTakenAt: row?.latest?.toISOString() ?? null,
  };
}
