import { apiRoute } from "@/lib/http/api-route";
import { checkDatabase } from "@/lib/database/health";

export const dynamic = "force-dynamic";

// GET /api/health — readiness: answers 200 only while the database answers
export const GET = apiRoute(async () => {
  await checkDatabase();
  return Response.json({ status: "ok" });
});
