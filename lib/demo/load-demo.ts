import "server-only";
import { ingestSnapshot } from "@/lib/snapshots/mutations";
import { generateDemoFleet } from "./demo-fleet";

/** Stores the generated demo fleet; returns how many snapshots it added. */
export async function loadDemoFleet(options: { now?: Date } = {}): Promise<{ snapshotCount: number; created: number }> {
  const snapshots = generateDemoFleet({ now: options.now });
  let created = 0;
  for (const snapshot of snapshots) {
    const result = await ingestSnapshot({ snapshot, format: "json" });
    if (result.created) created += 1;
  }
  return { snapshotCount: snapshots.length, created };
}
