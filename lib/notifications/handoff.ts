import "server-only";
import { getDb, type Tx } from "@/lib/db";
import { isOpdRole } from "@/lib/auth/roles";
import type { CaseKind, Initiator, Stage } from "@/lib/generated/prisma/enums";
import { STAGE_LABELS } from "@/lib/workflow/stages";
import { Prisma } from "@/lib/generated/prisma/client";
import { notificationId, outboxInsert } from "./create";
import { emailEnabled } from "./mailer";
import { nextActorRoles } from "./handoff-rules";

/*
 * Hand-off notifications (issue 8 §2) through a transactional outbox (issue 9: transitions at 10
 * concurrent). The transition writes ONE HandoffEvent row in its own transaction — so there is a
 * hand-off exactly when there is a stage change — instead of one Notification (+ EmailOutbox) row
 * per recipient on its critical path (52 rows at province scale, most of its database time).
 * fanOutHandoffs() turns events into notifications in batches after commit:
 *   - kicked in-process right after the commit (kickHandoffFanOut: never awaited by the request,
 *     errors logged), so the bell shows the hand-off a few milliseconds later;
 *   - swept every minute by the pg-boss job `notifikasi-serah-terima` (lib/jobs/scheduler.ts), so
 *     the events of a process that died before its kick ran are not lost.
 * An event is claimed by DELETE … FOR UPDATE SKIP LOCKED in the transaction that writes its
 * notifications: two workers never take the same event, a failed fan-out rolls back and leaves it
 * for the next one, and the idempotency key (case × version × user, unique) makes a repeat a no-op.
 */

export type HandoffInput = {
  c: { id: string; kind: CaseKind; initiator: Initiator };
  from: Stage;
  to: Stage;
  /** The case version after the transition: one hand-off per version, whatever retries happen. */
  version: number;
  actorId: string;
  now: Date;
};

/**
 * Records the hand-off inside the transition's transaction: one event row, or none when nobody's
 * inbox lists the case at the new stage (the roles are a pure function of stage, kind and initiator;
 * the users are looked up at fan-out time).
 */
export async function recordHandoff(tx: Tx, { c, from, to, version, actorId, now }: HandoffInput): Promise<boolean> {
  if (nextActorRoles({ stage: to, kind: c.kind, initiator: c.initiator }).length === 0) return false;
  await tx.$executeRaw`
    INSERT INTO "HandoffEvent" ("caseId", version, "fromStage", "toStage", "actorId", "createdAt")
    VALUES (${c.id}, ${version}, ${from}::"Stage", ${to}::"Stage", ${actorId}, ${now})`;
  return true;
}

type ClaimedEvent = {
  caseId: string; version: number; toStage: Stage; actorId: string; createdAt: Date;
  code: string; title: string; kind: CaseKind; initiator: Initiator; opdId: string;
};

export const FAN_OUT_BATCH = 200;

export type FanOutResult = { events: number; notifications: number };

/**
 * Claims up to `limit` waiting events (oldest first; rows another worker holds are skipped) and, in
 * the same transaction, writes the notification of every recipient — the active users of the roles
 * whose inbox lists the case at the event's stage (OPD roles only in the case's OPD), never the
 * actor — and, with e-mail on, their outbox rows: one statement for the whole batch.
 */
