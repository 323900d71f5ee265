/**
 * Security headers. The Content-Security-Policy is per request (a fresh nonce, set by
 * proxy.ts, which Next.js puts on its own scripts); the rest are static and set for every
 * response in next.config.ts. Pure.
 */

/**
 * The page policy: scripts only from us and only with this request's nonce ('strict-dynamic'
 * lets those load the app's chunks), never eval — except in `next dev`, whose React needs it.
 * Styles allow inline: Tailwind is a stylesheet, but React renders `style` attributes (charts,
 * progress bars), and style injection cannot run script.
 */
export function buildContentSecurityPolicy(options: { nonce: string; isDevelopment: boolean; isHttps: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.isDevelopment ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${options.isDevelopment ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  // Only over HTTPS: on a plain-HTTP intranet install it would break every asset.
  if (options.isHttps) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** API answers are data, never documents: they may load nothing and be framed by no one. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Headers for every response (next.config.ts). Referrer-Policy is left to routes under /r/, which use no-referrer. */
export const STATIC_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

export const DEFAULT_REFERRER_POLICY = "strict-origin-when-cross-origin";

/** A nonce for one response: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
