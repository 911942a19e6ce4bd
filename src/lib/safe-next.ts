/**
 * Where to go after signing in: only a path on this site. Anything else (an absolute URL,
 * "//evil.example", "/\evil.example", a javascript: URL) falls back, so the form is no open redirect.
 */
export function safeNext(next: string | string[] | null | undefined, fallback = "/"): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f]/.test(value)) return fallback;
  if (value === "/login" || value.startsWith("/login?") || value === "/register" || value.startsWith("/register?")) return fallback;
  return value;
}
