/**
 * The e2e servers. The main one (open mode, like a laptop install) serves every spec by
 * default; the second runs the same build with an admin password, for e2e/auth.spec.ts.
 */
export const MAIN_PORT = 3107;
export const AUTH_PORT = 3108;
export const AUTH_BASE_URL = `http://127.0.0.1:${AUTH_PORT}`;
export const E2E_ADMIN_PASSWORD = "e2e-admin-password-correct";
/** Full-scope token of the password server, for setting up data without a browser. */
export const E2E_ENV_TOKEN = "e2e-env-token-0123456789abcdef0123456789abcdef";
/** Sign-in attempts per address and minute on the password server; the rate-limit test goes past it. */
export const E2E_SIGNIN_RATE_LIMIT = 20;

/** The access variables cleared from the main server, so a developer's shell cannot turn its open mode off. */
export const ACCESS_VARIABLES = ["DRIFTBOARD_ADMIN_PASSWORD", "DRIFTBOARD_ADMIN_PASSWORD_HASH", "DRIFTBOARD_API_TOKEN", "DRIFTBOARD_SESSION_SECRET"];

/** Small upload limits on the password server, so e2e/hostile-input.spec.ts can go past each one. */
export const E2E_LIMITS = {
  DRIFTBOARD_MAX_UPLOAD_MB: "2",
  DRIFTBOARD_MAX_HOSTS: "50",
  DRIFTBOARD_MAX_COMPONENTS_PER_HOST: "100",
  DRIFTBOARD_MAX_JSON_DEPTH: "32",
  DRIFTBOARD_MAX_ARCHIVE_ENTRIES: "20",
  DRIFTBOARD_MAX_UNPACKED_MB: "1",
} as const;
