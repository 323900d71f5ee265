import { apiRoute } from "@/lib/http/api-route";
import { isHttpsRequest } from "@/lib/auth/request-origin";
import { serializeSessionCookie } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

// POST /api/auth/signout — clear the session cookie (a form post from the nav lands back on /signin)
export const POST = apiRoute(async (request) => {
  const cookie = serializeSessionCookie(null, { isSecure: isHttpsRequest(request.headers, request.url), maxAgeSeconds: 0 });
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  const response = wantsJson ? Response.json({ signedIn: false }) : new Response(null, { status: 303, headers: { location: "/signin" } });
  response.headers.append("set-cookie", cookie);
  return response;
});
