/** The API's error body: `{ error: { code, message, path? } }`. */
interface ApiErrorBody {
  error?: { code?: string; message?: string };
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** fetch that throws an ApiError carrying the API's own message, and returns null for 204. */
export async function fetchJson<T>(input: string, init?: RequestInit): Promise<T> {
  const response = await fetch(input, {
    ...init,
    headers: { accept: "application/json", ...(init?.body ? { "content-type": "application/json" } : {}), ...init?.headers },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ApiErrorBody | null;
    throw new ApiError(body?.error?.message ?? `request failed (HTTP ${response.status})`, response.status, body?.error?.code);
  }
  if (response.status === 204) return null as T;
  return (await response.json()) as T;
}
