import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { errorResponse, isDatabaseUnavailable } from "./responses";

/** Shapes seen from Prisma 6 with the pg adapter while Postgres was stopped, restarting, or gone. */
function prismaRawQueryError(kind: Record<string, unknown>, message = `Raw query failed. Code: \`N/A\`. Message: \`${String(kind.message ?? kind.kind)}\``) {
  const driverAdapterError = Object.assign(new Error(String(kind.kind)), { name: "DriverAdapterError", cause: kind });
  return Object.assign(new Error(`Invalid \`prisma.$queryRaw()\` invocation:\n\n${message}`), {
    name: "PrismaClientKnownRequestError",
    code: "P2010",
    meta: { driverAdapterError },
  });
}

describe("isDatabaseUnavailable", () => {
  it.each([
    [
      "a raw query while Postgres is down",
      prismaRawQueryError({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 54369 }, "Raw query failed. Code: `N/A`. Message: `Can't reach database server at 127.0.0.1:54369`"),
    ],
    ["a connection closed mid-transaction", prismaRawQueryError({ kind: "ConnectionClosed" })],
    ["Postgres shutting down (57P01)", prismaRawQueryError({ kind: "postgres", code: "57P01", message: "terminating connection due to administrator command" })],
    ["Postgres starting up (57P03)", Object.assign(new Error("the database system is starting up"), { code: "57P03" })],
    ["too many connections", prismaRawQueryError({ kind: "TooManyConnections", cause: "sorry, too many clients already" })],
    ["a refused socket", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["P1001", Object.assign(new Error("Can't reach database server"), { code: "P1001" })],
    ["pg's own", new Error("Connection terminated unexpectedly")],
  ])("%s", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a bug", new TypeError("cannot read properties of undefined")],
    ["a unique violation", prismaRawQueryError({ kind: "UniqueConstraintViolation" })],
    ["a syntax error", prismaRawQueryError({ kind: "postgres", code: "42601", message: "syntax error at or near" })],
    ["nothing", undefined],
  ])("not %s", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe("errorResponse", () => {
  it("answers 503 with Retry-After when the database is away, without internals", async () => {
    const response = errorResponse(prismaRawQueryError({ kind: "DatabaseNotReachable" }));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toEqual({ error: { code: "unavailable", message: "the database is unavailable; try again shortly" } });
  });

  it("answers 429 with Retry-After and 401 with WWW-Authenticate", () => {
    const limited = errorResponse(new AppError("rate_limited", { message: "slow down", retryAfterSeconds: 42 }));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("42");
    expect(errorResponse(new AppError("unauthorized", { message: "sign in" })).headers.get("www-authenticate")).toMatch(/^Bearer/);
  });
});
