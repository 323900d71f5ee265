/**
 * Runs once as the server starts. Prisma builds its query engine on its first query, which
 * took about 150 ms of the first upload or page a server answered; the pool opens its first
 * connection. Best effort: a database that is not up yet is simply met later.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { warmUpDatabase } = await import("./lib/db");
  void warmUpDatabase();
}
