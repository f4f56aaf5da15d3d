import "server-only";
import { decode } from "next-auth/jwt";

/*
 * The session id (`sid`) from Auth.js's session cookie, read on every page, action and route
 * request. Auth.js's own auth() does far more work than a page needs — it derives the key (HKDF),
 * decrypts, runs the callbacks, issues a CSRF token and re-encrypts a refreshed cookie that a page
 * cannot even set — about 1.5 ms of CPU per request. Here:
 *   - the cookie is decrypted and verified with Auth.js's own decode() (same secret, same salt =
 *     the cookie's name, same algorithms), and its `exp` is enforced;
 *   - a verified token is remembered per process (by its full text, until its `exp`), so the
 *     user's following requests skip the decryption. Only a token that decrypted with our secret
 *     can be in the cache; an altered token is a different string and is decrypted (and refused).
 * Whether the session is still valid (revoked, idle, past its 8 hours, user deactivated) is NOT
 * decided here: lib/auth/session.ts re-reads the Session row on every request.
 */

/** Auth.js's cookie names: the __Secure- one when the sign-in happened over HTTPS. */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

type CookieReader = { get(name: string): { value: string } | undefined; getAll(): { name: string; value: string }[] };
type Verified = { sid: string; expiresAtMs: number };

const MAX_CACHED = 5_000;
const verified = new Map<string, Verified>();

/** The cookie's value, joined when Auth.js split a large token into name.0, name.1, … chunks. */
function cookieValue(cookies: CookieReader, name: string): string | undefined {
  const whole = cookies.get(name)?.value;
  if (whole) return whole;
  const chunks = cookies
    .getAll()
    .filter((c) => c.name.startsWith(`${name}.`) && /^\d+$/.test(c.name.slice(name.length + 1)))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length ? chunks.map((c) => c.value).join("") : undefined;
}

/** The `sid` of a valid, unexpired session cookie at `now`, else null. */
export async function sessionIdFromCookies(cookies: CookieReader, secret: string, now: Date): Promise<string | null> {
  for (const name of SESSION_COOKIE_NAMES) {
    const token = cookieValue(cookies, name);
    if (!token) continue;
    return sessionIdFromToken(token, name, secret, now);
  }
  return null;
}

export async function sessionIdFromToken(token: string, cookieName: string, secret: string, now: Date): Promise<string | null> {
  const key = `${cookieName}\u0000${token}`;
  const hit = verified.get(key);
  if (hit) {
    if (hit.expiresAtMs > now.getTime()) return hit.sid;
    verified.delete(key);
    return null;
  }
  let payload: { sid?: unknown; exp?: unknown } | null;
  try {
    payload = (await decode({ token, secret, salt: cookieName })) as { sid?: unknown; exp?: unknown } | null;
  } catch {
    return null; // not ours, altered, or malformed
  }
  // decode() checks `exp` against the clock (15 s tolerance); checked again here against `now`.
  const sid = payload?.sid;
  const exp = typeof payload?.exp === "number" ? payload.exp * 1000 : NaN;
  if (typeof sid !== "string" || !Number.isFinite(exp) || exp <= now.getTime()) return null;
  if (verified.size >= MAX_CACHED) {
    // Oldest first (Map keeps insertion order): drop a tenth at once.
    let drop = Math.ceil(MAX_CACHED / 10);
    for (const k of verified.keys()) {
      verified.delete(k);
      if (--drop === 0) break;
    }
  }
  verified.set(key, { sid, expiresAtMs: exp });
  return sid;
}

/** For tests: forget every remembered token. */
export function forgetVerifiedTokens(): void {
  verified.clear();
}
