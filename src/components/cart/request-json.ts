/** An API error as the UI shows it: the server's message, and the field it is about (if any). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/**
 * fetch for our JSON API: same-origin cookies, JSON in and out, and the one error shape
 * `{ error: { code, message, field? } }` turned into an ApiError. A network failure becomes an
 * ApiError too, so callers have a single thing to show.
 */
export async function requestJson<T>(url: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? "GET",
      credentials: "same-origin",
      headers: { accept: "application/json", ...(init.body !== undefined ? { "content-type": "application/json" } : {}), ...init.headers },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
  } catch {
    throw new ApiError(0, "NETWORK", "We could not reach the shop. Check your connection and try again.");
  }
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const error = (data as { error?: { code?: string; message?: string; field?: string } } | null)?.error;
    throw new ApiError(res.status, error?.code ?? "INTERNAL", error?.message ?? `Request failed (${res.status})`, error?.field);
  }
  return data as T;
}
