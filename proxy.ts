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
import { matchSharedReportPage, REPORT_UNAVAILABLE_PATH } from "@/lib/reports/paths";
import { isSharedReportAvailable } from "@/lib/reports/queries";
import { errorResponse } from "@/lib/http/responses";
import { buildContentSecurityPolicy, createNonce } from "@/lib/security/headers";

export async function proxy(request: NextRequest): Promise<Response> {
  const isHttps = isHttpsRequest(request.headers, request.url);
  // API answers get their (static) policy from next.config.ts, so routes outside the matcher have it too.
  const nonce = isApiPath(request.nextUrl.pathname) ? null : createNonce();
  const csp = nonce === null ? null : buildContentSecurityPolicy({ nonce, isDevelopment: env.NODE_ENV === "development", isHttps });

  let response: Response;
  try {
    const decision = await authorizeRequest(request);
    if (decision.kind === "allow") {
      // Next.js reads the nonce from the request's CSP header and puts it on its scripts.
      // API requests pass unchanged, which spares every read a copy of its headers.
      const forwarded = csp && nonce ? { request: { headers: withPolicy(request.headers, csp, nonce) } } : undefined;
      // A shared report link that does not work answers a real 404: the page itself streams
      // inside the root loading boundary, whose fallback would already have sent a 200.
      const reportToken = matchSharedReportPage(request.nextUrl.pathname);
      response =
        reportToken !== null && !(await isSharedReportAvailable(reportToken))
          ? NextResponse.rewrite(new URL(REPORT_UNAVAILABLE_PATH, request.url), { status: 404, ...forwarded })
          : NextResponse.next(forwarded);
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
  if (csp) response.headers.set("content-security-policy", csp);
  return response;
}

function withPolicy(original: Headers, csp: string, nonce: string): Headers {
  const headers = new Headers(original);
  headers.set("content-security-policy", csp);
  headers.set("x-nonce", nonce);
  return headers;
}

export const config = {
  // Everything but build assets (public, no policy needed) and the upload endpoint. Next.js
  // buffers the body of every request the proxy sees and silently truncates it past 10 MB
  // (experimental.proxyClientMaxBodySize), which would cut large snapshots short and defeat
  // streaming ingestion; app/api/snapshots/route.ts calls enforceAccess (the same rules) itself.
  // Any other route that takes large bodies must be excluded here and do the same.
  matcher: ["/((?!_next/static|_next/image|api/snapshots$).*)"],
};
