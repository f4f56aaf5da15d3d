import "server-only";
import type { Tx } from "@/lib/db";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { emailEnabled } from "./mailer";

export type NewNotification = {
  userId: string;
  kind: NotificationKind;
  idempotencyKey: string;
  title: string;
  body: string;
  opdId?: string | null;
  caseId?: string | null;
  agreementId?: string | null;
  offsetDays?: number | null;
};

/**
 * Writes notifications inside the caller's transaction: a key already present is skipped (ON
 * CONFLICT DO NOTHING on the unique idempotency key — safe when two instances race), and each new
 * one gets its outbox row when e-mail is on, the user has an address and did not opt out of the kind.
 * Returns how many were new.
 */
export async function insertNotifications(tx: Tx, rows: NewNotification[], now: Date): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Notification" (id, "userId", "opdId", kind, channel, "caseId", "agreementId", "offsetDays",
                                "idempotencyKey", title, body, "createdAt")
    SELECT 'ntf_' || md5(r.key), r."userId", r."opdId", r.kind::"NotificationKind", 'IN_APP', r."caseId", r."agreementId",
           r."offsetDays", r.key, r.title, r.body, ${now}
      FROM json_to_recordset(${JSON.stringify(rows.map((r) => ({
        userId: r.userId, opdId: r.opdId ?? null, kind: r.kind, caseId: r.caseId ?? null, agreementId: r.agreementId ?? null,
        offsetDays: r.offsetDays ?? null, key: r.idempotencyKey, title: r.title, body: r.body,
      })))}::json)
        AS r("userId" text, "opdId" text, kind text, "caseId" text, "agreementId" text, "offsetDays" int, key text, title text, body text)
    ON CONFLICT DO NOTHING
    RETURNING id`;
  if (inserted.length > 0 && emailEnabled()) await queueEmails(tx, inserted.map((r) => r.id), now);
  return inserted.length;
}

/** Outbox rows for the given new notifications (users with an address who did not opt out of the kind). */
export async function queueEmails(tx: Tx, notificationIds: string[], now: Date): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO "EmailOutbox" (id, "notificationId", "userId", "toAddress", subject, text, status, "nextAttemptAt", "createdAt", "updatedAt")
    SELECT 'eml_' || md5(n.id), n.id, u.id, u.email, '[SIKERDA] ' || n.title,
           n.body || E'\n\n' || 'Pesan ini dikirim otomatis oleh SIKERDA. Buka SIKERDA untuk melihat rinciannya; ' ||
           'pilihan e-mail dapat diubah di Akun Saya.',
           'MENUNGGU', ${now}, ${now}, ${now}
      FROM "Notification" n JOIN "User" u ON u.id = n."userId"
     WHERE n.id = ANY(${notificationIds}) AND u.email IS NOT NULL AND u.email <> '' AND u.active
       AND NOT (n.kind = ANY(u."emailOptOut"))
    ON CONFLICT ("notificationId") DO NOTHING`;
}
