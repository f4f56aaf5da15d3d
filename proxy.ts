import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/http/csp";
import { problemPage } from "@/lib/http/problem-page";
import {
  ACTION_BODY_LIMIT,
  actionPayloadProblem,
  declaredSizeProblem,
  formFieldsProblem,
  originProblem,
  PROBLEMS,
  UNSAFE_METHODS,
  urlProblem,
  type Problem,
} from "@/lib/http/request-guard";

/*
 * Runs before every page, server action and auth request (not static assets, not the streamed
 * document API). Three jobs, none of them authorization — every page, action and route handler
 * checks the session itself (proxies have been bypassed before, CVE-2025-29927):
 *   1. refuse malformed input with a 4xx Indonesian page before Next.js turns it into a 500
 *      (lib/http/request-guard.ts);
 *   2. a fresh CSP nonce per response, on the request (Next applies it to its scripts) and the response;
 *   3. send anonymous visitors to /login?next=<the page they asked for>.
 */
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const PUBLIC_PATHS = [/^\/login$/, /^\/api\/auth(\/|$)/];
// Also read by lib/auth/session.ts (REQUEST_PATH_HEADER) for the login redirect of an expired session.
const REQUEST_PATH_HEADER = "x-sikerda-path";

function respondProblem(problem: Problem, nonce: string, csp: string): NextResponse {
  return new NextResponse(problemPage(problem, nonce), {
    status: problem.status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": csp, "Cache-Control": "no-store" },
  });
}

async function bodyProblem(request: NextRequest): Promise<Problem | null> {
  const declared = declaredSizeProblem(request.headers.get("content-length"));
  if (declared) return declared;
  let bytes: ArrayBuffer;
  try {
    bytes = await request.clone().arrayBuffer();
  } catch {
    return PROBLEMS.malformed;
  }
  // next.config.ts buffers one byte past the limit for the proxy, so a longer body shows here.
  if (bytes.byteLength > ACTION_BODY_LIMIT) return PROBLEMS.tooLarge;
  const type = request.headers.get("content-type") ?? "";
  const isAction = request.headers.has("next-action");
  if (type.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await new Request("http://sikerda.invalid", { method: "POST", headers: { "content-type": type }, body: bytes }).formData();
    } catch {
      return isAction ? actionPayloadProblem({ kind: "unreadable" }) : PROBLEMS.malformed;
    }
    return isAction ? actionPayloadProblem({ kind: "form", fields: form.entries() }) : formFieldsProblem(form.entries());
  }
  const text = new TextDecoder().decode(bytes);
  if (isAction) return actionPayloadProblem({ kind: "text", text });
  if (type.startsWith("application/x-www-form-urlencoded")) return formFieldsProblem(new URLSearchParams(text).entries());
  return null;
}

async function requestProblem(request: NextRequest): Promise<Problem | null> {
  const raw = new URL(request.url);
  const url = urlProblem(raw.pathname, raw.search);
  if (url) return url;
  if (!UNSAFE_METHODS.has(request.method)) return null;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  return originProblem(request.headers.get("origin"), host) ?? (request.method === "POST" ? bodyProblem(request) : null);
}

export async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });

  const problem = await requestProblem(request);
  if (problem) return respondProblem(problem, nonce, csp);

  const { pathname, search } = request.nextUrl;
  const signedIn = request.cookies.getAll().some((c) => SESSION_COOKIES.some((name) => c.name === name || c.name.startsWith(`${name}.`)));
  if (!signedIn && !PUBLIC_PATHS.some((p) => p.test(pathname))) {
    const url = request.nextUrl.clone();
    url.pathname = "/login";
    url.search = "";
    const wanted = `${pathname}${search}`;
    if (pathname !== "/" && pathname !== "/beranda") url.searchParams.set("next", wanted);
    const response = NextResponse.redirect(url);
    response.headers.set("Content-Security-Policy", csp);
    return response;
  }

  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  headers.set(REQUEST_PATH_HEADER, `${pathname}${search}`);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Everything except Next's static files, public images/fonts and the streamed upload APIs (the
  // document API and the archive uploads/import take bodies up to 20 MB, which the proxy would
  // buffer; their handlers authenticate themselves).
  matcher: [
    "/((?!api/dokumen|api/arsip|_next/static|_next/image|favicon.ico|robots.txt|.*\\.(?:png|svg|ico|jpg|jpeg|webp|woff2?|css|js|map)$).*)",
  ],
};
