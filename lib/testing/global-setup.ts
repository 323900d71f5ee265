import type { TestProject } from "vitest/node";
import { startTestDatabaseServer } from "./database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * Gives the integration tests a fresh, migrated database on a real Postgres. `npm test`
 * prepares it once for the whole run (DRIFTBOARD_TEST_DATABASE_URL); a bare `vitest run`
 * prepares its own.
 */
export default async function setup(project: TestProject) {
  const prepared = process.env.DRIFTBOARD_TEST_DATABASE_URL;
  if (prepared) {
    project.provide("databaseUrl", prepared);
    return;
  }
  const server = await startTestDatabaseServer();
  project.provide("databaseUrl", await server.createDatabase("driftboard_integration"));
  return () => server.stop();
}
