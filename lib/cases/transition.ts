import "server-only";
import { getDb, type Tx } from "@/lib/db";
import { writeHistory } from "@/lib/audit";
import { can } from "@/lib/auth/policy";
import type { CurrentUser } from "@/lib/auth/session";
import { todayInZone } from "@/lib/dates";
import { DomainError, STALE_MESSAGE } from "@/lib/errors";
import { kickHandoffFanOut, recordHandoff } from "@/lib/notifications/handoff";
import { loadSettings } from "@/lib/settings/load";
import {
  decide, isTerminal, kbNotInForce, REASON_EVENTS, rowsFor, type EventCode, type EventInput, type Stage,
} from "@/lib/workflow";
import { applyEffects, noteFor } from "./effects";
import { buildSnapshot, loadScopedCase, type CaseState } from "./snapshot";

/** Generous waits: 20 simultaneous requests on one case must end in STALE, not in a pool timeout. */
export const TX_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;

const SUBMIT_EVENTS: readonly string[] = ["ajukan", "registrasi_penawaran_mitra"];

export type TransitionRequest = {
  actor: CurrentUser;
  now: Date;
  caseId: string;
  event: string;
  input: EventInput;
  /** The case version the user saw (optimistic lock). */
  expectedVersion: number;
};

/** The KB a PKS depends on, re-read under a share lock inside the transaction (a concurrent DPRD refusal waits). */
async function recheckKbInForce(tx: Tx, c: CaseState, today: Date): Promise<void> {
  const kb = c.parentAgreementId
    ? await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Agreement" WHERE id = ${c.parentAgreementId} FOR SHARE`
    : await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Agreement" WHERE "caseId" = ${c.id} AND type = 'KB' AND status <> 'DRAF' AND "deletedAt" IS NULL
        ORDER BY "createdAt" DESC LIMIT 1 FOR SHARE`;
  const row = kb[0]
    ? await tx.agreement.findUnique({ where: { id: kb[0].id }, select: { status: true, signedAt: true, startDate: true, endDate: true } })
    : null;
  const refusal = kbNotInForce(row, today);
  if (refusal) throw new DomainError("INVALID_TRANSITION", refusal.message, undefined, refusal.code);
}

/**
 * Records `event` on a case: scoped load → decide() → one transaction that moves the stage only
 * if nobody else did (WHERE id, stage, version), appends the history row and carries out the
 * effects. A refusal changes nothing.
 */
export async function transitionCase({
  actor, now, caseId, event, input, expectedVersion,
}: TransitionRequest): Promise<{ stage: Stage; version: number }> {
  const db = getDb();
  const [c, settings] = await Promise.all([loadScopedCase(db, actor, caseId), loadSettings(db)]);
  if (c.version !== expectedVersion) throw new DomainError("STALE", STALE_MESSAGE);

  const snapshot = await buildSnapshot(db, c);
  const decision = decide(snapshot, event, actor, input, { now, settings });
  if (!decision.ok) {
    throw new DomainError("INVALID_TRANSITION", decision.message, decision.fields, decision.code, decision.missing);
  }
  // Defence in depth: the row's action must also be granted by the authorization matrix.
  const row = rowsFor(snapshot).find((t) => t.event === event && t.roles.includes(actor.role));
  if (!row || !can(actor, row.action, { opdId: c.opdId, stage: c.stage })) {
    throw new DomainError("FORBIDDEN", "Anda tidak berwenang melakukan tindakan ini.");
  }

  const { from, to, effects } = decision;
  const reasonEvent = REASON_EVENTS.includes(event as EventCode);
  let handoff = false;
  await db.$transaction(async (tx) => {
    if (row.guards?.includes("kbInForce")) await recheckKbInForce(tx, c, todayInZone(now, settings.region.timeZone));
    const updated = await tx.case.updateMany({
      where: { id: c.id, stage: from, version: expectedVersion, deletedAt: null },
      data: {
        stage: to,
        version: { increment: 1 },
        stageEnteredAt: now,
        ...(reasonEvent ? { lastReason: input.note?.trim() ?? null } : {}),
        ...(SUBMIT_EVENTS.includes(event) && !c.submittedAt ? { submittedAt: now } : {}),
        ...(isTerminal(to) ? { closedAt: now } : {}),
      },
    });
    if (updated.count === 0) throw new DomainError("STALE", STALE_MESSAGE);
    await writeHistory(tx, {
      caseId: c.id, fromStage: from, toStage: to, event, actorId: actor.id, actorRole: actor.role,
      note: noteFor(event, input, from), at: now,
    });
    await applyEffects({ tx, c, input, now, settings }, effects);
    // The hand-off event commits with the stage change (no stage change without it, nor the reverse);
    // its notifications are fanned out after commit, off this request's path.
    handoff = await recordHandoff(tx, { c, from, to, version: expectedVersion + 1, actorId: actor.id, now });
  }, TX_OPTIONS);
  if (handoff) kickHandoffFanOut();
  return { stage: to, version: expectedVersion + 1 };
}
