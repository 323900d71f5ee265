import type { z } from "zod";
import { AppError, formatPath } from "@/lib/errors";

/** Parses a request's query string with a zod schema; a bad value is a 400 naming the parameter. */
export function parseQuery<T extends z.ZodType>(request: Request, schema: T): z.infer<T> {
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ""));
  return parseInput(params, schema);
}

/** Parses a JSON request body with a zod schema. */
export async function parseJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError("invalid_input", { message: "the request body must be JSON" });
  }
  return parseInput(body, schema);
}

/** Parses any input with a zod schema; a bad value is a 400 naming its path. */
export function parseInput<T extends z.ZodType>(input: unknown, schema: T): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue ? formatPath(issue.path) : undefined;
  throw new AppError("invalid_input", { message: issue ? `${path}: ${issue.message}` : "invalid input", path });
}
