import "server-only";
import { randomBytes } from "node:crypto";
import { signToken, verifyToken } from "./tokens";

/*
 * Trusted-device cookie (OWASP "device cookies" against lockout abuse). After a successful sign-in
 * the browser receives a signed, httpOnly, long-lived cookie naming the username and a random
 * device id. Sign-in attempts that present a valid cookie for the username being tried are
 * throttled in their own bucket (username, device), so an attacker elsewhere — who cannot forge
 * the cookie — can never lock the user out of a browser they already used.
 */
export const DEVICE_COOKIE = "sikerda_perangkat";
export const DEVICE_COOKIE_DAYS = 180;

export type Device = { username: string; deviceId: string };

/** The device id when `token` is a valid, unexpired device cookie for exactly `username`. */
export function trustedDeviceId(token: string | null | undefined, username: string, now: Date): string | null {
  const payload = verifyToken("device", token, now);
  if (!payload || payload.u !== username || typeof payload.d !== "string") return null;
  return /^[A-Za-z0-9_-]{16,64}$/.test(payload.d) ? payload.d : null;
}

/**
 * A cookie value for `username`: the same device id when the browser already holds a valid cookie
 * for this username (its bucket continues), a new one otherwise.
 */
export function issueDeviceCookie(username: string, current: string | null | undefined, now: Date): string {
  const deviceId = trustedDeviceId(current, username, now) ?? randomBytes(16).toString("base64url");
  return signToken("device", { u: username, d: deviceId }, new Date(now.getTime() + DEVICE_COOKIE_DAYS * 86_400_000));
}
