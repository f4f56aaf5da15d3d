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
 * The rows written are the same as before: the work leaves the request's path and is batched (under
 * load one statement carries several events), it does not get smaller.
 */

type HandoffInput = {
  c: { id: string; kind: CaseKind; initiator: Initiator };
  from: Stage;
  to: Stage;
  /** The case version after the transition: one hand-off per version, whatever retries happen. */
  version: number;
  actorId: string;
  now: Date;
};

/**
 * Records the hand-off inside the transition's transaction: one event row with the roles whose inbox
 * lists the case at the new stage (a pure function of stage, kind and initiator), or none when there
 * is no such role. The users of those roles are looked up at fan-out time.
 */
export async function recordHandoff(tx: Tx, { c, from, to, version, actorId, now }: HandoffInput): Promise<boolean> {
  const roles = nextActorRoles({ stage: to, kind: c.kind, initiator: c.initiator });
  if (roles.length === 0) return false;
  const everywhere = roles.filter((role) => !isOpdRole(role));
  const inOpd = roles.filter((role) => isOpdRole(role));
  await tx.$executeRaw`
    INSERT INTO "HandoffEvent" ("caseId", version, "fromStage", "toStage", "actorId", "createdAt", roles, "opdRoles")
    VALUES (${c.id}, ${version}, ${from}::"Stage", ${to}::"Stage", ${actorId}, ${now}, ${everywhere}::text[], ${inOpd}::text[])`;
  return true;
}

const FAN_OUT_BATCH = 200;

export type FanOutResult = { events: number; notifications: number };

/** The stages' names for the notification text, one small JSON parameter. */
const stageLabels = JSON.stringify(STAGE_LABELS);

/**
 * Claims up to `limit` waiting events (oldest first; rows another worker holds are skipped) and, in
 * the same statement — so in one transaction — writes the notification of every recipient: the
 * active users of the roles whose inbox lists the case at the event's stage (OPD roles only in the
 * case's OPD), never the actor; with e-mail on, their outbox rows too. One round trip per batch.
 */
export async function fanOutHandoffs({ limit = FAN_OUT_BATCH }: { limit?: number } = {}): Promise<FanOutResult> {
  const insert = Prisma.sql`
    INSERT INTO "Notification" (id, "userId", "opdId", kind, channel, "caseId", "idempotencyKey", title, body, "createdAt")
    SELECT ${notificationId(Prisma.sql`e.prefix || u.id`)}, u.id, e."opdId", 'PERLU_TINDAKAN', 'IN_APP', e."caseId", e.prefix || u.id,
           'Usulan ' || e.code || ' menunggu tindakan Anda',
           'Usulan "' || e.title || '" (' || e.code || ') kini pada tahapan ' || e.label || ' dan menunggu tindakan Anda.',
           e."createdAt"
      FROM events e
      JOIN "User" u ON u.active AND NOT u."isSystem" AND u.id <> e."actorId"
       AND (u.role::text = ANY(e.roles) OR (u.role::text = ANY(e."opdRoles") AND u."opdId" = e."opdId"))
    ON CONFLICT DO NOTHING
    RETURNING id, "userId", kind, title, body, "createdAt"`;
  // The e-mail is queued at the transition's time (the services' clock), like the notification.
  const outbox = emailEnabled() ? Prisma.sql`, o AS (${outboxInsert(Prisma.sql`n`, Prisma.sql`n."createdAt"`)})` : Prisma.empty;
  const [row] = await getDb().$queryRaw<FanOutResult[]>`
    WITH claimed AS (
      DELETE FROM "HandoffEvent" WHERE id IN (
        SELECT id FROM "HandoffEvent" ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING "caseId", version, "toStage", "actorId", "createdAt", roles, "opdRoles"),
    events AS (
      SELECT e."caseId", e."actorId", e."createdAt", 'PERLU_TINDAKAN:' || e."caseId" || ':' || e.version || ':' AS prefix,
             c.code, c.title, c."opdId", ${stageLabels}::json ->> e."toStage"::text AS label, e.roles, e."opdRoles"
        FROM claimed e JOIN "Case" c ON c.id = e."caseId"),
    n AS (${insert})${outbox}
    SELECT (SELECT count(*)::int FROM claimed) AS events, (SELECT count(*)::int FROM n) AS notifications`;
  return row;
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

// One in-process fan-out at a time: a kick while it runs (or waits) asks for one more round, so the
// events that commit meanwhile are taken together by one statement. Each round starts KICK_DELAY_MS
// after its kick: under load a statement carries several events instead of one (fewer statements,
// less CPU competing with the transitions); alone, a hand-off reaches the bell ~10 ms later.
const KICK_DELAY_MS = 10;
type KickState = { running: Promise<void> | null; again: boolean; rounds: number; events: number };
const kick = globalThis as unknown as { sikerdaHandoff?: KickState };

function kickState(): KickState {
  kick.sikerdaHandoff ??= { running: null, again: false, rounds: 0, events: 0 };
  return kick.sikerdaHandoff;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
      await pause(KICK_DELAY_MS);
      for (;;) {
        const r = await fanOutHandoffs();
        state.rounds += 1;
        state.events += r.events;
        if (r.events < FAN_OUT_BATCH) break;
      }
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

/** Statements the in-process fan-out ran and the events they carried, since the process started (the bench). */
export function handoffFanOutStats(): { rounds: number; events: number } {
  const { rounds, events } = kickState();
  return { rounds, events };
}
