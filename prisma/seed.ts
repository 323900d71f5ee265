// Loads the demo fleet into DATABASE_URL: `npm run db:seed`, and `npm start` on first start.
import { loadDemoFleet } from "../lib/demo/load-demo";
import { getDb } from "../lib/db";

loadDemoFleet()
  .then(({ snapshotCount, created }) => {
    console.log(`Demo fleet: ${created} of ${snapshotCount} snapshots added`);
  })
  .catch((error: unknown) => {
    console.error("Loading the demo fleet failed:", error);
    process.exitCode = 1;
  })
  .finally(() => getDb().$disconnect());
