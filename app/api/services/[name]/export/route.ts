import { z } from "zod";
import { filterServiceForExport, serviceToCsv } from "@/lib/analysis/export";
import { getServiceDetail } from "@/lib/analysis/queries";
import { serviceQuerySchema } from "@/lib/analysis/schemas";
import { apiRoute } from "@/lib/http/api-route";
import { parseQuery } from "@/lib/http/query";

export const dynamic = "force-dynamic";

const exportQuerySchema = serviceQuerySchema.extend({
  format: z.enum(["csv", "json"]).default("csv"),
  table: z.enum(["drift", "spread"]).default("drift"),
  host: z.string().max(512).optional(),
  component: z.string().max(512).optional(),
  drifted: z.enum(["1", "true"]).optional(),
});

// GET /api/services/{name}/export?format=csv|json&table=drift|spread — the service's drift and spread, following the page's filters
export const GET = apiRoute(async (request, { params }: { params: Promise<{ name: string }> }) => {
  const { name } = await params;
  const query = parseQuery(request, exportQuerySchema);
  const detail = await getServiceDetail({ service: name, environment: query.environment, snapshotId: query.snapshot, baseline: query.baseline });
  const filtered = filterServiceForExport(detail, { host: query.host, component: query.component, onlyDrifted: !!query.drifted });
  const base = `${name}-${detail.environment}-${detail.snapshotId}`.replace(/[^\w.-]+/g, "_");
  if (query.format === "json") {
    return Response.json(filtered, { headers: { "content-disposition": `attachment; filename="${base}.json"` } });
  }
  return new Response(serviceToCsv(filtered)[query.table], {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${base}-${query.table}.csv"` },
  });
});
