import { withErrors } from "@/lib/http/responses";
import { checkDatabase } from "@/lib/database/health";

export const dynamic = "force-dynamic";

// GET /api/health — readiness: answers 200 only while the database answers
export async function GET() {
  return withErrors(async () => {
    await checkDatabase();
    return Response.json({ status: "ok" });
  });
}
