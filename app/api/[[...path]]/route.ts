import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

/**
 * Any API path no route takes: a JSON 404 for scripts, after the same access check as every
 * route (so an anonymous caller cannot map the API), rather than Next.js's HTML page.
 */
const notFound = apiRoute(async (request) => {
  throw new AppError("not_found", { message: `no API endpoint ${request.method} ${new URL(request.url).pathname.slice(0, 200)}` });
});

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
