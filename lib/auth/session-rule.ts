/*
 * Pure rules of a server-side session (OWASP ASVS 5.0 V7.3): an absolute lifetime of 8 hours from
 * sign-in and an idle timeout (SESSION_IDLE_MINUTES, default 30). lastSeenAt is refreshed at most
 * once per TOUCH_INTERVAL_MS, so an active user costs one small write a minute, not one per request;
 * the idle timeout is therefore exact to within that minute.
 */
export const SESSION_MAX_AGE_MS = 8 * 60 * 60 * 1000;
export const DEFAULT_IDLE_MINUTES = 30;
export const TOUCH_INTERVAL_MS = 60 * 1000;

export type SessionTimes = { createdAt: Date; lastSeenAt: Date; expiresAt: Date; revokedAt: Date | null };

export type SessionState = "active" | "revoked" | "expired" | "idle";

export function sessionState(s: SessionTimes, now: Date, idleMinutes: number): SessionState {
  if (s.revokedAt) return "revoked";
  if (now.getTime() >= s.expiresAt.getTime()) return "expired";
  if (now.getTime() - s.lastSeenAt.getTime() >= idleMinutes * 60_000) return "idle";
  return "active";
}

/** Whether this request should move lastSeenAt forward. */
export function needsTouch(s: Pick<SessionTimes, "lastSeenAt">, now: Date): boolean {
  return now.getTime() - s.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS;
}
