/**
 * Who may do what, decided from a request's method and path. Pure, so every rule is unit
 * tested; proxy.ts applies it to pages and lib/http/api-route.ts to API routes.
 */
import type { ApiTokenScope } from "./scopes";

/** What a request needs: nothing, to read, to upload snapshots, or full (admin) rights. */
export type Permission = "public" | "read" | "upload" | "admin";

/** Who is asking. `open` is everyone in open mode (no password configured). */
export type Principal =
  | { kind: "anonymous" }
  | { kind: "open" }
  | { kind: "session" }
  | { kind: "token"; scope: ApiTokenScope | "full"; tokenId?: string };

export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isMutating(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/**
 * Paths anyone may reach: the sign-in page and its endpoint, the health probe (load
 * balancers), shared reports by link (`/r/{token}` and its .json/.csv/preview image),
 * the public JSON schema of the upload format, and static metadata files.
 */
export function isPublicPath(pathname: string): boolean {
  return (
    pathname === "/signin" ||
    pathname === "/api/auth/signin" ||
    pathname === "/api/auth/signout" ||
    pathname === "/api/health" ||
    pathname.startsWith("/r/") ||
    pathname === "/schema/snapshot-v1.json" ||
    pathname === "/favicon.ico" ||
    pathname === "/icon.svg" ||
    pathname === "/robots.txt"
  );
}

export function isApiPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

/** The permission a request needs. Pages need a session (`admin`); only the API takes tokens. */
export function requiredPermission(method: string, pathname: string): Permission {
  if (isPublicPath(pathname)) return "public";
  if (!isApiPath(pathname)) return "admin";
  // Token management is for people: a leaked machine token must not be able to mint more.
  if (pathname === "/api/tokens" || pathname.startsWith("/api/tokens/")) return "admin";
  if (!isMutating(method)) return "read";
  if (pathname === "/api/snapshots" && method.toUpperCase() === "POST") return "upload";
  return "admin";
}

const GRANTS: Record<ApiTokenScope | "full", ReadonlySet<Permission>> = {
  read: new Set(["public", "read"]),
  upload: new Set(["public", "read", "upload"]),
  full: new Set(["public", "read", "upload", "admin"]),
};

export function isAllowed(principal: Principal, permission: Permission): boolean {
  if (permission === "public") return true;
  switch (principal.kind) {
    case "anonymous":
      return false;
    case "open":
    case "session":
      return true;
    case "token":
      return GRANTS[principal.scope].has(permission);
  }
}

/**
 * Where to send someone after sign-in: a local path only (`/services?x=1`), never another
 * site (`//evil.example`, `/\evil.example`, `https://…`), and never back to /signin.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || next.length > 2048 || !next.startsWith("/") || next.startsWith("//") || next.includes("\\")) return "/";
  if (/[\u0000-\u001f]/.test(next)) return "/";
  if (next === "/signin" || next.startsWith("/signin?") || next.startsWith("/api/")) return "/";
  return next;
}
