import "server-only";
import { writeAudit } from "@/lib/audit";
import { can } from "@/lib/auth/policy";
import type { CurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { NOTIFICATION_KINDS } from "./kinds";

function authorize(actor: CurrentUser): void {
  if (!can(actor, "notification.manage")) throw new DomainError("FORBIDDEN", "Anda tidak berwenang melakukan tindakan ini.");
}

/** Marks one of the actor's own notifications read; another user's is NOT_FOUND. Idempotent. */
export async function markNotificationRead({ actor, now, id }: { actor: CurrentUser; now: Date; id: string }): Promise<void> {
  authorize(actor);
  const db = getDb();
  const found = await db.notification.findFirst({ where: { id, userId: actor.id }, select: { id: true } });
  if (!found) throw new DomainError("NOT_FOUND", "Notifikasi tidak ditemukan.");
  await db.notification.updateMany({ where: { id, userId: actor.id, readAt: null }, data: { readAt: now } });
}

/** Marks every unread notification of the actor read; returns how many. */
export async function markAllNotificationsRead({ actor, now }: { actor: CurrentUser; now: Date }): Promise<number> {
  authorize(actor);
  const { count } = await getDb().notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: now } });
  return count;
}

/** Saves which kinds the actor wants by e-mail (the rest are opted out); audited. */
export async function setEmailPreferences({
  actor, now, wanted,
}: { actor: CurrentUser; now: Date; wanted: Partial<Record<NotificationKind, boolean>> }): Promise<void> {
  authorize(actor);
  const emailOptOut = NOTIFICATION_KINDS.filter((k) => !wanted[k]);
  await getDb().$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { emailOptOut: true } });
    await tx.user.update({ where: { id: actor.id }, data: { emailOptOut } });
    await writeAudit(tx, {
      actorId: actor.id, action: "account.emailPreferences", entity: "User", entityId: actor.id, at: now,
      data: { before: before.emailOptOut, after: emailOptOut },
    });
  });
}
