import "server-only";
import type { Tx } from "@/lib/db";
import { todayInZone } from "@/lib/dates";
import { DomainError } from "@/lib/errors";
import { formatTanggal } from "@/lib/format";
import type { AgreementType, DocumentType, TerminationGround } from "@/lib/generated/prisma/enums";
import { TerminationGround as GROUNDS } from "@/lib/generated/prisma/enums";
import type { Settings } from "@/lib/settings/defaults";
import type { Effect, EventInput } from "@/lib/workflow";
import { closeAdendum, recordAdendumDprd, signAdendum, startAdendum } from "./adendum-effects";
import type { CaseState } from "./snapshot";

/*
 * Carries out the Effects decide() returned, inside the transition's transaction. The guards have
 * already checked the input (signing data, DPRD number/date, termination ground/date); the checks
 * repeated here only protect the database from a caller that skipped decide().
 */

type Ctx = { tx: Tx; c: CaseState; input: EventInput; now: Date; settings: Settings };

type SignedType = "KB" | "PKS" | "NK" | "RK" | "LOI" | "MOU";

/** The documents linked to each naskah row at signing (the NK's Rencana Kerja goes to its RK row). */
const SIGNED_DOC: Record<SignedType, DocumentType[]> = {
  KB: ["KB_DITANDATANGANI", "DRAF_KB"],
  PKS: ["PKS_DITANDATANGANI", "DRAF_PKS"],
  NK: ["NK_DITANDATANGANI", "DRAF_NK"],
  RK: ["RENCANA_KERJA"],
  LOI: ["LOI"],
  MOU: ["MOU_DITANDATANGANI", "DRAF_MOU"],
};

function agreementTitle(type: SignedType, c: CaseState, settings: Settings): string {
  const parties = `antara Pemerintah ${settings.region.name} dan ${c.partner?.name ?? "Mitra"}`;
  switch (type) {
    case "KB": return `Kesepakatan Bersama ${parties} tentang ${c.title}`;
    case "PKS": return `Perjanjian Kerja Sama tentang ${c.title}`;
    case "NK": return `Nota Kesepakatan ${parties} tentang ${c.title}`;
    case "RK": return `Rencana Kerja Nota Kesepakatan ${parties} tentang ${c.title}`;
    case "LOI": return `Letter of Intent ${parties} tentang ${c.title}`;
    case "MOU": return `Memorandum of Understanding (Nota Kesepahaman) tentang ${c.title}`;
  }
}

/** Links the case's not-yet-linked documents of `type`'s naskah to the agreement row. */
async function linkDocuments(tx: Tx, caseId: string, type: SignedType, agreementId: string): Promise<void> {
  await tx.document.updateMany({
    where: { caseId, type: { in: SIGNED_DOC[type] }, deletedAt: null, agreementId: null },
    data: { agreementId },
  });
}

