/**
 * Runs before every route (Next.js 16's proxy, formerly middleware): access control
 * (sign-in, API tokens, CSRF — lib/auth/gate.ts) and the per-request Content-Security-Policy
 * nonce. docs/security.md describes the rules.
 */
import { type NextRequest, NextResponse } from "next/server";
import { authorizeRequest } from "@/lib/auth/gate";
import { isApiPath } from "@/lib/auth/access";
import { isHttpsRequest } from "@/lib/auth/request-origin";
import { serializeSessionCookie } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { errorResponse } from "@/lib/http/responses";
import { API_CONTENT_SECURITY_POLICY, buildContentSecurityPolicy, createNonce } from "@/lib/security/headers";

export async function proxy(request: NextRequest): Promise<Response> {
  const isHttps = isHttpsRequest(request.headers, request.url);
  const nonce = createNonce();
  const csp = isApiPath(request.nextUrl.pathname)
    ? API_CONTENT_SECURITY_POLICY
    : buildContentSecurityPolicy({ nonce, isDevelopment: env.NODE_ENV === "development", isHttps });

  let response: Response;
  try {
    const decision = await authorizeRequest(request);
    if (decision.kind === "allow") {
      // Next.js reads the nonce from the request's CSP header and puts it on its scripts.
      const headers = new Headers(request.headers);
      headers.set("content-security-policy", csp);
      headers.set("x-nonce", nonce);
      response = NextResponse.next({ request: { headers } });
    } else if (decision.kind === "redirect") {
      response = NextResponse.redirect(new URL(decision.location, request.url), 307);
      if (decision.clearCookie) response.headers.append("set-cookie", serializeSessionCookie(null, { isSecure: isHttps, maxAgeSeconds: 0 }));
    } else {
      response = errorResponse(decision.error);
    }
  } catch (error) {
    // The database is needed to check API tokens and rate limits: a lost database is a 503 here too.
    response = errorResponse(error);
  }
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Everything but build assets, which are public and need no policy of their own.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
