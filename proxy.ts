import { NextResponse, type NextRequest } from "next/server";

// Only a convenience: anonymous visitors are sent to the login page before rendering.
// It is NOT an authorization layer — every page, action and route handler checks the session itself.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = "";
  return NextResponse.redirect(url);
}

export const config = {
  // Everything except the login page, the auth API, the document API (streams uploads; its
  // handlers answer 401 themselves), Next assets and public files.
  matcher: ["/((?!login|api/auth|api/dokumen|_next/static|_next/image|favicon.ico|robots.txt|.*\\.(?:png|svg|ico|jpg|webp)$).*)"],
};
