/** What POST /api/snapshots answers, as the browser sees it. */
export interface UploadSuccess {
  id: string;
  hostCount: number;
  services: string[];
  format: string;
  skipped: Array<{ hostKey: string; reason: string }>;
  /** False when the identical content had been uploaded before (HTTP 200). */
  created: boolean;
}

export interface UploadFailure {
  status: number;
  message: string;
  path?: string;
  line?: number;
  file?: string;
}

export type UploadOutcome = { ok: true; result: UploadSuccess } | { ok: false; error: UploadFailure };

/** Turns an HTTP status and body from POST /api/snapshots into an outcome the form can show. */
export function interpretUploadResponse(status: number, bodyText: string): UploadOutcome {
  let body: unknown = null;
  try {
    body = JSON.parse(bodyText);
  } catch {
    // Not JSON: a proxy's error page, say. Fall through to a generic message.
  }
  if ((status === 200 || status === 201) && body && typeof body === "object" && "id" in body) {
    return { ok: true, result: { ...(body as Omit<UploadSuccess, "created">), created: status === 201 } };
  }
  const error = (body as { error?: Partial<UploadFailure> } | null)?.error;
  return {
    ok: false,
    error: {
      status,
      message: error?.message ?? (status === 413 ? "The file is larger than the upload limit." : `The upload failed (HTTP ${status}).`),
      path: error?.path,
      line: error?.line,
      file: error?.file,
    },
  };
}
