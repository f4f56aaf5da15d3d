import "server-only";
import { cache } from "react";
import { can } from "@/lib/auth/policy";
import type { CurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";

/** Unread notifications of the user, counted up to 100 ("99+" beyond), once per request (the bell). */
export const unreadCount = cache(async (user: CurrentUser): Promise<number> => {
  if (!can(user, "notification.read")) return 0;
  const rows = await getDb().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM "Notification" WHERE "userId" = ${user.id} AND "readAt" IS NULL LIMIT 100) t`;
  return rows[0]?.n ?? 0;
});

export const PAGE_SIZE = 30;

/** The user's own notifications, newest first, with the e-mail status of each. */
export async function listNotifications(user: CurrentUser, { page, unreadOnly }: { page: number; unreadOnly: boolean }) {
  if (!can(user, "notification.read")) return { items: [], total: 0 };
  const where = { userId: user.id, ...(unreadOnly ? { readAt: null } : {}) };
  const db = getDb();
  const [items, total] = await Promise.all([
    db.notification.findMany({
      where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE,
      select: {
        id: true, kind: true, title: true, body: true, caseId: true, readAt: true, createdAt: true,
        email: { select: { status: true, attempts: true, lastError: true, sentAt: true, toAddress: true } },
      },
    }),
    db.notification.count({ where }),
  ]);
  return { items, total };
}

/** The outbox at a glance for the settings page's SMTP card: messages waiting and failed. */
export async function outboxCounts(): Promise<{ waiting: number; failed: number }> {
  const rows = await getDb().emailOutbox.groupBy({ by: ["status"], _count: { _all: true }, where: { status: { in: ["MENUNGGU", "GAGAL"] } } });
  const of = (s: string) => rows.find((r) => r.status === s)?._count._all ?? 0;
  return { waiting: of("MENUNGGU"), failed: of("GAGAL") };
}
