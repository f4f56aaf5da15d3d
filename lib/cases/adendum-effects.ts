import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { Settings } from "@/lib/settings/defaults";
import { ADENDUM_STAGES, computeRequiresDprd, type EventInput } from "@/lib/workflow";
import type { CaseState } from "./snapshot";

/*
 * Effects of the adendum rows (domain §5), inside the transition's transaction. An adendum is an
 * Agreement row of type ADENDUM under the naskah it amends (parentId): DRAF while it is prepared,
 * BERLAKU once signed (the amended naskah then carries its version number), BATAL or DITOLAK_DPRD
 * when it never takes force. Its round's documents are tied to it when the round ends, so the next
 * adendum starts with none.
 */

type Ctx = { tx: Tx; c: CaseState; input: EventInput; settings: Settings };

const ORDINALS = ["Kesatu", "Kedua", "Ketiga", "Keempat", "Kelima", "Keenam", "Ketujuh", "Kedelapan", "Kesembilan", "Kesepuluh"];

/** "Adendum Kesatu", "Adendum Kedua", … (Indonesian legal style), "Adendum ke-11" beyond ten. */
export function adendumName(ordinal: number): string {
  return `Adendum ${ORDINALS[ordinal - 1] ?? `ke-${ordinal}`}`;
}

const RUNNING_TYPES = ["PKS", "NK", "MOU"] as const;

/** The naskah an adendum amends: the case's running PKS/NK/MoU in force (the latest ending). */
async function runningNaskah(tx: Tx, caseId: string) {
  return tx.agreement.findFirst({
    where: { caseId, type: { in: [...RUNNING_TYPES] }, status: "BERLAKU", deletedAt: null },
    orderBy: [{ endDate: "desc" }, { createdAt: "desc" }],
    select: { id: true, type: true, title: true, version: true, endDate: true, fundingSource: true, fundingAmount: true },
  });
}

async function draftAdendum(tx: Tx, caseId: string) {
  const draft = await tx.agreement.findFirst({
    where: { caseId, type: "ADENDUM", status: "DRAF", deletedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, version: true, parentId: true, parent: { select: { endDate: true, type: true } } },
  });
  if (!draft?.parentId) throw new DomainError("CONFLICT", "Tidak ada adendum yang sedang disusun pada kerja sama ini.");
  return draft;
}

/** Ties the documents of the adendum's round (uploaded in ADENDUM_* stages, not yet tied) to it. */
async function tieRoundDocuments(tx: Tx, caseId: string, adendumId: string): Promise<void> {
  await tx.document.updateMany({
    where: { caseId, deletedAt: null, agreementId: null, stage: { in: [...ADENDUM_STAGES] } },
    data: { agreementId: adendumId },
  });
}

export async function startAdendum({ tx, c, input, settings }: Ctx): Promise<void> {
  const changes = (input.adendum?.changes ?? []).map((x) => x.trim()).filter(Boolean);
  if (changes.length === 0) throw new DomainError("VALIDATION", "Pokok perubahan adendum wajib diisi.", { "adendum.changes": "Pokok perubahan adendum wajib diisi." });
  const parent = await runningNaskah(tx, c.id);
  if (!parent) throw new DomainError("CONFLICT", "Kerja sama ini tidak memiliki naskah yang berlaku untuk diubah.");
  const signed = await tx.agreement.count({ where: { parentId: parent.id, type: "ADENDUM", status: { in: ["BERLAKU", "BERAKHIR", "DIAKHIRI"] } } });
  const answers = { burdensPublic: input.adendum?.burdensPublic ?? null, budgetedInApbd: input.adendum?.budgetedInApbd ?? null };
  const requiresDprd = computeRequiresDprd(c.kind, answers, settings.ksdpkDprdFollowsQuestions);
  const content: Prisma.InputJsonObject = {
    perubahan: changes,
    bebanMasyarakatDanDaerah: answers.burdensPublic,
    sudahDianggarkanApbd: answers.budgetedInApbd,
  };
  await tx.agreement.create({
    data: {
      caseId: c.id, type: "ADENDUM", status: "DRAF",
      title: `${adendumName(signed + 1)} atas ${parent.title}`,
      kind: c.kind, opdId: c.opdId, partnerId: c.partnerId,
      parentId: parent.id, version: parent.version + 1, requiresDprd, content,
      endDate: parent.endDate, fundingSource: parent.fundingSource, fundingAmount: parent.fundingAmount,
    },
  });
}

