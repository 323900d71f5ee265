import "server-only";
import { cookies } from "next/headers";
import { getAuthConfig } from "./config";
import { SESSION_COOKIE, verifySessionValue } from "./session";

export interface Viewer {
  /** `open`: no password configured; `password`: sign-in required. */
  mode: "open" | "password";
  isSignedIn: boolean;
  /** ISO 8601; when the current session ends. */
  sessionExpiresAt: string | null;
  sessionHours: number;
}

/** Who is looking at a page, for the nav (sign-out button, open-mode banner) and Settings. */
export async function getViewer(): Promise<Viewer> {
  const config = getAuthConfig();
  const cookie = (await cookies()).get(SESSION_COOKIE)?.value;
  const session = config.sessionKey ? verifySessionValue(config.sessionKey, cookie, config.sessionTtlSeconds) : null;
  return {
    mode: config.isOpenMode ? "open" : "password",
    isSignedIn: session !== null,
    sessionExpiresAt: session?.expiresAt.toISOString() ?? null,
    sessionHours: config.sessionTtlSeconds / 3600,
  };
}
