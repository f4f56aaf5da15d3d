import "server-only";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { emailEnabled } from "./mailer";

/**
 * A notification id that sorts by creation: "ntf_" + microseconds since 1970 (hex) + 16 hex of
 * md5(key). New rows land at the right end of the primary-key index — one page per statement —
 * where md5(key) alone put every row on a random page (a full-page image in the WAL for most of
 * them after each checkpoint: 35 per hand-off of 52 rows at 100k, 180 kB of WAL). Unique: the
 * idempotency key is unique and the clock part differs between statements.
 */
export function notificationId(key: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`'ntf_' || lpad(to_hex((extract(epoch FROM clock_timestamp()) * 1000000)::bigint), 14, '0') || left(md5(${key}), 16)`;
}

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
    SELECT ${notificationId(Prisma.sql`r.key`)}, r."userId", r."opdId", r.kind::"NotificationKind", 'IN_APP', r."caseId", r."agreementId",
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

/**
 * The outbox rows of the notifications in `source` (a relation with the columns id, "userId", kind,
 * title, body: the Notification table, or the RETURNING rows of a data-modifying CTE that inserted
 * them): users with an address, active, who did not opt out of the kind. `now`: a time, or a column
 * of `source` (the hand-off fan-out queues each e-mail at its transition's time).
 */
export function outboxInsert(source: Prisma.Sql, now: Date | Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "EmailOutbox" (id, "notificationId", "userId", "toAddress", subject, text, status, "nextAttemptAt", "createdAt", "updatedAt")
    SELECT 'eml_' || substr(n.id, 5), n.id, u.id, u.email, '[SIKERDA] ' || n.title,
           n.body || E'\n\n' || 'Pesan ini dikirim otomatis oleh SIKERDA. Buka SIKERDA untuk melihat rinciannya; ' ||
           'pilihan e-mail dapat diubah di Akun Saya.',
           'MENUNGGU', ${now}, ${now}, ${now}
      FROM ${source} n JOIN "User" u ON u.id = n."userId"
     WHERE u.email IS NOT NULL AND u.email <> '' AND u.active
       AND NOT (n.kind = ANY(u."emailOptOut"))
    ON CONFLICT ("notificationId") DO NOTHING`;
}

/** Outbox rows for the given new notifications (users with an address who did not opt out of the kind). */
export async function queueEmails(tx: Tx, notificationIds: string[], now: Date): Promise<number> {
  return tx.$executeRaw(outboxInsert(Prisma.sql`(SELECT * FROM "Notification" WHERE id = ANY(${notificationIds}))`, now));
}
