import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { getSnapshot } from "@/lib/snapshots/queries";

export const dynamic = "force-dynamic";

// GET /api/snapshots/{id} — one snapshot with its services and hosts
export const GET = apiRoute(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const snapshot = await getSnapshot({ id });
  if (!snapshot) throw new AppError("not_found", { message: `no snapshot with id "${id}"` });
  return Response.json(snapshot);
});
