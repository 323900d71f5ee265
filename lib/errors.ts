/**
 * The one error type for expected failures. `app/` maps `code` to an HTTP status;
 * anything that is not an AppError becomes a generic 500 that hides internals.
 */
export type AppErrorCode =
  | "invalid_input" // 400: the input is malformed; message says where and why
  | "unauthorized" // 401
  | "forbidden" // 403
  | "not_found" // 404
  | "conflict" // 409
  | "payload_too_large" // 413
  | "unsupported_format" // 415
  | "rate_limited" // 429: too many attempts from one client address; retryAfterSeconds says when to retry
  | "unavailable"; // 503: the database is away

export interface AppErrorDetails {
  message: string;
  /** JSON path of the offending value, e.g. `hosts[3].components.nginx`. */
  path?: string;
  /** 1-based line number in the uploaded text. */
  line?: number;
  /** Which file of a multi-file upload. */
  file?: string;
  /** For rate_limited and unavailable: when to try again (sent as a Retry-After header). */
  retryAfterSeconds?: number;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly path?: string;
  readonly line?: number;
  readonly file?: string;
  readonly retryAfterSeconds?: number;

  constructor(code: AppErrorCode, details: AppErrorDetails) {
    super(details.message);
    this.name = "AppError";
    this.code = code;
    this.path = details.path;
    this.line = details.line;
    this.file = details.file;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }

  /** The JSON body clients receive: `{ error: { message, path?, line? } }`. */
  toJSON(): { error: AppErrorDetails & { code: AppErrorCode } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.path !== undefined && { path: this.path }),
        ...(this.line !== undefined && { line: this.line }),
        ...(this.file !== undefined && { file: this.file }),
        ...(this.retryAfterSeconds !== undefined && { retryAfterSeconds: this.retryAfterSeconds }),
      },
    };
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Formats a path like zod's `["hosts", 3, "components"]` as `hosts[3].components`. */
export function formatPath(segments: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else {
      // A hostile key may be megabytes long; a path names it well enough by its start.
      const full = String(segment);
      const key = full.length > 64 ? `${full.slice(0, 60)}…` : full;
      out += /^[A-Za-z_$][\w$]*$/.test(key) ? (out ? `.${key}` : key) : `[${JSON.stringify(key)}]`;
    }
  }
  return out || "(root)";
}
