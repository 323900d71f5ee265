import { getViewer } from "@/lib/auth/viewer";
import { AppNav } from "./app-nav";

/**
 * The nav with what only the server knows: whether a session is signed in, or the server is
 * in open mode. Reading the session makes every page render per request, which the CSP
 * nonce (proxy.ts) needs anyway.
 */
export async function AppHeader() {
  const viewer = await getViewer();
  return <AppNav access={{ mode: viewer.mode, isSignedIn: viewer.isSignedIn }} />;
}
