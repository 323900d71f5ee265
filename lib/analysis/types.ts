/**
 * Shapes the analysis works on. The data layer loads hosts from Postgres into these;
 * the pure functions in this folder never touch the database.
 */

/** One host of one snapshot, as the analysis sees it. */
export interface AnalysisHost {
  hostKey: string;
  service: string;
  environment: string;
  role?: string | null;
  image?: string | null;
  /** ISO 8601 */
  launchedAt?: string | null;
  /** Content hash of the host's manifest: equal hashes mean identical components and config. */
  manifestHash: string;
  /**
   * Component name → version. Config fingerprints are components too; their key is
   * prefixed with `config:` (see CONFIG_PREFIX) so one map holds both kinds.
   */
  components: Record<string, string>;
}

/** One snapshot's view of one service. */
export interface ServiceSnapshot {
  snapshotId: string;
  /** ISO 8601 */
  takenAt: string;
  /** Which tool produced the data (canonical `source`, or the importer's format id). */
  source?: string | null;
  hosts: AnalysisHost[];
}

export const CONFIG_PREFIX = "config:";

export function isConfigComponent(name: string): boolean {
  return name.startsWith(CONFIG_PREFIX);
}
