import { withErrors } from "@/lib/http/responses";
import { revokeReport } from "@/lib/reports/mutations";

export const dynamic = "force-dynamic";

// DELETE /api/reports/{id} — revoke a report: its link answers 404 from now on
export async function DELETE(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withErrors(async () => {
    await revokeReport({ id: (await params).id });
    return new Response(null, { status: 204 });
  });
}
