import "server-only";
import { randomBytes } from "node:crypto";
import { getDb, type Tx } from "@/lib/db";
import { SESSION_MAX_AGE_MS, TOUCH_INTERVAL_MS } from "./session-rule";

/*
 * Server-side sessions. The JWT cookie carries only the Session id; these rows decide whether it is
 * still good. Sign-out, deactivation, a role/OPD change and a password reset or change revoke rows.
 */

/** Why a session ended (Session.revokedReason; shown to administrators). */
export type RevokeReason =
  | "logout"
  | "password-changed"
  | "password-reset"
  | "deactivated"
  | "role-changed"
  | "second-factor-reset"
  | "second-factor-disabled"
  | "ended-by-user";

export async function createSession(
  tx: Tx,
  input: { userId: string; now: Date; ip: string | null; userAgent: string | null; secondFactor: boolean },
): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await tx.session.create({
    data: {
      id,
      userId: input.userId,
      createdAt: input.now,
      lastSeenAt: input.now,
      expiresAt: new Date(input.now.getTime() + SESSION_MAX_AGE_MS),
      ip: input.ip,
      userAgent: input.userAgent,
      secondFactor: input.secondFactor,
    },
  });
  return id;
}

/**
 * Moves lastSeenAt to `now` unless another request already did within the touch interval
 * (a conditional UPDATE: concurrent requests of one page write at most once).
 */
export async function touchSession(id: string, now: Date): Promise<void> {
  await getDb().session.updateMany({
    where: { id, revokedAt: null, lastSeenAt: { lte: new Date(now.getTime() - TOUCH_INTERVAL_MS) } },
    data: { lastSeenAt: now },
  });
}

export async function revokeSession(tx: Tx, id: string, reason: RevokeReason, now: Date): Promise<number> {
  const { count } = await tx.session.updateMany({
    where: { id, revokedAt: null },
    data: { revokedAt: now, revokedReason: reason },
  });
  return count;
}

/** Ends every session of `userId` except `keepSessionId` (the one changing its own password). */
export async function revokeUserSessions(
  tx: Tx,
  userId: string,
  reason: RevokeReason,
  now: Date,
  keepSessionId?: string,
): Promise<number> {
  const { count } = await tx.session.updateMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now }, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
    data: { revokedAt: now, revokedReason: reason },
  });
  return count;
}
