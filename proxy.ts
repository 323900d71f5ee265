/**
 * Runs before every page (Next.js 16's proxy, formerly middleware): access control (sign-in,
 * CSRF — lib/auth/gate.ts) and the per-request Content-Security-Policy nonce. API routes apply
 * the same rules themselves (lib/http/api-route.ts). docs/security.md describes the rules.
 */
import { type NextRequest, NextResponse } from "next/server";
import { authorizeRequest } from "@/lib/auth/gate";
import { isHttpsRequest } from "@/lib/auth/request-origin";
import { serializeSessionCookie } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { matchSharedReportPage, REPORT_UNAVAILABLE_PATH } from "@/lib/reports/paths";
import { isSharedReportAvailable } from "@/lib/reports/queries";
import { errorResponse } from "@/lib/http/responses";
import { buildContentSecurityPolicy, createNonce } from "@/lib/security/headers";

export async function proxy(request: NextRequest): Promise<Response> {
  const isHttps = isHttpsRequest(request.headers, request.url);
  const nonce = createNonce();
  const csp = buildContentSecurityPolicy({ nonce, isDevelopment: env.NODE_ENV === "development", isHttps });

  let response: Response;
  try {
    const decision = await authorizeRequest(request);
    if (decision.kind === "allow") {
      // Next.js reads the nonce from the request's CSP header and puts it on its scripts.
      const forwarded = { request: { headers: withPolicy(request.headers, csp, nonce) } };
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
    // A shared report link is checked in the database: a lost database is a 503 here too.
    response = errorResponse(error);
  }
  response.headers.set("content-security-policy", csp);
  return response;
}

function withPolicy(original: Headers, csp: string, nonce: string): Headers {
  const headers = new Headers(original);
  headers.set("content-security-policy", csp);
  headers.set("x-nonce", nonce);
  return headers;
}

export const config = {
  // Pages only. API routes check access themselves (lib/http/api-route.ts): Next.js buffers the
  // body of every request the proxy sees and silently truncates it past 10 MB
  // (experimental.proxyClientMaxBodySize), which would cut large snapshots short, and running
  // the proxy doubled the CPU time of an API read. Build assets are public and need no policy.
  // app/api/[[...path]] answers the API paths no route takes.
  matcher: ["/((?!_next/static|_next/image|api(?:/|$)).*)"],
};
