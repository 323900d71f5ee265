import { AppError } from "@/lib/errors";
import { withErrors } from "@/lib/http/responses";
import { getSnapshot } from "@/lib/snapshots/queries";

export const dynamic = "force-dynamic";

// GET /api/snapshots/{id} — one snapshot with its services and hosts
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withErrors(async () => {
    const { id } = await params;
    const snapshot = await getSnapshot({ id });
    if (!snapshot) throw new AppError("not_found", { message: `no snapshot with id "${id}"` });
    return Response.json(snapshot);
  });
}
