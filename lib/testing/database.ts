import path from "node:path";
import { ensureDatabase, migrateDatabase, startEmbeddedPostgres } from "@/lib/database/embedded-postgres";
import { readEnv } from "@/lib/env";

/** Port of the tests' own embedded Postgres, apart from the dashboard's so a running `npm start` is untouched. */
const TEST_PG_PORT = 54339;

export interface TestDatabaseServer {
  /** Creates (anew) database `name`, applies the migrations and returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The tests' Postgres: the server named by DATABASE_URL when it is set (tests then create
 * their own databases on it and never touch the one in the URL), else an embedded Postgres
 * kept in .driftboard/test-postgres.
 */
export async function startTestDatabaseServer(log: (line: string) => void = () => {}): Promise<TestDatabaseServer> {
  const env = readEnv();
  let adminUrl: string;
  let stop = async () => {};
  if (env.DATABASE_URL) {
    const url = new URL(env.DATABASE_URL);
    url.pathname = "/postgres";
    adminUrl = url.toString();
  } else {
    const server = await startEmbeddedPostgres({
      dataDir: path.resolve(".driftboard", "test-postgres"),
      port: TEST_PG_PORT,
      log,
    });
    adminUrl = server.adminUrl;
    stop = server.stop;
  }
  return {
    async createDatabase(name) {
      const url = await ensureDatabase(adminUrl, name, { fresh: true });
      await migrateDatabase(url, process.cwd());
      return url;
    },
    stop,
  };
}
