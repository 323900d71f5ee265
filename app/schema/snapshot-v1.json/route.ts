import { snapshotJsonSchema } from "@/lib/snapshots/json-schema";

// GET /schema/snapshot-v1.json — the canonical format as JSON Schema, made from the same zod schema the API validates with
export function GET() {
  return Response.json(snapshotJsonSchema(), { headers: { "cache-control": "public, max-age=3600" } });
}
