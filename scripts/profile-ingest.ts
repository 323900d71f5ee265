// Profiles ingestion in one process, with readable names (the production build's are minified):
//   DATABASE_URL=postgres://…/scratch node --conditions=react-server --import tsx \
//     --cpu-prof --cpu-prof-dir=/tmp/ingest-profile scripts/profile-ingest.ts [hosts] [snapshots]
// Ingests the bench's synthetic fleet (snapshot 0, then 5% changed each time) straight through
// lib/, and prints each ingestion's time. Use a scratch database with the migrations applied:
// it writes snapshots. The .cpuprofile opens in Chrome's DevTools (Performance tab).
import { readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { advanceFleet, createFleet, writeFleetFile } from "./bench/fleet";
import { ingestSnapshot } from "@/lib/snapshots/mutations";

void (async () => {
  const hosts = Number(process.argv[2] ?? 10_000);
  const snapshots = Number(process.argv[3] ?? 3);
  const file = path.join(os.tmpdir(), `driftboard-profile-${process.pid}.json`);
  const fleet = createFleet({ hosts, components: 200, seed: 1 });
  try {
    for (let i = 0; i < snapshots; i++) {
      if (i > 0) advanceFleet(fleet);
      writeFleetFile(fleet, file, "json");
      const snapshot = JSON.parse(readFileSync(file, "utf8"));
      const started = performance.now();
      const result = await ingestSnapshot({ snapshot, format: "json" });
      console.log(`snapshot ${i}: ${(performance.now() - started).toFixed(0)} ms${result.created ? "" : " (already stored)"}`);
    }
  } finally {
    rmSync(file, { force: true });
  }
  process.exit(0);
})();
