import { NextResponse, type NextRequest } from "next/server";
import { newGuest, SESSION_COOKIE, sessionCookieOptions, sessionCookieValue } from "@/server/auth/guest-cookie";

/**
 * Every browser gets its identity on its first request, before any page or API call runs.
 * Were it minted later by whichever API call came first, two concurrent first calls (the
 * header's token fetch and a sign-in, say) would each set a cookie and the later one would win.
 */
export async function proxy(req: NextRequest) {
  if (req.cookies.has(SESSION_COOKIE)) return NextResponse.next();
  const value = await sessionCookieValue(newGuest());
  // Visible to this very request's page or route as well as to the browser.
  req.cookies.set(SESSION_COOKIE, value);
  const res = NextResponse.next({ request: { headers: req.headers } });
  res.cookies.set(SESSION_COOKIE, value, sessionCookieOptions());
  return res;
}

// Pages only: a browser reaches the API after a page gave it its cookie, and an API route that
// signs someone in sets the cookie itself (two Set-Cookie headers would race in the browser).
export const config = {
  matcher: ["/((?!api/|_next/|images/|media/|favicon|widget\\.js).*)"],
};
