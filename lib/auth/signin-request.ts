/**
 * Reading a sign-in request: JSON from the sign-in form's script, or a native form post
 * (`application/x-www-form-urlencoded`) when JavaScript is off. Pure.
 */
import { z } from "zod";
import { AppError } from "@/lib/errors";

export const signInSchema = z.object({
  password: z.string({ error: "password is required" }).min(1, { error: "password is required" }).max(1024, { error: "password is too long" }),
  next: z.string().max(2048).optional(),
});
export type SignInInput = z.infer<typeof signInSchema>;

/** Sign-in bodies are tiny; anything larger is refused before it is read whole. */
const MAX_SIGNIN_BODY_BYTES = 16 * 1024;

export interface ParsedSignIn {
  input: SignInInput;
  /** True for a native form post: answer with redirects rather than JSON. */
  isFormPost: boolean;
}

export async function readSignInRequest(request: Request): Promise<ParsedSignIn> {
  const contentType = (request.headers.get("content-type") ?? "").toLowerCase();
  const isFormPost = contentType.startsWith("application/x-www-form-urlencoded");
  if (Number(request.headers.get("content-length") ?? 0) > MAX_SIGNIN_BODY_BYTES) {
    throw new AppError("payload_too_large", { message: "the sign-in request is too large" });
  }
  const text = await request.text();
  if (text.length > MAX_SIGNIN_BODY_BYTES) throw new AppError("payload_too_large", { message: "the sign-in request is too large" });
  let raw: unknown;
  if (isFormPost) raw = Object.fromEntries(new URLSearchParams(text));
  else {
    try {
      raw = JSON.parse(text);
    } catch {
      throw new AppError("invalid_input", { message: 'send JSON {"password": "…"} or a form with a password field' });
    }
  }
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("invalid_input", { message: parsed.error.issues[0]?.message ?? "invalid sign-in request" });
  return { input: parsed.data, isFormPost };
}
