import "server-only";
import { getPool } from "@/lib/db";

/** Throws when the database does not answer a trivial query. */
export async function checkDatabase(): Promise<void> {
  await getPool().query("SELECT 1");
}