export async function recordAdendumDprd({ tx, c, input }: Ctx): Promise<void> {
  const number = input.dprd?.number?.trim();
  const date = input.dprd?.date;
  if (!number || !date) throw new DomainError("VALIDATION", "Nomor dan tanggal keputusan DPRD wajib diisi.");
  const draft = await draftAdendum(tx, c.id);
  await tx.agreement.update({ where: { id: draft.id }, data: { dprdDecisionNumber: number, dprdDecisionDate: date } });
}

export async function signAdendum({ tx, c, input }: Ctx): Promise<void> {
  const sig = input.signing;
  if (!sig?.signedAt || !sig.signerType) throw new DomainError("VALIDATION", "Data penandatanganan adendum belum lengkap.");
  const draft = await draftAdendum(tx, c.id);
  let powerOfAttorneyDocumentId: string | null = null;
  if (sig.signerType === "PEJABAT_DIKUASAKAN") {
    const kuasa = await tx.document.findFirst({
      where: { caseId: c.id, type: "SURAT_KUASA", deletedAt: null, agreementId: null, stage: { in: [...ADENDUM_STAGES] } },
      orderBy: [{ version: "desc" }, { uploadedAt: "desc" }],
      select: { id: true },
    });
    if (!kuasa) throw new DomainError("VALIDATION", "Surat kuasa penandatanganan adendum belum diunggah.");
    powerOfAttorneyDocumentId = kuasa.id;
  }
  await tx.agreement.update({
    where: { id: draft.id },
    data: {
      status: "BERLAKU",
      ourNumber: sig.ourNumber?.trim() ?? null, partnerNumber: sig.partnerNumber?.trim() ?? null,
      signedAt: sig.signedAt, signedPlace: sig.signedPlace?.trim() ?? null,
      signerType: sig.signerType, signerName: sig.signerName?.trim() ?? null, signerPosition: sig.signerPosition?.trim() || null,
      partnerSignerName: sig.partnerSignerName?.trim() || null, partnerSignerPosition: sig.partnerSignerPosition?.trim() || null,
      powerOfAttorneyDocumentId,
      // An adendum binds from its signing until the end of the naskah it amends (a longer period
      // is a perpanjangan, which follows the full procedure — domain §5).
      startDate: sig.signedAt, endDate: draft.parent?.endDate ?? null,
    },
  });
  // The amended naskah now reads as its version N (the original text stays readable).
  await tx.agreement.update({ where: { id: draft.parentId! }, data: { version: draft.version } });
  await tieRoundDocuments(tx, c.id, draft.id);
}

export async function closeAdendum({ tx, c, input }: Ctx, status: "BATAL" | "DITOLAK_DPRD"): Promise<void> {
  const draft = await tx.agreement.findFirst({
    where: { caseId: c.id, type: "ADENDUM", status: "DRAF", deletedAt: null },
    select: { id: true },
  });
  if (!draft) return; // nothing in progress (e.g. the daily job ending a case after a refusal)
  await tx.agreement.update({
    where: { id: draft.id },
    data: {
      status,
      ...(status === "DITOLAK_DPRD" ? { dprdDecisionNumber: input.dprd?.number?.trim() ?? null, dprdDecisionDate: input.dprd?.date ?? null } : {}),
    },
  });
  await tieRoundDocuments(tx, c.id, draft.id);
}
