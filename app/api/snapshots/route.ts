import { z } from "zod";
import { env } from "@/lib/env";
import { apiRoute } from "@/lib/http/api-route";
import { parseQuery } from "@/lib/http/query";
import { listSnapshots } from "@/lib/snapshots/queries";
import { receiveSnapshot } from "@/lib/snapshots/receive";

export const dynamic = "force-dynamic";

// POST /api/snapshots — store one uploaded snapshot (raw body or multipart `file` parts)
export const POST = apiRoute(async (request) => {
  const result = await receiveSnapshot(request, {
    maxBytes: env.DRIFTBOARD_MAX_UPLOAD_MB * 1024 * 1024,
    maxEntries: env.DRIFTBOARD_MAX_ARCHIVE_ENTRIES,
    maxUnpackedBytes: env.DRIFTBOARD_MAX_UNPACKED_MB * 1024 * 1024,
  });
  const { created, ...body } = result;
  return Response.json(body, { status: created ? 201 : 200, headers: { location: `/api/snapshots/${result.id}` } });
});

const listQuerySchema = z.object({
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

// GET /api/snapshots — every snapshot, newest first (paged with ?cursor=)
export const GET = apiRoute(async (request) => {
  return Response.json(await listSnapshots(parseQuery(request, listQuerySchema)));
});
