import "server-only";
import { writeHistory } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { nextCaseCode } from "@/lib/cases/drafts";
import { noteFor } from "@/lib/cases/effects";
import type { Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { AgreementType, DocumentType } from "@/lib/generated/prisma/enums";
import type { Settings } from "@/lib/settings/defaults";
import { archiveStage, archiveStatus, RUNNING_TYPE, SIGNING_STAGE, signingOf } from "./check";
import { hasKb, requiresDprdFor, type ArchiveInput, type NaskahInput } from "./schema";
import type { StagedFile } from "./staged-upload";

/*
 * Writes one archive agreement inside the caller's transaction: the case (isArchive) at PELAKSANAAN
 * or BERAKHIR, its naskah rows with their stored status by date, the signed documents (locked, in
 * their signing stage, linked to their naskah) and the history saying it came from the archive.
 * Callers have run checkArchive() and hold ARCHIVE_LOCK (lib/legacy/numbers.ts) so no number is
 * registered twice.
 */

export type ArchiveFiles = { induk?: StagedFile; naskah?: StagedFile; kuasa?: StagedFile; dprd?: StagedFile };

export type InsertContext = {
  tx: Tx;
  actor: CurrentUser;
  now: Date;
  settings: Settings;
  partnerName: string;
  /** "formulir" (Kerja Sama Arsip form) or "impor <file>, baris <n>". */
  source: string;
};

const NASKAH_NAME: Record<"KB" | "PKS" | "NK" | "MOU", string> = {
  KB: "Kesepakatan Bersama", PKS: "Perjanjian Kerja Sama", NK: "Nota Kesepakatan", MOU: "Memorandum of Understanding (Nota Kesepahaman)",
};
const SIGNED_DOCUMENT: Record<"KB" | "PKS" | "NK" | "MOU", DocumentType> = {
  KB: "KB_DITANDATANGANI", PKS: "PKS_DITANDATANGANI", NK: "NK_DITANDATANGANI", MOU: "MOU_DITANDATANGANI",
};

function title(type: "KB" | "PKS" | "NK" | "MOU" | "RK", input: ArchiveInput, partnerName: string, region: string): string {
  const parties = `antara Pemerintah ${region} dan ${partnerName}`;
  switch (type) {
    case "KB": return `Kesepakatan Bersama ${parties} tentang ${input.title}`;
    case "PKS": return `Perjanjian Kerja Sama tentang ${input.title}`;
    case "NK": return `Nota Kesepakatan ${parties} tentang ${input.title}`;
    case "RK": return `Rencana Kerja Nota Kesepakatan ${parties} tentang ${input.title}`;
    case "MOU": return `Memorandum of Understanding (Nota Kesepahaman) tentang ${input.title}`;
  }
}

async function addDocument(
  ctx: InsertContext, caseId: string, file: StagedFile, type: DocumentType, stage: keyof typeof SIGNING_STAGE | "DPRD",
  agreementId: string | null,
): Promise<string> {
  const doc = await ctx.tx.document.create({
    data: {
      caseId, agreementId, type, version: 1, locked: true,
      stage: stage === "DPRD" ? "PERSETUJUAN_DPRD" : SIGNING_STAGE[stage],
      storageKey: file.storageKey, sha256: file.sha256, sizeBytes: file.sizeBytes, mimeType: file.mimeType,
      originalName: file.originalName, uploadedById: ctx.actor.id, uploadedAt: ctx.now,
    },
    select: { id: true },
  });
  return doc.id;
}

function signedColumns(n: NaskahInput | undefined, delegable: boolean) {
  const s = signingOf(n, delegable);
  return {
    ourNumber: s.ourNumber?.trim() ?? null, partnerNumber: s.partnerNumber?.trim() ?? null,
    signedAt: s.signedAt ?? null, signedPlace: s.signedPlace?.trim() ?? null,
    signerType: s.signerType ?? "KEPALA_DAERAH", signerName: s.signerName?.trim() ?? null, signerPosition: s.signerPosition?.trim() || null,
    partnerSignerName: s.partnerSignerName?.trim() || null, partnerSignerPosition: s.partnerSignerPosition?.trim() || null,
    startDate: s.startDate ?? null, endDate: s.endDate ?? null,
  };
}

export async function insertArchive(ctx: InsertContext, input: ArchiveInput, files: ArchiveFiles = {}): Promise<{ id: string; code: string; stage: "PELAKSANAAN" | "BERAKHIR" }> {
  const { tx, actor, now, settings } = ctx;
  const tz = settings.region.timeZone;
  const region = settings.region.name;
  const runningType = RUNNING_TYPE[input.kind];
  const running = input.naskah as NaskahInput;
  const stage = archiveStage(running, now, tz);
  const requiresDprd = requiresDprdFor(input.kind, input.requiresDprd);
  const dprd = requiresDprd ? { dprdDecisionNumber: input.dprdNumber?.trim() ?? null, dprdDecisionDate: input.dprdDate ?? null } : {};
  const code = await nextCaseCode(tx, now, tz);

  const created = await tx.case.create({
    data: {
      code, title: input.title, kind: input.kind, initiator: "DAERAH",
      ksddNature: input.kind === "KSDD" ? (input.ksddNature ?? null) : null,
      ksdpkForm: input.kind === "KSDPK" ? (input.ksdpkForm ?? null) : null,
      opdId: input.opdId, partnerId: input.partnerId, subject: input.subject, governmentAffair: input.governmentAffair,
      scope: input.scope ?? null, fundingSource: input.fundingSource, fundingAmount: input.fundingAmount ?? null,
      fundingYear: input.fundingYear ?? null, requiresDprd,
      proposedStart: running.startDate ?? null, proposedEnd: running.endDate ?? null,
      durationOverrideBasis: running.durationOverrideBasis?.trim() || null,
      stage, stageEnteredAt: now, isArchive: true, createdById: actor.id, createdAt: now,
    },
    select: { id: true },
  });
  const caseId = created.id;
  const common = {
    caseId, kind: input.kind, opdId: input.opdId, partnerId: input.partnerId,
    fundingSource: input.fundingSource, fundingAmount: input.fundingAmount ?? null, createdAt: now,
  };

  let kbId: string | null = null;
  if (hasKb(input.kind)) {
    const kb = await tx.agreement.create({
      data: {
        ...common, type: "KB", title: title("KB", input, ctx.partnerName, region),
        status: archiveStatus(input.induk ?? {}, now, tz), ...signedColumns(input.induk, false), ...dprd,
      },
      select: { id: true },
    });
    kbId = kb.id;
    if (files.induk) await addDocument(ctx, caseId, files.induk, SIGNED_DOCUMENT.KB, "KB", kb.id);
  }
  const kuasaId = files.kuasa ? await addDocument(ctx, caseId, files.kuasa, "SURAT_KUASA", "PKS", null) : null;
  const main = await tx.agreement.create({
    data: {
      ...common, type: runningType as AgreementType, title: title(runningType, input, ctx.partnerName, region),
      status: archiveStatus(running, now, tz), ...signedColumns(running, runningType === "PKS"),
      parentId: kbId, powerOfAttorneyDocumentId: kuasaId,
      ...(runningType === "PKS" || runningType === "MOU" ? dprd : {}),
    },
    select: { id: true },
  });
  if (files.naskah) await addDocument(ctx, caseId, files.naskah, SIGNED_DOCUMENT[runningType], runningType, main.id);
  if (kuasaId) await tx.document.update({ where: { id: kuasaId }, data: { agreementId: main.id } });
  if (files.dprd) await addDocument(ctx, caseId, files.dprd, "PERSETUJUAN_DPRD", "DPRD", kbId ?? main.id);
  if (runningType === "NK") {
    // SINERGI: the Rencana Kerja is signed with the NK and runs for its period (as at a signing).
    await tx.agreement.create({
      data: {
        ...common, type: "RK", title: title("RK", input, ctx.partnerName, region),
        status: archiveStatus(running, now, tz), ...signedColumns(running, false), parentId: main.id,
      },
    });
  }

  const signed = (type: "KB" | "PKS" | "NK" | "MOU", n: NaskahInput | undefined, delegable: boolean) =>
    `${NASKAH_NAME[type]}: ${noteFor("tandatangani", { signing: signingOf(n, delegable) })}`;
  const parts = [
    `Didaftarkan dari arsip sebagai kerja sama yang sudah ditandatangani sebelum dicatat di SIKERDA (Kerja Sama Arsip, ${ctx.source}); tahapan usulan sampai penandatanganan tidak dilalui di SIKERDA.`,
    ...(hasKb(input.kind) ? [signed("KB", input.induk, false)] : []),
    ...(requiresDprd && input.dprdNumber ? [`Persetujuan DPRD Nomor ${input.dprdNumber}.`] : []),
    signed(runningType, running, runningType === "PKS"),
  ];
  await writeHistory(tx, {
    caseId, fromStage: null, toStage: "PELAKSANAAN", event: "registrasi_arsip", actorId: actor.id, actorRole: actor.role,
    note: parts.join(" "), at: now,
  });
  if (stage === "BERAKHIR") {
    await writeHistory(tx, {
      caseId, fromStage: "PELAKSANAAN", toStage: "BERAKHIR", event: "berakhir", actorId: actor.id, actorRole: actor.role,
      note: "Jangka waktu kerja sama sudah berakhir sebelum didaftarkan dari arsip; laporan akhir diperlukan sebelum kerja sama ditutup (Selesai).",
      at: now,
    });
  }
  await tx.auditEvent.create({
    data: {
      actorId: actor.id, action: "legacy.register", entity: "Case", entityId: caseId, createdAt: now,
      data: {
        code, source: ctx.source, stage,
        numbers: [input.induk?.ourNumber, running.ourNumber].filter(Boolean) as string[],
        documents: Object.entries(files).filter(([, f]) => f).map(([k, f]) => ({ role: k, sha256: (f as StagedFile).sha256 })),
      },
    },
  });
  return { id: caseId, code, stage };
}

/** A number already held by another naskah → the field error of the form / the import. */
export function duplicateNumberMessage(number: string, caseCode: string): string {
  return `Nomor ${number} sudah tercatat pada kerja sama ${caseCode}: kerja sama ini tampaknya sudah didaftarkan.`;
}

export function assertNoErrors(errors: Record<string, string>): void {
  const first = Object.values(errors)[0];
  if (first) throw new DomainError("VALIDATION", first, errors);
}
