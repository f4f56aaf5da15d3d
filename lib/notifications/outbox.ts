import "server-only";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { emailEnabled, sendMail } from "./mailer";

/*
 * Delivery of the e-mail outbox. A message is CLAIMED first (attempts + 1 and a lease on
 * nextAttemptAt, committed under FOR UPDATE SKIP LOCKED), then sent: two instances never send the
 * same row at once, and a crash between claim and send only delays it until the lease ends.
 * A failed attempt is retried later (1, 5, 15, 60 … minutes); after SMTP_MAX_ATTEMPTS the row is
 * GAGAL with the server's reason, which the user sees on /notifikasi.
 */

const LEASE_MS = 10 * 60_000;
const BACKOFF_MINUTES = [1, 5, 15, 60, 180];

export type OutboxResult = { sent: number; retried: number; failed: number };

function retryDelayMs(attempts: number): number {
  return BACKOFF_MINUTES[Math.min(attempts - 1, BACKOFF_MINUTES.length - 1)] * 60_000;
}

export async function deliverOutbox({ now, limit = 100 }: { now: Date; limit?: number }): Promise<OutboxResult> {
  const result: OutboxResult = { sent: 0, retried: 0, failed: 0 };
  if (!emailEnabled()) return result;
  const db = getDb();
  const maxAttempts = env.smtp().SMTP_MAX_ATTEMPTS;
  const claimed = await db.$queryRaw<{ id: string; notificationId: string; toAddress: string; subject: string; text: string; attempts: number }[]>`
    UPDATE "EmailOutbox" o SET attempts = o.attempts + 1, "nextAttemptAt" = ${new Date(now.getTime() + LEASE_MS)}, "updatedAt" = ${now}
     WHERE o.id IN (SELECT id FROM "EmailOutbox" WHERE status = 'MENUNGGU' AND "nextAttemptAt" <= ${now}
                     ORDER BY "nextAttemptAt", id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING o.id, o."notificationId", o."toAddress", o.subject, o.text, o.attempts`;
  for (const m of claimed) {
    try {
      await sendMail({ to: m.toAddress, subject: m.subject, text: m.text });
      await db.$transaction([
        db.emailOutbox.update({ where: { id: m.id }, data: { status: "TERKIRIM", sentAt: now, lastError: null } }),
        db.notification.update({ where: { id: m.notificationId }, data: { emailSentAt: now } }),
      ]);
      result.sent += 1;
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const last = m.attempts >= maxAttempts;
      await db.emailOutbox.update({
        where: { id: m.id },
        data: last
          ? { status: "GAGAL", lastError: reason }
          : { lastError: reason, nextAttemptAt: new Date(now.getTime() + retryDelayMs(m.attempts)) },
      });
      if (last) result.failed += 1;
      else result.retried += 1;
    }
  }
  return result;
}
