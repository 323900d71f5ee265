/**
 * The origin a browser used to reach Driftboard, for absolute report links. Behind a load
 * balancer the request's own URL names the replica, so the proxy's forwarded headers win.
 */
export function resolveRequestOrigin(request: Pick<Request, "url" | "headers">): string | undefined {
  const forwardedHost = firstValue(request.headers.get("x-forwarded-host"));
  const host = forwardedHost ?? firstValue(request.headers.get("host"));
  let fallback: URL | undefined;
  try {
    fallback = new URL(request.url);
  } catch {
    fallback = undefined;
  }
  const protocol = firstValue(request.headers.get("x-forwarded-proto")) ?? fallback?.protocol.replace(/:$/, "") ?? "http";
  if (host && /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) && (protocol === "http" || protocol === "https")) {
    return `${protocol}://${host}`;
  }
  return fallback?.origin;
}

function firstValue(header: string | null): string | undefined {
  const value = header?.split(",")[0]?.trim();
  return value ? value : undefined;
}
