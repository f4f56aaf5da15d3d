import "server-only";
import { timingSafeEqual } from "node:crypto";
import { hmac, type KeyPurpose } from "./keys";

/*
 * Small signed tokens: base64url(JSON payload) + "." + base64url(HMAC). Not encrypted — never put
 * a secret inside. `exp` (ms since epoch) is checked against the caller's `now`.
 */
type Signed = "challenge" | "device" | "archive-upload";

export function signToken(purpose: Signed & KeyPurpose, payload: Record<string, unknown>, expiresAt: Date): string {
  const body = Buffer.from(JSON.stringify({ ...payload, exp: expiresAt.getTime() })).toString("base64url");
  return `${body}.${hmac(purpose, body).toString("base64url")}`;
}

/** The payload when the signature is right and `now` is before `exp`; otherwise null. */
export function verifyToken(purpose: Signed & KeyPurpose, token: unknown, now: Date): Record<string, unknown> | null {
  if (typeof token !== "string" || token.length > 2048) return null;
  const dot = token.indexOf(".");
  if (dot <= 0 || dot !== token.lastIndexOf(".")) return null;
  const body = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), "base64url");
  const expected = hmac(purpose, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (typeof payload !== "object" || payload === null) return null;
  const exp = (payload as { exp?: unknown }).exp;
  if (typeof exp !== "number" || now.getTime() >= exp) return null;
  return payload as Record<string, unknown>;
}