/** The case's signed LoI (foreign chain), if one was recorded. */
function loiOf(tx: Tx, c: CaseState) {
  return tx.agreement.findFirst({
    where: { caseId: c.id, type: "LOI", deletedAt: null, status: { not: "DRAF" } },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
}

/** The case's own KB (signed), else the parent KB of a PKS turunan. */
async function kbOf(tx: Tx, c: CaseState) {
  if (c.parentAgreementId) {
    return tx.agreement.findUnique({ where: { id: c.parentAgreementId }, select: { id: true, dprdDecisionNumber: true, dprdDecisionDate: true } });
  }
  return tx.agreement.findFirst({
    where: { caseId: c.id, type: "KB", deletedAt: null, status: { not: "DRAF" } },
    orderBy: { createdAt: "desc" },
    select: { id: true, dprdDecisionNumber: true, dprdDecisionDate: true },
  });
}

async function createAgreement({ tx, c, input, settings }: Ctx, type: "KB" | "PKS" | "NK" | "LOI" | "MOU"): Promise<void> {
  const sig = input.signing;
  // Only the LoI has no validity period of its own.
  if (!sig?.signedAt || !sig.signerType || (type !== "LOI" && (!sig.startDate || !sig.endDate))) {
    throw new DomainError("VALIDATION", "Data penandatanganan belum lengkap.");
  }
  let powerOfAttorneyDocumentId: string | null = null;
  if (sig.signerType === "PEJABAT_DIKUASAKAN") {
    const kuasa = await tx.document.findFirst({
      where: { caseId: c.id, type: "SURAT_KUASA", deletedAt: null },
      orderBy: [{ version: "desc" }, { uploadedAt: "desc" }],
      select: { id: true },
    });
    if (!kuasa) throw new DomainError("VALIDATION", "Surat kuasa penandatanganan belum diunggah.");
    powerOfAttorneyDocumentId = kuasa.id;
  }
  const kb = type === "PKS" ? await kbOf(tx, c) : null;
  // The schema's parent is "MoU for an IA"; the foreign chain also hangs the MoU under its LoI.
  const loi = type === "MOU" ? await loiOf(tx, c) : null;
  // Domain §4.1: a KB signed while the case needs the DPRD does not bind until the DPRD approves.
  const status = type === "KB" && c.requiresDprd ? ("MENUNGGU_DPRD" as const) : ("BERLAKU" as const);
  const data = {
    title: agreementTitle(type, c, settings),
    kind: c.kind, opdId: c.opdId, partnerId: c.partnerId,
    status,
    ourNumber: sig.ourNumber?.trim() ?? null, partnerNumber: sig.partnerNumber?.trim() ?? null,
    signedAt: sig.signedAt, signedPlace: sig.signedPlace?.trim() ?? null,
    signerType: sig.signerType, signerName: sig.signerName?.trim() ?? null, signerPosition: sig.signerPosition?.trim() || null,
    partnerSignerName: sig.partnerSignerName?.trim() || null, partnerSignerPosition: sig.partnerSignerPosition?.trim() || null,
    powerOfAttorneyDocumentId,
    startDate: sig.startDate ?? null, endDate: sig.endDate ?? null,
    fundingSource: c.fundingSource, fundingAmount: c.fundingAmount,
    ...(type === "PKS" && kb
      ? { parentId: kb.id, dprdDecisionNumber: kb.dprdDecisionNumber, dprdDecisionDate: kb.dprdDecisionDate }
      : {}),
    ...(loi ? { parentId: loi.id } : {}),
  };
  // A draft row of this naskah may already exist (drafted earlier, or a foreign MoU carrying the
  // DPRD decision): the signing completes it instead of adding a second one.
  const draft = await tx.agreement.findFirst({
    where: { caseId: c.id, type, status: "DRAF", deletedAt: null },
    select: { id: true },
  });
  const agreement = draft
    ? await tx.agreement.update({ where: { id: draft.id }, data, select: { id: true } })
    : await tx.agreement.create({ data: { ...data, caseId: c.id, type }, select: { id: true } });
  await linkDocuments(tx, c.id, type, agreement.id);
  if (loi) {
    // The signed MoU supersedes its LoI (as the seed records it).
    await tx.agreement.update({ where: { id: loi.id }, data: { status: "DIGANTI" } });
  }
  if (type === "NK") {
    // SINERGI: the Rencana Kerja is signed with the NK, runs for the NK's period and sits under it.
    const rk = await tx.agreement.create({
      data: {
        caseId: c.id, type: "RK", title: agreementTitle("RK", c, settings),
        kind: c.kind, opdId: c.opdId, partnerId: c.partnerId, status: "BERLAKU", parentId: agreement.id,
        signedAt: data.signedAt, signedPlace: data.signedPlace,
        signerType: data.signerType, signerName: data.signerName, signerPosition: data.signerPosition,
        partnerSignerName: data.partnerSignerName, partnerSignerPosition: data.partnerSignerPosition,
        startDate: data.startDate, endDate: data.endDate,
        fundingSource: c.fundingSource, fundingAmount: c.fundingAmount,
      },
      select: { id: true },
    });
    await linkDocuments(tx, c.id, "RK", rk.id);
  }
  if (sig.durationOverrideBasis?.trim()) {
    await tx.case.update({ where: { id: c.id }, data: { durationOverrideBasis: sig.durationOverrideBasis.trim() } });
  }
}

async function recordDprdDecision({ tx, c, input }: Ctx): Promise<void> {
  const number = input.dprd?.number?.trim();
  const date = input.dprd?.date;
  if (!number || !date) throw new DomainError("VALIDATION", "Nomor dan tanggal keputusan DPRD wajib diisi.");
  const dprd = { dprdDecisionNumber: number, dprdDecisionDate: date };
  // The approval puts the KB signed while waiting for it in force.
  const kb = await tx.agreement.updateMany({
    where: { caseId: c.id, type: "KB", deletedAt: null, status: { in: ["MENUNGGU_DPRD", "BERLAKU"] } },
    data: { ...dprd, status: "BERLAKU" },
  });
  if (kb.count > 0) return;
  // No KB (KSDPL/KSDLL): the decision precedes the MoU; keep it on the MoU's draft row.
  const mou = await tx.agreement.updateMany({ where: { caseId: c.id, type: "MOU", deletedAt: null }, data: dprd });
  if (mou.count === 0) {
    await tx.agreement.create({
      data: {
        caseId: c.id, type: "MOU" as AgreementType, status: "DRAF", title: `Memorandum of Understanding (Nota Kesepahaman) tentang ${c.title}`,
        kind: c.kind, opdId: c.opdId, partnerId: c.partnerId, fundingSource: c.fundingSource, fundingAmount: c.fundingAmount,
        ...dprd,
      },
    });
  }
}

async function endAgreements({ tx, c, input, now, settings }: Ctx, status: "BERAKHIR" | "DIAKHIRI" | "DITOLAK_DPRD"): Promise<void> {
  if (status === "DITOLAK_DPRD") {
    // The refused cooperation's signed naskah (its KB; the foreign chain's LoI) never takes force.
    const number = input.dprd?.number?.trim() ?? null;
    await tx.agreement.updateMany({
      where: { caseId: c.id, type: { in: ["KB", "LOI"] }, deletedAt: null, status: { in: ["MENUNGGU_DPRD", "BERLAKU"] } },
      data: { status, dprdDecisionNumber: number, dprdDecisionDate: input.dprd?.date ?? null },
    });
    return;
  }
  if (status === "BERAKHIR") {
    // Only the naskah whose own period is over: a KB may run on after its PKS (other PKS turunan
    // can still sit under it) — the daily job ends it when its own end date has passed.
    const today = todayInZone(now, settings.region.timeZone);
    await tx.agreement.updateMany({ where: { caseId: c.id, status: "BERLAKU", deletedAt: null, endDate: { lt: today } }, data: { status } });
    return;
  }
  const ground = input.termination?.ground;
  const date = input.termination?.date;
  if (!ground || !date || !(Object.values(GROUNDS) as string[]).includes(ground)) {
    throw new DomainError("VALIDATION", "Dasar dan tanggal pengakhiran wajib diisi dengan benar.", {
      terminationGround: "Pilih dasar pengakhiran yang sah.",
    });
  }
  const terminationGround = ground as TerminationGround;
  await tx.agreement.updateMany({
    where: { caseId: c.id, status: "BERLAKU", deletedAt: null },
    data: { status, terminatedAt: date, terminationGround },
  });
  await tx.case.update({ where: { id: c.id }, data: { terminationGround, terminationDate: date } });
}

export async function applyEffects(ctx: Ctx, effects: readonly Effect[]): Promise<void> {
  for (const effect of effects) {
    switch (effect.kind) {
      case "LOCK_STAGE_DOCUMENTS":
        await ctx.tx.document.updateMany({
          where: { caseId: ctx.c.id, stage: effect.stage, locked: false },
          data: { locked: true },
        });
        break;
      case "CREATE_AGREEMENT":
        await createAgreement(ctx, effect.type);
        break;
      case "RECORD_DPRD_DECISION":
        await recordDprdDecision(ctx);
        break;
      case "END_AGREEMENTS":
        await endAgreements(ctx, effect.status);
        break;
      case "START_ADENDUM":
        await startAdendum(ctx);
        break;
      case "RECORD_ADENDUM_DPRD":
        await recordAdendumDprd(ctx);
        break;
      case "SIGN_ADENDUM":
        await signAdendum(ctx);
        break;
      case "CLOSE_ADENDUM":
        await closeAdendum(ctx, effect.status);
        break;
      default: {
        const unknown: never = effect;
        throw new Error(`Unknown effect ${JSON.stringify(unknown)}`);
      }
    }
  }
}

/** The history note: the user's note plus the recorded numbers and dates (date-only values are UTC). */
export function noteFor(event: string, input: EventInput, from?: string): string | null {
  const parts: string[] = [];
  const note = input.note?.trim();
  if (note) parts.push(note);
  const sig = input.signing;
  const signatories = (x: NonNullable<EventInput["signing"]>) =>
    `oleh ${x.signerName ?? "-"}${x.signerPosition ? ` (${x.signerPosition})` : ""} dan ${x.partnerSignerName ?? "-"}${x.partnerSignerPosition ? ` (${x.partnerSignerPosition})` : ""}`;
  if (event === "loi_ditandatangani" && sig?.signedAt) {
    parts.push(
      `Letter of Intent ditandatangani ${signatories(sig)} di ${sig.signedPlace ?? "-"} pada ${formatTanggal(sig.signedAt, "UTC")}; nomor pihak daerah ${sig.ourNumber ?? "-"}, nomor pihak mitra ${sig.partnerNumber ?? "-"}.`,
    );
  }
  if (event === "tandatangani" && sig?.signedAt && from === "ADENDUM_PENANDATANGANAN") {
    parts.push(
      `Adendum ditandatangani ${signatories(sig)} di ${sig.signedPlace ?? "-"} pada ${formatTanggal(sig.signedAt, "UTC")}; nomor pihak daerah ${sig.ourNumber ?? "-"}, nomor pihak mitra ${sig.partnerNumber ?? "-"}.`,
    );
  } else if (event === "tandatangani" && sig?.signedAt) {
    parts.push(
      `Ditandatangani ${signatories(sig)} di ${sig.signedPlace ?? "-"} pada ${formatTanggal(sig.signedAt, "UTC")}; nomor pihak daerah ${sig.ourNumber ?? "-"}, nomor pihak mitra ${sig.partnerNumber ?? "-"}; berlaku ${formatTanggal(sig.startDate ?? sig.signedAt, "UTC")} s.d. ${sig.endDate ? formatTanggal(sig.endDate, "UTC") : "-"}.`,
    );
  }
  if ((event === "dprd_setuju" || event === "dprd_tolak") && input.dprd?.number && input.dprd.date) {
    parts.push(`Keputusan DPRD Nomor ${input.dprd.number} tanggal ${formatTanggal(input.dprd.date, "UTC")}.`);
  }
  if (event === "mulai_adendum" && input.adendum?.changes?.length) {
    const yaTidak = (v: boolean | null | undefined) => (v === true ? "ya" : v === false ? "tidak" : "-");
    parts.push(
      `Pokok perubahan: ${input.adendum.changes.map((x) => x.trim()).filter(Boolean).join("; ")}. Menambah beban masyarakat dan daerah: ${yaTidak(input.adendum.burdensPublic)}; sudah dianggarkan dalam APBD: ${yaTidak(input.adendum.budgetedInApbd)}.`,
    );
  }
  if (event === "akhiri" && input.termination?.date) {
    parts.push(`Diakhiri sejak ${formatTanggal(input.termination.date, "UTC")}.`);
  }
  return parts.length > 0 ? parts.join(" ") : null;
}
