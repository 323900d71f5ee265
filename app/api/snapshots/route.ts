import { z } from "zod";
import { enforceAccess } from "@/lib/auth/gate";
import { env } from "@/lib/env";
import { withErrors } from "@/lib/http/responses";
import { parseQuery } from "@/lib/http/query";
import { listSnapshots } from "@/lib/snapshots/queries";
import { receiveSnapshot } from "@/lib/snapshots/receive";

export const dynamic = "force-dynamic";

// POST /api/snapshots — store one uploaded snapshot (raw body or multipart `file` parts)
export async function POST(request: Request) {
  return withErrors(async () => {
    // Access is checked here, not in proxy.ts, so the body streams in whole (see proxy.ts's matcher).
    await enforceAccess(request);
    const result = await receiveSnapshot(request, {
      maxBytes: env.DRIFTBOARD_MAX_UPLOAD_MB * 1024 * 1024,
      maxEntries: env.DRIFTBOARD_MAX_ARCHIVE_ENTRIES,
      maxUnpackedBytes: env.DRIFTBOARD_MAX_UNPACKED_MB * 1024 * 1024,
    });
    const { created, ...body } = result;
    return Response.json(body, { status: created ? 201 : 200, headers: { location: `/api/snapshots/${result.id}` } });
  });
}

const listQuerySchema = z.object({
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

// GET /api/snapshots — every snapshot, newest first (paged with ?cursor=)
export async function GET(request: Request) {
  return withErrors(async () => {
    await enforceAccess(request);
    return Response.json(await listSnapshots(parseQuery(request, listQuerySchema)));
  });
}
