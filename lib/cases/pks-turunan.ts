import "server-only";
import { getDb } from "@/lib/db";
import { writeHistory } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { todayInZone } from "@/lib/dates";
import { DomainError } from "@/lib/errors";
import { loadSettings } from "@/lib/settings/load";
import { kbNotInForce } from "@/lib/workflow";
import { nextCaseCode } from "./drafts";
import { mayStartPksTurunan } from "./rules";
import { TX_OPTIONS } from "./transition";

export type PksTurunanRequest = {
  actor: CurrentUser;
  now: Date;
  kbAgreementId: string;
  input: { title: string; opdId: string };
};

/**
 * A further PKS under a KB in force (one KB, several PKS — domain §4.1): a new case linked to the
 * KB that starts at PENYUSUNAN_PKS. The KB must bind today: not awaiting or refused by the DPRD,
 * started and not ended (the KB row is share-locked, so a concurrent DPRD refusal waits for us and
 * the case's later PKS steps check the KB again). The DPRD was decided for the KB, so requiresDprd
 * is copied and the PKS-period guard checks against the parent KB.
 */
export async function startPksTurunan({ actor, now, kbAgreementId, input }: PksTurunanRequest): Promise<{ id: string; code: string }> {
  if (!mayStartPksTurunan(actor)) {
    throw new DomainError("FORBIDDEN", "Hanya Bagian Kerja Sama yang dapat memulai PKS turunan.");
  }
  const title = input.title?.trim();
  if (!title || title.length > 200) {
    throw new DomainError("VALIDATION", "Judul wajib diisi (maksimal 200 karakter).", { title: "Judul wajib diisi (maksimal 200 karakter)." });
  }
  const db = getDb();
  const settings = await loadSettings(db);
  const today = todayInZone(now, settings.region.timeZone);
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Agreement" WHERE id = ${kbAgreementId} AND type = 'KB' AND "deletedAt" IS NULL FOR SHARE`;
    const kb = locked[0]
      ? await tx.agreement.findUnique({
          where: { id: locked[0].id },
          select: { id: true, status: true, signedAt: true, startDate: true, endDate: true, case: true },
        })
      : null;
    if (!kb) throw new DomainError("NOT_FOUND", "Kesepakatan Bersama tidak ditemukan.");
    const refusal = kbNotInForce(kb, today);
    if (refusal) throw new DomainError("INVALID_TRANSITION", refusal.message, undefined, refusal.code);
    const opd = await tx.opd.findUnique({ where: { id: input.opdId ?? "" }, select: { active: true, name: true } });
    if (!opd?.active) {
      throw new DomainError("VALIDATION", "OPD pelaksana tidak ditemukan atau sudah nonaktif.", { opdId: "OPD pelaksana tidak ditemukan atau sudah nonaktif." });
    }
    const src = kb.case;
    const code = await nextCaseCode(tx, now, settings.region.timeZone);
    const created = await tx.case.create({
      data: {
        code, title, kind: src.kind, ksddNature: src.ksddNature, ksdpkForm: src.ksdpkForm, initiator: src.initiator,
        opdId: input.opdId, partnerId: src.partnerId, subject: src.subject, governmentAffair: src.governmentAffair,
        purpose: src.purpose, scope: src.scope, benefits: src.benefits, fundingSource: src.fundingSource,
        fundingAmount: src.fundingAmount, fundingYear: src.fundingYear, burdensPublic: src.burdensPublic,
        budgetedInApbd: src.budgetedInApbd, requiresDprd: src.requiresDprd,
        parentAgreementId: kb.id, stage: "PENYUSUNAN_PKS", stageEnteredAt: now, submittedAt: now, createdById: actor.id,
        createdAt: now,
      },
      select: { id: true, code: true },
    });
    await writeHistory(tx, {
      caseId: created.id, fromStage: null, toStage: "PENYUSUNAN_PKS", event: "buat_pks_turunan",
      actorId: actor.id, actorRole: actor.role, at: now,
      note: `PKS turunan dibuat di bawah Kesepakatan Bersama yang berlaku (usulan induk ${src.code}); pelaksana ${opd.name}.`,
    });
    return created;
  }, TX_OPTIONS);
}