export async function fanOutHandoffs({ limit = FAN_OUT_BATCH }: { limit?: number } = {}): Promise<FanOutResult> {
  return getDb().$transaction(async (tx) => {
    const events = await tx.$queryRaw<ClaimedEvent[]>`
      WITH claimed AS (
        DELETE FROM "HandoffEvent" WHERE id IN (
          SELECT id FROM "HandoffEvent" ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
        RETURNING "caseId", version, "toStage", "actorId", "createdAt")
      SELECT e."caseId", e.version, e."toStage"::text AS "toStage", e."actorId", e."createdAt",
             c.code, c.title, c.kind::text AS kind, c.initiator::text AS initiator, c."opdId"
        FROM claimed e JOIN "Case" c ON c.id = e."caseId"`;
    if (events.length === 0) return { events: 0, notifications: 0 };
    const batch = events.map((e) => {
      const roles = nextActorRoles({ stage: e.toStage, kind: e.kind, initiator: e.initiator });
      return {
        caseId: e.caseId, opdId: e.opdId, actorId: e.actorId, at: e.createdAt.toISOString(),
        prefix: `PERLU_TINDAKAN:${e.caseId}:${e.version}:`,
        everywhere: roles.filter((role) => !isOpdRole(role)),
        inOpd: roles.filter((role) => isOpdRole(role)),
        title: `Usulan ${e.code} menunggu tindakan Anda`,
        body: `Usulan "${e.title}" (${e.code}) kini pada tahapan ${STAGE_LABELS[e.toStage]} dan menunggu tindakan Anda.`,
      };
    });
    const insert = Prisma.sql`
      INSERT INTO "Notification" (id, "userId", "opdId", kind, channel, "caseId", "idempotencyKey", title, body, "createdAt")
      SELECT ${notificationId(Prisma.sql`e.prefix || u.id`)}, u.id, e."opdId", 'PERLU_TINDAKAN', 'IN_APP', e."caseId", e.prefix || u.id,
             e.title, e.body, e.at
        FROM json_to_recordset(${JSON.stringify(batch)}::json)
          AS e("caseId" text, "opdId" text, "actorId" text, at timestamp(3), prefix text, everywhere text[], "inOpd" text[], title text, body text)
        JOIN "User" u ON u.active AND NOT u."isSystem" AND u.id <> e."actorId"
         AND (u.role::text = ANY(e.everywhere) OR (u.role::text = ANY(e."inOpd") AND u."opdId" = e."opdId"))
      ON CONFLICT DO NOTHING
      RETURNING id, "userId", kind, title, body, "createdAt"`;
    // The e-mail is queued at the transition's time (its services' clock), like the notification.
    const [row] = emailEnabled()
      ? await tx.$queryRaw<{ n: number }[]>`WITH n AS (${insert}), o AS (${outboxInsert(Prisma.sql`n`, Prisma.sql`n."createdAt"`)}) SELECT count(*)::int AS n FROM n`
      : await tx.$queryRaw<{ n: number }[]>`WITH n AS (${insert}) SELECT count(*)::int AS n FROM n`;
    return { events: events.length, notifications: row.n };
  });
}

/** Fans out until no event is waiting (the job's sweep, a script, a test). */
export async function fanOutAllHandoffs(): Promise<FanOutResult> {
  const total: FanOutResult = { events: 0, notifications: 0 };
  for (;;) {
    const r = await fanOutHandoffs();
    total.events += r.events;
    total.notifications += r.notifications;
    if (r.events < FAN_OUT_BATCH) return total;
  }
}

// One in-process fan-out at a time: a kick while it runs asks for one more round, so events that
// commit meanwhile are taken together by the next statement (batching grows with the load).
const kick = globalThis as unknown as { sikerdaHandoff?: { running: Promise<void> | null; again: boolean } };

function kickState() {
  kick.sikerdaHandoff ??= { running: null, again: false };
  return kick.sikerdaHandoff;
}

/** Starts the fan-out after a commit; returns at once (the request never waits for it). */
export function kickHandoffFanOut(): void {
  const state = kickState();
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = (async () => {
    do {
      state.again = false;
      await fanOutAllHandoffs();
    } while (state.again);
  })()
    .catch((error: unknown) => {
      // The event stays; the next kick or the minute's sweep delivers it.
      console.log(`[notifikasi] serah terima belum terkirim / hand-off fan-out failed: ${error instanceof Error ? error.message : String(error)}`);
    })
    .finally(() => {
      state.running = null;
      if (state.again) kickHandoffFanOut(); // a kick that came after the last round's check
    });
}

/** Resolves when this process's in-process fan-out is idle (tests, scripts that exit, the bench). */
export async function handoffsSettled(): Promise<void> {
  const state = kickState();
  while (state.running) await state.running;
}
