import "server-only";
import { getDb, type Tx } from "@/lib/db";
import { can } from "@/lib/auth/policy";
import type { CurrentUser } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import type { TkksdOpinionValue } from "@/lib/generated/prisma/enums";
import { loadScopedCase } from "./snapshot";
import { TX_OPTIONS } from "./transition";

/** Review round of a case: 1 + how often the TKKSD sent it back for PERBAIKAN before. */
export async function currentRound(db: Tx | ReturnType<typeof getDb>, caseId: string): Promise<number> {
  const returns = await db.stageHistory.count({ where: { caseId, fromStage: "KAJIAN_TKKSD", toStage: "PERBAIKAN" } });
  return returns + 1;
}

/**
 * A TKKSD member's written opinion on a case under review. One opinion per member and round:
 * giving it again in the same round replaces it.
 */
export async function giveTkksdOpinion(
  actor: CurrentUser,
  caseId: string,
  input: { opinion: TkksdOpinionValue; note: string },
): Promise<void> {
  if (actor.role !== "TKKSD") throw new DomainError("FORBIDDEN", "Hanya anggota TKKSD yang dapat memberi pendapat.");
  const note = input.note?.trim();
  if (!note) throw new DomainError("VALIDATION", "Catatan pendapat wajib diisi.", { note: "Catatan pendapat wajib diisi." });
  if (!["LAYAK", "TIDAK_LAYAK", "PERBAIKAN"].includes(input.opinion)) {
    throw new DomainError("VALIDATION", "Pendapat tidak dikenal.", { opinion: "Pendapat tidak dikenal." });
  }
  const db = getDb();
  const c = await loadScopedCase(db, actor, caseId);
  if (c.stage !== "KAJIAN_TKKSD" || !can(actor, "case.giveTkksdOpinion", { opdId: c.opdId, stage: c.stage })) {
    throw new DomainError("INVALID_TRANSITION", "Pendapat hanya dapat diberikan selama pembahasan TKKSD.", undefined, "NOT_AVAILABLE");
  }
  await db.$transaction(async (tx) => {
    // The case must still be under review when the opinion is saved (share lock against a concurrent transition).
    const rows = await tx.$queryRaw<{ stage: string }[]>`SELECT stage::text AS stage FROM "Case" WHERE id = ${c.id} FOR SHARE`;
    if (rows[0]?.stage !== "KAJIAN_TKKSD") {
      throw new DomainError("INVALID_TRANSITION", "Pembahasan TKKSD atas usulan ini telah selesai.", undefined, "NOT_AVAILABLE");
    }
    const round = await currentRound(tx, c.id);
    await tx.tkksdOpinion.upsert({
      where: { caseId_memberId_round: { caseId: c.id, memberId: actor.id, round } },
      create: { caseId: c.id, memberId: actor.id, round, opinion: input.opinion, note },
      update: { opinion: input.opinion, note },
    });
  }, TX_OPTIONS);
}
