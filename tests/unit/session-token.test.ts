import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it } from "vitest";
import { forgetVerifiedTokens, sessionIdFromCookies, sessionIdFromToken } from "@/lib/auth/session-token";

// lib/auth/session-token.ts reads the session id from the cookie Auth.js writes at sign-in, without
// Auth.js's auth(): the token made here by Auth.js's own encode() (what the sign-in sets) must be
// read back, and anything else — another secret, another cookie's salt, an altered or expired token
// — must give no session, also when a valid token was read (and remembered) before.

const SECRET = "a".repeat(43);
const NAME = "authjs.session-token";
// Auth.js's encode() stamps exp from the real clock and decode() checks it against the real clock,
// so the tests' "now" is the real time (whole seconds); the margins below allow a second of drift.
const NOW = new Date(Math.floor(Date.now() / 1000) * 1000);
const HOUR = 3600;

async function token(opts: { sid?: unknown; expiresInSeconds?: number; secret?: string; salt?: string } = {}) {
  return encode({
    token: { sub: "u1", ...(opts.sid === undefined ? { sid: "sess-1" } : { sid: opts.sid }) },
    secret: opts.secret ?? SECRET,
    salt: opts.salt ?? NAME,
    maxAge: opts.expiresInSeconds ?? 8 * HOUR,
  });
}

function jar(entries: Record<string, string>) {
  return {
    get: (name: string) => (name in entries ? { value: entries[name]! } : undefined),
    getAll: () => Object.entries(entries).map(([name, value]) => ({ name, value })),
  };
}

beforeEach(() => forgetVerifiedTokens());

describe("session id from Auth.js's session cookie", () => {
  it("reads the sid of a token Auth.js encoded, from either cookie name", async () => {
    expect(await sessionIdFromCookies(jar({ [NAME]: await token() }), SECRET, NOW)).toBe("sess-1");
    const secure = await token({ salt: `__Secure-${NAME}` });
    expect(await sessionIdFromCookies(jar({ [`__Secure-${NAME}`]: secure }), SECRET, NOW)).toBe("sess-1");
  });

  it("joins a token Auth.js split into chunks", async () => {
    const whole = await token();
    const half = Math.ceil(whole.length / 2);
    const cookies = jar({ [`${NAME}.1`]: whole.slice(half), [`${NAME}.0`]: whole.slice(0, half) });
    expect(await sessionIdFromCookies(cookies, SECRET, NOW)).toBe("sess-1");
  });

  it("gives no session without a cookie, for another secret, another salt, or garbage", async () => {
    expect(await sessionIdFromCookies(jar({}), SECRET, NOW)).toBeNull();
    expect(await sessionIdFromCookies(jar({ [NAME]: await token({ secret: "b".repeat(43) }) }), SECRET, NOW)).toBeNull();
    // A __Secure- token presented under the plain name is decrypted with the wrong salt.
    expect(await sessionIdFromCookies(jar({ [NAME]: await token({ salt: `__Secure-${NAME}` }) }), SECRET, NOW)).toBeNull();
    expect(await sessionIdFromCookies(jar({ [NAME]: "not-a-token" }), SECRET, NOW)).toBeNull();
    expect(await sessionIdFromCookies(jar({ [NAME]: await token({ sid: 42 }) }), SECRET, NOW)).toBeNull();
  });

  it("refuses a token altered in any part, also after the genuine one was remembered", async () => {
    const genuine = await token();
    expect(await sessionIdFromToken(genuine, NAME, SECRET, NOW)).toBe("sess-1");
    const parts = genuine.split(".");
    for (let i = 0; i < parts.length; i++) {
      if (!parts[i]) continue; // "dir" JWEs have an empty encrypted-key part
      const altered = [...parts];
      const c = altered[i]!;
      altered[i] = c.slice(0, 5) + (c[5] === "A" ? "B" : "A") + c.slice(6);
      expect(await sessionIdFromToken(altered.join("."), NAME, SECRET, NOW)).toBeNull();
    }
  });

  it("ends at the token's exp, also when it was remembered before", async () => {
    const short = await token({ expiresInSeconds: 60 });
    expect(await sessionIdFromToken(short, NAME, SECRET, NOW)).toBe("sess-1");
    expect(await sessionIdFromToken(short, NAME, SECRET, new Date(NOW.getTime() + 58_000))).toBe("sess-1");
    expect(await sessionIdFromToken(short, NAME, SECRET, new Date(NOW.getTime() + 63_000))).toBeNull();
    // An already-expired token is refused on first sight too (decode() checks the clock with 15 s
    // of tolerance; `now` is checked exactly).
    forgetVerifiedTokens();
    expect(await sessionIdFromToken(short, NAME, SECRET, new Date(NOW.getTime() + 63_000))).toBeNull();
  });
});
