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

/** A 200 with a kept answer, sent as the bytes it was encoded to once. */
export function answerResponse(answer: { bytes: Uint8Array }): Response {
  return new Response(answer.bytes as Uint8Array<ArrayBuffer>, { headers: { "content-type": "application/json" } });
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

/**
 * True when `error` means the database is away (refused, reset, shut down, restarting, out of
 * connections) rather than a bug. Prisma wraps the driver's error differently per API (a raw
 * query's P2010 says only "Can't reach database server"), so this looks at the message, the
 * code, the driver adapter's error `kind` and Postgres SQLSTATE, down the cause chain.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return UNAVAILABLE.test(describeError(error, 0));
}

const UNAVAILABLE = new RegExp(
  [
    "ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EAI_AGAIN",
    "Connection terminated|connection (is )?closed|server closed the connection|Can't reach database server",
    "DatabaseNotReachable|ConnectionClosed|SocketTimeout|TooManyConnections|TransactionAlreadyClosed",
    "\\bP10(01|02|08|17)\\b",
    // SQLSTATE: admin/crash shutdown, cannot connect now, connection exceptions, too many connections.
    "\\b(57P0[1-3]|08000|08001|08003|08004|08006|53300)\\b",
    "terminating connection|the database system is (starting up|shutting down|in recovery mode)",
  ].join("|"),
  "i",
);

function describeError(error: unknown, depth: number): string {
  if (depth > 4 || error === null || error === undefined) return "";
  if (typeof error !== "object") return String(error);
  const record = error as Record<string, unknown>;
  const parts = [record.name, record.message, record.code, record.kind, record.originalCode, record.originalMessage].filter(
    (part): part is string | number => typeof part === "string" || typeof part === "number",
  );
  const meta = record.meta as Record<string, unknown> | undefined;
  return [parts.join(" "), describeError(meta?.driverAdapterError, depth + 1), describeError(record.cause, depth + 1)].join(" ");
}
