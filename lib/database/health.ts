import "server-only";
import { getDb } from "@/lib/db";

/** Throws when the database does not answer a trivial query. */
export async function checkDatabase(): Promise<void> {
  await getDb().$queryRaw`SELECT 1`;
}
