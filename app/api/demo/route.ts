import { loadDemoFleet } from "@/lib/demo/load-demo";
import { withErrors } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

// POST /api/demo — load the generated demo fleet (the empty dashboard offers this)
export async function POST() {
  return withErrors(async () => Response.json(await loadDemoFleet(), { status: 201 }));
}
