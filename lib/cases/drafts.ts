import "server-only";
import { getDb, type Tx } from "@/lib/db";
import { writeHistory } from "@/lib/audit";
import { can } from "@/lib/auth/policy";
import type { CurrentUser } from "@/lib/auth/session";
import { DomainError, STALE_MESSAGE } from "@/lib/errors";
import { loadSettings } from "@/lib/settings/load";
import type { Settings } from "@/lib/settings/defaults";
import { computeRequiresDprd, dateInZone, partnerMismatch } from "@/lib/workflow";
import type { DraftInput } from "./schemas";
import { isEditableStage, mayEditDraft } from "./rules";
import { partnerChoiceWhere } from "@/lib/partners/visibility";
import { loadScopedCase } from "./snapshot";
import { TX_OPTIONS } from "./transition";

/*
 * Drafting a usulan: an OPD operator's own draft, or Bagian Kerja Sama registering a partner's
 * offer (KSDPK prakarsa mitra) with a disposisi to an OPD. Drafts may be partial; completeness
 * is the workflow's guard when the case is submitted.
 */

function invalid(fieldErrors: Record<string, string>): DomainError {
  return new DomainError("VALIDATION", Object.values(fieldErrors)[0], fieldErrors);
}

/** Next human reference KS-<year>-<0000>, from NumberSequence `case:<year>` (row-locked upsert). */
export async function nextCaseCode(tx: Tx, now: Date, timeZone: string): Promise<string> {
  const year = dateInZone(now, timeZone).slice(0, 4);
  const key = `case:${year}`;
  const rows = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "NumberSequence" ("key", "value") VALUES (${key}, 1)
    ON CONFLICT ("key") DO UPDATE SET "value" = "NumberSequence"."value" + 1
    RETURNING "value"`;
  return `KS-${year}-${String(rows[0].value).padStart(4, "0")}`;
}

/**
 * A partner the actor may choose (confirmed, or an unconfirmed request of the actor's own OPD —
 * lib/partners/visibility.ts partnerChoiceWhere; the case's current partner stays allowed) that
 * fits the jenis (domain §2). Checked on every save, so neither another OPD's unconfirmed request,
 * a new partner nor a changed jenis can slip past the matrix.
 */
async function assertPartner(
  tx: Tx,
  actor: CurrentUser,
  input: Pick<DraftInput, "partnerId" | "kind">,
  settings: Settings,
  current?: string | null,
): Promise<void> {
  const partnerId = input.partnerId;
  if (!partnerId) return;
  const partner = await tx.partner.findFirst({
    where: partnerId === current ? { id: partnerId, deletedAt: null } : { AND: [{ id: partnerId }, partnerChoiceWhere(actor)] },
    select: { partnerClass: true, universityStatus: true },
  });
  if (!partner) throw invalid({ partnerId: "Mitra yang dipilih tidak ditemukan." });
  const mismatch = partnerMismatch(input.kind, partner, settings.ptnBhKind);
  if (mismatch) throw invalid({ partnerId: mismatch });
}

async function assertActiveOpd(tx: Tx, opdId: string): Promise<void> {
  const opd = await tx.opd.findUnique({ where: { id: opdId }, select: { active: true } });
  if (!opd || !opd.active) throw invalid({ opdId: "OPD yang dipilih tidak ditemukan atau sudah nonaktif." });
}

/** Columns written from the form; fields that do not belong to the jenis are cleared. */
function draftColumns(input: DraftInput, settings: Settings) {
  return {
    title: input.title,
    kind: input.kind,
    partnerId: input.partnerId ?? null,
    ksddNature: input.kind === "KSDD" ? (input.ksddNature ?? null) : null,
    ksdpkForm: input.kind === "KSDPK" ? (input.ksdpkForm ?? null) : null,
    subject: input.subject ?? null,
    governmentAffair: input.governmentAffair ?? null,
    purpose: input.purpose ?? null,
    scope: input.scope ?? null,
    benefits: input.benefits ?? null,
    fundingSource: input.fundingSource ?? null,
    fundingAmount: input.fundingAmount ?? null,
    fundingYear: input.fundingYear ?? null,
    burdensPublic: input.burdensPublic ?? null,
    budgetedInApbd: input.budgetedInApbd ?? null,
    requiresDprd: computeRequiresDprd(input.kind, input, settings.ksdpkDprdFollowsQuestions),
    proposedStart: input.proposedStart ?? null,
    proposedEnd: input.proposedEnd ?? null,
  };
}

async function insertDraft(
  { actor, now, input }: DraftRequest,
  extra: { opdId: string; initiator: "DAERAH" | "MITRA"; note: string },
): Promise<{ id: string; code: string }> {
  const db = getDb();
  const settings = await loadSettings(db);
  return db.$transaction(async (tx) => {
    await assertPartner(tx, actor, input, settings);
    if (extra.initiator === "MITRA") await assertActiveOpd(tx, extra.opdId);
    const code = await nextCaseCode(tx, now, settings.region.timeZone);
    const created = await tx.case.create({
      data: {
        ...draftColumns(input, settings),
        code, opdId: extra.opdId, initiator: extra.initiator, stage: "DRAF", stageEnteredAt: now, createdById: actor.id,
      },
      select: { id: true, code: true },
    });
    await writeHistory(tx, {
      caseId: created.id, fromStage: null, toStage: "DRAF", event: "buat", actorId: actor.id, actorRole: actor.role,
      note: extra.note, at: now,
    });
    return created;
  }, TX_OPTIONS);
}

export type DraftRequest = { actor: CurrentUser; now: Date; input: DraftInput };

/** An OPD operator starts a usulan for their own OPD. */
export async function createDraft(request: DraftRequest): Promise<{ id: string; code: string }> {
  const { actor } = request;
  if (!actor.opdId || !can(actor, "case.create", { opdId: actor.opdId })) {
    throw new DomainError("FORBIDDEN", "Hanya Operator OPD yang dapat membuat usulan.");
  }
  return insertDraft(request, { opdId: actor.opdId, initiator: "DAERAH", note: "Draf usulan dibuat." });
}

/** Bagian Kerja Sama registers a partner's offer (KSDPK) and gives the disposisi to an OPD. */
export async function registerPartnerOffer(
  request: DraftRequest & { input: DraftInput & { opdId: string } },
): Promise<{ id: string; code: string }> {
  const { actor, input } = request;
  if (!can(actor, "case.registerPartnerInitiated")) {
    throw new DomainError("FORBIDDEN", "Hanya Bagian Kerja Sama yang dapat mendaftarkan penawaran mitra.");
  }
  if (input.kind !== "KSDPK") throw invalid({ kind: "Prakarsa mitra hanya untuk Kerja Sama Daerah dengan Pihak Ketiga (KSDPK)." });
  if (!input.opdId) throw invalid({ opdId: "OPD penerima disposisi wajib dipilih." });
  return insertDraft(request, {
    opdId: input.opdId, initiator: "MITRA",
    note: "Penawaran kerja sama dari mitra didaftarkan; disposisi kepada OPD untuk telaah teknis.",
  });
}

/** Edits a draft (DRAF or PERBAIKAN) under the optimistic lock; requiresDprd is recomputed. */
export async function updateDraft({
  actor, caseId, input, expectedVersion,
}: DraftRequest & { caseId: string; expectedVersion: number }): Promise<void> {
  const db = getDb();
  const [c, settings] = await Promise.all([loadScopedCase(db, actor, caseId), loadSettings(db)]);
  if (!mayEditDraft(actor, c)) {
    if (isEditableStage(c.stage) || !mayEditDraft(actor, { ...c, stage: "DRAF" })) {
      throw new DomainError("FORBIDDEN", "Anda tidak berwenang mengubah usulan ini.");
    }
    throw new DomainError("INVALID_TRANSITION", "Usulan hanya dapat diubah pada tahap Draf atau Perlu Perbaikan.", undefined, "NOT_AVAILABLE");
  }
  if (c.initiator === "MITRA" && input.kind !== "KSDPK") {
    throw invalid({ kind: "Prakarsa mitra hanya untuk Kerja Sama Daerah dengan Pihak Ketiga (KSDPK)." });
  }
  if (c.version !== expectedVersion) throw new DomainError("STALE", STALE_MESSAGE);
  await db.$transaction(async (tx) => {
    await assertPartner(tx, actor, input, settings, c.partnerId);
    const updated = await tx.case.updateMany({
      where: { id: c.id, version: expectedVersion, stage: { in: ["DRAF", "PERBAIKAN"] }, deletedAt: null },
      data: { ...draftColumns(input, settings), version: { increment: 1 } },
    });
    if (updated.count === 0) throw new DomainError("STALE", STALE_MESSAGE);
  }, TX_OPTIONS);
}
