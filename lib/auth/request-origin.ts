/**
 * Facts about a request that depend on proxies in front of Driftboard: whether it came over
 * HTTPS, whether a browser sent it from our own pages (CSRF), and the client's address.
 * Pure (takes a Headers and the request URL).
 */

/** First value of a comma-separated forwarding header (the hop nearest the client). */
function firstHop(value: string | null): string | null {
  if (!value) return null;
  const first = value.split(",")[0]?.trim();
  return first ? first : null;
}

/** HTTPS as the browser sees it: `X-Forwarded-Proto` from a TLS-terminating proxy, else the URL. */
export function isHttpsRequest(headers: Headers, url: string): boolean {
  const forwarded = firstHop(headers.get("x-forwarded-proto"));
  if (forwarded) return forwarded.toLowerCase() === "https";
  return new URL(url).protocol === "https:";
}

/** The host the browser addressed: `X-Forwarded-Host`, else `Host`, else the URL's. */
function requestHost(headers: Headers, url: string): string {
  return (firstHop(headers.get("x-forwarded-host")) ?? headers.get("host") ?? new URL(url).host).toLowerCase();
}

/**
 * CSRF check for a request that changes something. Browsers send `Sec-Fetch-Site` and
 * `Origin` on every POST/PUT/DELETE; a page on another site cannot forge either.
 *  - `same-origin` → from our pages;
 *  - another `Sec-Fetch-Site`, or an `Origin` whose host is not ours → cross-site: refuse;
 *  - neither header → not a browser (curl, CI): allowed only when `requiresBrowserProof` is
 *    false, i.e. when no session cookie rides along.
 */
export function isSameOriginRequest(headers: Headers, url: string, requiresBrowserProof: boolean): boolean {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite) return fetchSite.toLowerCase() === "same-origin";
  const origin = headers.get("origin");
  if (origin) {
    if (origin === "null") return false;
    try {
      return new URL(origin).host.toLowerCase() === requestHost(headers, url);
    } catch {
      return false;
    }
  }
  return !requiresBrowserProof;
}

/**
 * The client's address for rate limiting: the first `X-Forwarded-For` hop. Next.js fills the
 * header with the socket address when no proxy set it; a proxy in front must overwrite it
 * (nginx `proxy_set_header X-Forwarded-For $remote_addr`), or clients could pick their own.
 */
export function clientAddress(headers: Headers): string {
  const address = firstHop(headers.get("x-forwarded-for")) ?? headers.get("x-real-ip") ?? "unknown";
  return address.slice(0, 64);
}
