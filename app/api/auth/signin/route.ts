import { safeNextPath } from "@/lib/auth/access";
import { getAuthConfig } from "@/lib/auth/config";
import { enforceRateLimit } from "@/lib/auth/gate";
import { verifyPassword } from "@/lib/auth/password";
import { isHttpsRequest } from "@/lib/auth/request-origin";
import { createSessionValue, serializeSessionCookie } from "@/lib/auth/session";
import { readSignInRequest } from "@/lib/auth/signin-request";
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { errorResponse } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

// POST /api/auth/signin — check the admin password and set the session cookie (rate-limited per address)
export const POST = apiRoute(async (request) => {
  let isFormPost = false;
  let next = "/";
  try {
    const config = getAuthConfig();
    await enforceRateLimit(request, "signin");
    const parsed = await readSignInRequest(request);
    isFormPost = parsed.isFormPost;
    next = safeNextPath(parsed.input.next);
    if (!config.password || !config.sessionKey) {
      return isFormPost ? redirect(next) : Response.json({ signedIn: false, mode: "open", next });
    }
    if (!(await verifyPassword(config.password, parsed.input.password))) {
      throw new AppError("unauthorized", { message: "wrong password" });
    }
    const session = createSessionValue(config.sessionKey, config.sessionTtlSeconds);
    const cookie = serializeSessionCookie(session.value, { isSecure: isHttpsRequest(request.headers, request.url), maxAgeSeconds: config.sessionTtlSeconds });
    const response = isFormPost ? redirect(next) : Response.json({ signedIn: true, expiresAt: session.expiresAt.toISOString(), next });
    response.headers.append("set-cookie", cookie);
    return response;
  } catch (error) {
    // Without JavaScript the browser shows whatever we answer: send it back to the form instead of raw JSON.
    if (isFormPost && error instanceof AppError && error.code === "unauthorized") {
      return redirect(`/signin?${new URLSearchParams({ error: "wrong-password", next })}`);
    }
    return errorResponse(error);
  }
});

function redirect(location: string): Response {
  return new Response(null, { status: 303, headers: { location } });
}

// GET /api/auth/signin — nothing to see; the form lives at /signin
export const GET = apiRoute(async () => redirect("/signin"));
