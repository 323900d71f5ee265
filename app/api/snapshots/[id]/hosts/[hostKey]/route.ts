import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { getHostManifest } from "@/lib/snapshots/queries";

export const dynamic = "force-dynamic";

// GET /api/snapshots/{id}/hosts/{hostKey} — the components one host ran in one snapshot
export const GET = apiRoute(async (_request, { params }: { params: Promise<{ id: string; hostKey: string }> }) => {
  const { id, hostKey } = await params;
  const components = await getHostManifest({ snapshotId: id, hostKey });
  if (!components) throw new AppError("not_found", { message: `no host "${hostKey.slice(0, 200)}" in snapshot "${id.slice(0, 64)}"` });
  return Response.json({ snapshotId: id, hostKey, components });
});
