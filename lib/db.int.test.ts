import { describe, expect, it } from "vitest";
import { getPool, inTransaction } from "@/lib/db";
import { isDatabaseUnavailable } from "@/lib/http/responses";
import { Prisma } from "@/lib/generated/prisma/client";

describe("inTransaction", () => {
  it("reports a connection closed between two statements as the database's own error, and drops the connection", async () => {
    const error = await inTransaction(async (run) => {
      const [backend] = await run<{ pid: number }>(Prisma.sql`SELECT pg_backend_pid() AS pid`);
      // An administrator (or a shutdown) ends the backend while the transaction waits in between.
      await getPool().query("SELECT pg_terminate_backend($1)", [backend!.pid]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await run(Prisma.sql`SELECT 1`);
    }).catch((caught: unknown) => caught);

    // The connection's own error ("terminated"), not the next statement's "not queryable",
    // so an upload answers 503 (the database is away), not 500.
    expect(String(error)).not.toMatch(/not queryable/);
    expect(isDatabaseUnavailable(error)).toBe(true);
    // The pool hands out working connections afterwards.
    expect((await getPool().query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
  });
});
