/**
 * The origin a browser used to reach Driftboard, for absolute report links. Behind a load
 * balancer the request's own URL names the replica, so the proxy's forwarded headers win.
 * A host header that is not a plain host[:port] is ignored rather than echoed into a link.
 */
export function resolveRequestOrigin(headers: Pick<Headers, "get">, fallbackUrl?: string): string | undefined {
  let fallback: URL | undefined;
  try {
    fallback = fallbackUrl ? new URL(fallbackUrl) : undefined;
  } catch {
    fallback = undefined;
  }
  const host = firstValue(headers.get("x-forwarded-host")) ?? firstValue(headers.get("host"));
  const protocol = firstValue(headers.get("x-forwarded-proto")) ?? fallback?.protocol.replace(/:$/, "") ?? "http";
  if (host && HOST_PATTERN.test(host) && (protocol === "http" || protocol === "https")) return `${protocol}://${host}`;
  return fallback?.origin;
}

const HOST_PATTERN = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

function firstValue(header: string | null): string | undefined {
  const value = header?.split(",")[0]?.trim();
  return value ? value : undefined;
}
