import "server-only";
import { getDb } from "@/lib/db";
import { revokeSession } from "./sessions";

/** Revokes one session and audits the sign-out, in one transaction. */
export async function endSession(userId: string, sessionId: string, now: Date): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const ended = await revokeSession(tx, sessionId, "logout", now);
    if (ended === 0) return;
    await tx.auditEvent.create({
      data: { actorId: userId, action: "auth.logout", entity: "Session", entityId: sessionId, createdAt: now },
    });
  });
}
