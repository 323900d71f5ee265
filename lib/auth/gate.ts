import "server-only";
import { AppError } from "@/lib/errors";
import { type Principal, isAllowed, isApiPath, isMutating, requiredPermission } from "./access";
import { bearerToken, hashApiToken, isBearerScheme, secretsEqual, API_TOKEN_PREFIX } from "./api-tokens";
import { getAuthConfig } from "./config";
import { consumeRateLimit, touchApiToken } from "./mutations";
import { findActiveApiToken } from "./queries";
import { RATE_LIMIT_WINDOW_SECONDS } from "./rate-limit";
import { clientAddress, isSameOriginRequest } from "./request-origin";
import { readCookie, SESSION_COOKIE, verifySessionValue } from "./session";

/** What proxy.ts (pages) and lib/http/api-route.ts (API routes) do with a request. */
export type AccessDecision =
  | { kind: "allow"; principal: Principal }
  /** A page without a session: to the sign-in page, coming back afterwards. */
  | { kind: "redirect"; location: string; clearCookie: boolean }
  | { kind: "deny"; error: AppError };

/**
 * Decides one request: Bearer tokens for the API (checked even in open mode, so a token
 * behaves the same before and after a password is set), else the session cookie, else open
 * mode; mutating browser requests must come from our own pages (CSRF).
 */
export async function authorizeRequest(request: Request): Promise<AccessDecision> {
  const config = getAuthConfig();
  const url = new URL(request.url);
  const { pathname } = url;
  const method = request.method.toUpperCase();
  const permission = requiredPermission(method, pathname);
  const authorization = request.headers.get("authorization");

  // Machines: a Bearer token decides alone. Browsers never attach one on their own, so no CSRF check.
  if (isApiPath(pathname) && isBearerScheme(authorization)) {
    const principal = await authenticateBearer(bearerToken(authorization), clientAddress(request.headers));
    if (principal instanceof AppError) return { kind: "deny", error: principal };
    if (!isAllowed(principal, permission)) {
      const scope = principal.kind === "token" ? principal.scope : "this";
      return {
        kind: "deny",
        error: new AppError("forbidden", {
          message: `${scope === "upload" ? "an" : "a"} ${scope}-scoped token may not ${method} ${pathname}; ${scope === "read" ? "use an upload token to upload snapshots, and " : ""}sign in for anything else`,
        }),
      };
    }
    return { kind: "allow", principal };
  }

  const cookie = readCookie(request.headers.get("cookie"), SESSION_COOKIE);
  if (isMutating(method) && !isSameOriginRequest(request.headers, request.url, cookie !== undefined)) {
    return {
      kind: "deny",
      error: new AppError("forbidden", {
        message: "cross-site request refused: changes must come from Driftboard's own pages (or send an API token as Authorization: Bearer)",
      }),
    };
  }

  const hasSession = config.sessionKey !== null && verifySessionValue(config.sessionKey, cookie, config.sessionTtlSeconds) !== null;
  const principal: Principal = hasSession ? { kind: "session" } : config.isOpenMode ? { kind: "open" } : { kind: "anonymous" };
  if (isAllowed(principal, permission)) return { kind: "allow", principal };

  if (isApiPath(pathname)) {
    return {
      kind: "deny",
      error: new AppError("unauthorized", {
        message: cookie ? "the session has expired; sign in again" : "sign in, or send an API token as Authorization: Bearer <token>",
      }),
    };
  }
  const next = `${pathname}${url.search}`;
  const params = new URLSearchParams({ next });
  if (cookie) params.set("expired", "1");
  return { kind: "redirect", location: `/signin?${params}`, clearCookie: cookie !== undefined };
}

/**
 * The same rules for the API routes, which the proxy does not run for (lib/http/api-route.ts):
 * returns who is asking, or throws the 401/403/429 AppError.
 */
export async function enforceAccess(request: Request): Promise<Principal> {
  const decision = await authorizeRequest(request);
  if (decision.kind === "allow") return decision.principal;
  if (decision.kind === "deny") throw decision.error;
  throw new AppError("unauthorized", { message: "sign in, or send an API token as Authorization: Bearer <token>" });
}

/** The principal a Bearer token stands for, or an AppError (401 invalid, 429 too many failures). */
async function authenticateBearer(token: string | null, address: string): Promise<Principal | AppError> {
  const config = getAuthConfig();
  if (token && config.envToken && secretsEqual(token, config.envToken)) return { kind: "token", scope: "full" };
  if (token && token.startsWith(API_TOKEN_PREFIX) && token.length <= 128) {
    const tokenHash = hashApiToken(token);
    const stored = await findActiveApiToken({ tokenHash });
    // The lookup is by hash (an attacker controls no prefix of it); compare again in constant time anyway.
    if (stored && secretsEqual(stored.tokenHash, tokenHash)) {
      await touchApiToken({ id: stored.id });
      return { kind: "token", scope: stored.scope, tokenId: stored.id };
    }
  }
  // Only failures count, so a valid token keeps working even when a neighbour behind the same address guesses.
  const outcome = await consumeRateLimit({ bucket: "token", key: address, limit: config.tokenRateLimit, windowSeconds: RATE_LIMIT_WINDOW_SECONDS });
  if (!outcome.isAllowed) {
    return new AppError("rate_limited", {
      message: `too many invalid API tokens from ${address}; try again in ${outcome.retryAfterSeconds} s`,
      retryAfterSeconds: outcome.retryAfterSeconds,
    });
  }
  return new AppError("unauthorized", { message: "the API token is not valid: it is mistyped, revoked, or from another Driftboard" });
}

/**
 * Counts one attempt at a rate-limited endpoint (sign-in, token management) from the
 * request's client address; throws AppError("rate_limited") over the limit.
 */
export async function enforceRateLimit(request: Request, bucket: "signin" | "token"): Promise<void> {
  const config = getAuthConfig();
  const address = clientAddress(request.headers);
  const limit = bucket === "signin" ? config.signinRateLimit : config.tokenRateLimit;
  const outcome = await consumeRateLimit({ bucket, key: address, limit, windowSeconds: RATE_LIMIT_WINDOW_SECONDS });
  if (!outcome.isAllowed) {
    throw new AppError("rate_limited", {
      message: `too many ${bucket === "signin" ? "sign-in attempts" : "token requests"}; try again in ${outcome.retryAfterSeconds} s`,
      retryAfterSeconds: outcome.retryAfterSeconds,
    });
  }
}
