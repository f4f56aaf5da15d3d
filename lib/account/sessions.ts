import "server-only";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { sessionState } from "@/lib/auth/session-rule";

export type OwnSession = {
  id: string;
  current: boolean;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string | null;
  userAgent: string | null;
  secondFactor: boolean;
};

/** The user's sessions that are still valid at `now`, newest first (the account page). */
export async function listOwnSessions(
  userId: string,
  currentSessionId: string,
  now: Date,
  idleMinutes = env.auth().SESSION_IDLE_MINUTES,
): Promise<OwnSession[]> {
  const rows = await getDb().session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: "desc" },
    take: 50,
  });
  return rows
    .filter((r) => sessionState(r, now, idleMinutes) === "active")
    .map((r) => ({
      id: r.id.slice(0, 8),
      current: r.id === currentSessionId,
      createdAt: r.createdAt,
      lastSeenAt: r.lastSeenAt,
      ip: r.ip,
      userAgent: r.userAgent,
      secondFactor: r.secondFactor,
    }));
}

/** "Keluar dari perangkat lain": every other session of the user ends; audited. */
export async function endOtherSessions(userId: string, currentSessionId: string, now: Date): Promise<number> {
  return getDb().$transaction(async (tx) => {
    const ended = await revokeUserSessions(tx, userId, "ended-by-user", now, currentSessionId);
    await tx.auditEvent.create({
      data: { actorId: userId, action: "auth.sessions.endedOthers", entity: "User", entityId: userId, data: { ended }, createdAt: now },
    });
    return ended;
  });
}
