import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/http/query";

/** One uploaded file, still as bytes (it may be an archive or not even text). */
export interface UploadFile {
  name: string;
  bytes: Uint8Array;
}

export const uploadOptionsSchema = z.object({
  format: z.string().trim().min(1).max(64).optional(),
  takenAt: z.iso
    .datetime({ offset: true, error: "takenAt must be an ISO 8601 date-time, e.g. 2026-03-01T12:00:00Z" })
    .optional(),
  environment: z.string().trim().min(1).max(512).optional(),
  service: z.string().trim().min(1).max(512).optional(),
  host: z.string().trim().min(1).max(512).optional(),
});
export type UploadOptions = z.infer<typeof uploadOptionsSchema>;

export interface Upload {
  files: UploadFile[];
  options: UploadOptions;
  byteCount: number;
}

/**
 * Reads a snapshot upload from an HTTP request: the raw body, or `multipart/form-data` with
 * one or more `file` parts plus option fields. Options also come from the query string.
 * The size limit is enforced while reading, so a huge or endless body costs at most
 * `maxBytes` of memory before it is refused with 413.
 */
export async function readUpload(request: Request, maxBytes: number): Promise<Upload> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const body = await readBodyWithLimit(request, maxBytes);
  const url = new URL(request.url);
  const query = Object.fromEntries([...url.searchParams.entries()].filter(([, v]) => v !== ""));
  const contentType = request.headers.get("content-type") ?? "";

  let files: UploadFile[];
  let fields: Record<string, string> = {};
  if (contentType.toLowerCase().startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await new Response(body, { headers: { "content-type": contentType } }).formData();
    } catch {
      throw new AppError("invalid_input", { message: "the multipart/form-data body could not be read" });
    }
    files = [];
    for (const [key, value] of form.entries()) {
      if (typeof value === "string") {
        if (value !== "") fields[key] = value;
      } else if (key === "file") {
        files.push({ name: value.name || "upload", bytes: new Uint8Array(await value.arrayBuffer()) });
      }
    }
    if (files.length === 0) throw new AppError("invalid_input", { message: 'the form has no "file" part' });
  } else {
    const name = request.headers.get("x-filename") ?? url.searchParams.get("filename") ?? "upload";
    files = [{ name, bytes: body }];
  }

  return { files, options: parseInput({ ...fields, ...query }, uploadOptionsSchema), byteCount: body.byteLength };
}

async function readBodyWithLimit(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** Decodes a file as UTF-8, refusing bytes that are not text rather than guessing. */
export function decodeText(file: UploadFile): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(file.bytes);
  } catch {
    throw new AppError("invalid_input", { message: `${file.name}: the file is not UTF-8 text`, file: file.name });
  }
}

export function tooLarge(maxBytes: number): AppError {
  return new AppError("payload_too_large", {
    message: `the upload is larger than the limit of ${Math.round(maxBytes / 1024 / 1024)} MB (set DRIFTBOARD_MAX_UPLOAD_MB to change it)`,
  });
}
