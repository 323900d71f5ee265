import { createIgnoreRule } from "@/lib/analysis/mutations";
import { listIgnoreRules } from "@/lib/analysis/queries";
import { ignoreRuleInputSchema } from "@/lib/analysis/schemas";
import { BUILT_IN_IGNORE_RULES } from "@/lib/analysis/ignore-rules";
import { apiRoute } from "@/lib/http/api-route";
import { parseJsonBody } from "@/lib/http/query";

export const dynamic = "force-dynamic";

// GET /api/ignore-rules — the user's rules and the built-in ones for volatile facts
export const GET = apiRoute(async () => Response.json({ rules: await listIgnoreRules(), builtIn: BUILT_IN_IGNORE_RULES }));

// POST /api/ignore-rules — mark noisy components (a glob) as not drift, per service or fleet-wide
export const POST = apiRoute(async (request) => Response.json(await createIgnoreRule(await parseJsonBody(request, ignoreRuleInputSchema)), { status: 201 }));
