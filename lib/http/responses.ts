import { AppError, type AppErrorCode } from "@/lib/errors";

const STATUS: Record<AppErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_format: 415,
  rate_limited: 429,
  unavailable: 503,
};

/**
 * Runs a route handler and maps failures to HTTP: an AppError to its status and JSON body,
 * a lost database to 503, anything else to a generic 500 that hides internals (logged once).
 */
export async function withErrors(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    return errorResponse(error);
  }
}

export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const headers: Record<string, string> = error.retryAfterSeconds !== undefined ? { "retry-after": String(error.retryAfterSeconds) } : {};
    if (error.code === "unauthorized") headers["www-authenticate"] = 'Bearer realm="driftboard"';
    return Response.json(error.toJSON(), { status: STATUS[error.code], headers });
  }
  if (isDatabaseUnavailable(error)) {
    console.error("database unavailable:", error instanceof Error ? error.message : error);
    return Response.json(
      { error: { code: "unavailable", message: "the database is unavailable; try again shortly" } },
      { status: 503, headers: { "retry-after": "5" } },
    );
  }
  console.error("unexpected error:", error);
  return Response.json({ error: { code: "internal", message: "internal server error" } }, { status: 500 });
}

function isDatabaseUnavailable(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message} ${String((error as { code?: unknown }).code)}` : "";
  return /ECONNREFUSED|ECONNRESET|Connection terminated|DatabaseNotReachable|P1001|P1017|the database system is (starting up|shutting down)/i.test(
    text,
  );
}
