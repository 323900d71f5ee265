import { loadDemoFleet } from "@/lib/demo/load-demo";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

// POST /api/demo — load the generated demo fleet (the empty dashboard offers this)
export const POST = apiRoute(async () => Response.json(await loadDemoFleet(), { status: 201 }));
