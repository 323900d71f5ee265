import "server-only";
import { enforceAccess } from "@/lib/auth/gate";
import { withErrors } from "./responses";

/**
 * Every API route handler is made by this: access control first (lib/auth/gate.ts, the rules
 * proxy.ts applies to pages), then `handler`, with failures mapped to HTTP by withErrors.
 *
 * The API is outside the proxy's matcher, for two reasons. Next.js buffers the body of every
 * request the proxy sees and truncates it past 10 MB, which large snapshot uploads exceed. And
 * running the proxy cost an API read as much CPU as the route itself (docs/performance.md).
 * e2e/auth.spec.ts sends every route an anonymous request, so a handler made another way fails.
 */
export function apiRoute<Context = unknown>(
  handler: (request: Request, context: Context) => Promise<Response>,
): (request: Request, context: Context) => Promise<Response> {
  return (request, context) =>
    withErrors(async () => {
      await enforceAccess(request);
      return handler(request, context);
    });
}
