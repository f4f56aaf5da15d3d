import "server-only";
import { getDb } from "@/lib/db";
import { writeHistory } from "@/lib/audit";
import { can } from "@/lib/auth/policy";
import type { CurrentUser } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { loadSettings } from "@/lib/settings/load";
import { dateInZone } from "@/lib/workflow";
import { nextCaseCode } from "./drafts";
import { TX_OPTIONS } from "./transition";

/**
 * A further PKS under a running KB (one KB, several PKS — domain §4.1): a new case linked to the
 * KB that starts at PENYUSUNAN_PKS. The DPRD was decided for the KB, so requiresDprd is copied and
 * the PKS-period guard checks against the parent KB.
 */
export async function startPksTurunan(
  actor: CurrentUser,
  kbAgreementId: string,
  input: { title: string; opdId: string },
): Promise<{ id: string; code: string }> {
  if (!can(actor, "case.startPksTurunan", {})) {
    throw new DomainError("FORBIDDEN", "Hanya Bagian Kerja Sama yang dapat memulai PKS turunan.");
  }
  const title = input.title?.trim();
  if (!title || title.length > 200) {
    throw new DomainError("VALIDATION", "Judul wajib diisi (maksimal 200 karakter).", { title: "Judul wajib diisi (maksimal 200 karakter)." });
  }
  const db = getDb();
  const settings = await loadSettings(db);
  const now = new Date();
  const today = dateInZone(now, settings.region.timeZone);
  return db.$transaction(async (tx) => {
    const kb = await tx.agreement.findFirst({
      where: { id: kbAgreementId, type: "KB", deletedAt: null },
      select: { id: true, status: true, endDate: true, case: true },
    });
    if (!kb) throw new DomainError("NOT_FOUND", "Kesepakatan Bersama tidak ditemukan.");
    if (kb.status !== "BERLAKU" || !kb.endDate || kb.endDate.toISOString().slice(0, 10) < today) {
      throw new DomainError("INVALID_TRANSITION", "PKS turunan hanya dapat dibuat di bawah Kesepakatan Bersama yang masih berlaku.", undefined, "NOT_AVAILABLE");
    }
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
      },
      select: { id: true, code: true },
    });
    await writeHistory(tx, {
      caseId: created.id, fromStage: null, toStage: "PENYUSUNAN_PKS", event: "buat_pks_turunan",
      actorId: actor.id, actorRole: actor.role,
      note: `PKS turunan dibuat di bawah Kesepakatan Bersama yang berlaku (usulan induk ${src.code}); pelaksana ${opd.name}.`,
    });
    return created;
  }, TX_OPTIONS);
}
