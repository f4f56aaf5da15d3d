import "server-only";
import { getDb, type Db, type Tx } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import type { TkksdOpinionValue } from "@/lib/generated/prisma/enums";
import { TKKSD_REVIEW_STAGES } from "@/lib/auth/policy-table";
import { mayGiveOpinion } from "./rules";
import { loadScopedCase } from "./snapshot";
import { TX_OPTIONS } from "./transition";

/**
 * Review round of a case: how often it has entered a TKKSD review (the proposal's, again after a
 * PERBAIKAN, and each adendum's), at least 1. Opinions of one round are one meeting's opinions.
 */
export async function currentRound(db: Tx | Db, caseId: string): Promise<number> {
  const entries = await db.stageHistory.count({ where: { caseId, toStage: { in: [...TKKSD_REVIEW_STAGES] } } });
  return Math.max(1, entries);
}

export type OpinionRequest = {
  actor: CurrentUser;
  now: Date;
  caseId: string;
  input: { opinion: TkksdOpinionValue; note: string };
};

/**
 * A TKKSD member's written opinion on a case under review. Every opinion is kept (the table is
 * append-only): giving it again in the same round adds a newer one, which is the member's
 * current opinion; the earlier ones stay readable.
 */
export async function giveTkksdOpinion({ actor, now, caseId, input }: OpinionRequest): Promise<{ id: string }> {
  const note = input.note?.trim();
  if (!note) throw new DomainError("VALIDATION", "Catatan pendapat wajib diisi.", { note: "Catatan pendapat wajib diisi." });
  if (!["LAYAK", "TIDAK_LAYAK", "PERBAIKAN"].includes(input.opinion)) {
    throw new DomainError("VALIDATION", "Pendapat tidak dikenal.", { opinion: "Pendapat tidak dikenal." });
  }
  const db = getDb();
  const c = await loadScopedCase(db, actor, caseId);
  if (!mayGiveOpinion(actor, c)) {
    if (actor.role !== "TKKSD") throw new DomainError("FORBIDDEN", "Hanya anggota TKKSD yang dapat memberi pendapat.");
    throw new DomainError("INVALID_TRANSITION", "Pendapat hanya dapat diberikan selama pembahasan TKKSD.", undefined, "NOT_AVAILABLE");
  }
  return db.$transaction(async (tx) => {
    // The case must still be under review when the opinion is saved (share lock against a concurrent transition).
    const rows = await tx.$queryRaw<{ stage: string }[]>`SELECT stage::text AS stage FROM "Case" WHERE id = ${c.id} FOR SHARE`;
    if (!(TKKSD_REVIEW_STAGES as readonly string[]).includes(rows[0]?.stage ?? "")) {
      throw new DomainError("INVALID_TRANSITION", "Pembahasan TKKSD atas usulan ini telah selesai.", undefined, "NOT_AVAILABLE");
    }
    const round = await currentRound(tx, c.id);
    return tx.tkksdOpinion.create({
      data: { caseId: c.id, memberId: actor.id, round, opinion: input.opinion, note, createdAt: now },
      select: { id: true },
    });
  }, TX_OPTIONS);
}
