// Naskah rows of every case past drafting: KB → PKS (KSDD/KSDPK), NK + RK (SINERGI), LoI → MoU
// (foreign), adendum. Dates come from the case's timeline; numbers are assigned per year in signing
// order across all cases, like the Bagian Kerja Sama's register.
import type { Prisma } from "../../lib/generated/prisma/client";
import type { AgreementStatus, AgreementType, SignerType, Stage, TerminationGround } from "../../lib/generated/prisma/enums";
import { agreementTitle, buildContent, tanggal } from "./content";
import { opdId } from "./opds";
import { partnerById, partnerNumber } from "./partners";
import { addDays, addYearsMinusDay, exitIndex, hash, wibDate, type Timeline } from "./timeline";
import type { CaseSpec } from "./types";
import { kepalaOf } from "./users";

export const BUPATI = { name: "H. Ahmad Sudrajat, S.H., M.Si.", position: "Bupati Sukamaju" };

export type AgreementPlan = {
  id: string; spec: CaseSpec; type: AgreementType; status: AgreementStatus;
  signedAt: Date | null; place: string | null; startDate: Date | null; endDate: Date | null;
  signerType: SignerType | null; signerName: string | null; signerPosition: string | null;
  parentId: string | null; version: number; fundingAmount: number | null;
  dprd: { number: string; date: Date; row: number } | null;
  terminatedAt: Date | null; terminationGround: TerminationGround | null;
  /** History row that recorded the signing (its note cites the numbers). */
  row: number | null; createdAt: Date;
  ourNumber: string | null; partnerNumber: string | null;
  adendumChanges?: string[];
};

export const agreementId = (caseId: string, suffix: string) => `agr-${caseId.replace(/^case-/, "")}-${suffix}`;

export function planAgreements(spec: CaseSpec, tl: Timeline, today: Date): AgreementPlan[] {
  const { path, times } = tl;
  const plans: AgreementPlan[] = [];
  const has = (s: Stage) => path.includes(s);
  const exit = (s: Stage, occurrence = 0) => exitIndex(path, s, occurrence);
  const day = (i: number) => wibDate(times[i]);
  const entered = (s: Stage) => times[Math.max(0, path.indexOf(s))];
  const ended = spec.stage === "BERAKHIR" || spec.stage === "SELESAI";
  // Domain §4.1: a DPRD refusal ends the signed naskah of the cooperation (it never took force).
  const caseStatus: AgreementStatus =
    ended ? "BERAKHIR" : spec.stage === "DIAKHIRI" ? "DIAKHIRI" : spec.stage === "DITOLAK_DPRD" ? "DITOLAK_DPRD" : "BERLAKU";
  const last = path.length - 1;
  const terminated = spec.stage === "DIAKHIRI" || spec.stage === "DITOLAK_DPRD" ? day(last) : null;
  const ground = spec.stage === "DIAKHIRI" ? spec.termination!.ground : null;
  const partner = partnerById(spec.partner);
  const awayPlace = partner.regency ? partner.regency.replace(/^(Kabupaten|Kota( Administrasi)?)\s+/, "") : partner.name.split(",")[0];
  const place = (type: AgreementType) => (["KB", "NK", "MOU"].includes(type) && hash(spec.id) % 2 === 1 ? awayPlace : "Sukamaju");

  const add = (type: AgreementType, suffix: string, signRow: number, draftFrom: Stage, extra: Partial<AgreementPlan> = {}) => {
    const signed = signRow > 0 || (extra.signedAt ?? null) !== null;
    const signedAt = extra.signedAt ?? (signRow > 0 ? day(signRow) : null);
    const head = spec.archive ? { name: spec.archive.signerName, position: spec.archive.signerPosition } : BUPATI;
    const plan: AgreementPlan = {
      id: agreementId(spec.id, suffix), spec, type,
      status: signed ? caseStatus : "DRAF",
      signedAt, place: signed ? place(type) : null,
      startDate: signed ? signedAt : null, endDate: signed ? tl.endDate : null,
      signerType: signed ? "KEPALA_DAERAH" : null, signerName: signed ? head.name : null, signerPosition: signed ? head.position : null,
      parentId: null, version: 1, fundingAmount: spec.funding.amount, dprd: null,
      terminatedAt: signed ? terminated : null, terminationGround: signed ? ground : null,
      row: signRow > 0 ? signRow : null, createdAt: has(draftFrom) ? entered(draftFrom) : times[0],
      ourNumber: null, partnerNumber: null,
      ...extra,
    };
    plans.push(plan);
    return plan;
  };
  const dprdRow = exit("PERSETUJUAN_DPRD");
  const dprd = dprdRow > 0 && path[dprdRow] !== "DITOLAK_DPRD"
    ? { number: `172/Kep.${10 + (hash(spec.id) % 40)}-DPRD/${day(dprdRow).getUTCFullYear()}`, date: addDays(day(dprdRow), -3), row: dprdRow }
    : null;

  if (spec.kind === "KSDD" || spec.kind === "KSDPK") {
    let kb: AgreementPlan | null = null;
    if (spec.archive) {
      const kbSigned = wibDate(addDays(today, -spec.signedDaysAgo!));
      kb = add("KB", "kb", -1, "PELAKSANAAN", { signedAt: kbSigned, startDate: kbSigned });
      const pksSigned = addDays(kbSigned, 70);
      add("PKS", "pks", -1, "PELAKSANAAN", { signedAt: pksSigned, startDate: pksSigned, parentId: kb.id });
    } else {
      if (has("PENYUSUNAN_KB")) kb = add("KB", "kb", exit("PENANDATANGANAN_KB"), "PENYUSUNAN_KB", { dprd, fundingAmount: null });
      if (has("PENYUSUNAN_PKS") && !spec.draftNotStarted) {
        const parentId = spec.pksUnderCase ? agreementId(spec.pksUnderCase, "kb") : kb!.id;
        const pksRow = exit("PENANDATANGANAN_PKS");
        const kuasa = spec.pksByKepalaOpd && pksRow > 0;
        const k = kepalaOf(spec.opd);
        add("PKS", "pks", pksRow, "PENYUSUNAN_PKS", {
          parentId, dprd,
          ...(kuasa ? { signerType: "PEJABAT_DIKUASAKAN", signerName: k.fullName, signerPosition: k.position } : {}),
        });
      }
    }
    // A KB signed while the case waits for the DPRD does not bind yet (domain §4.1).
    if (kb && kb.status === "BERLAKU" && spec.stage === "PERSETUJUAN_DPRD") kb.status = "MENUNGGU_DPRD";
    if (kb && kb.status !== "DRAF") {
      kb.endDate = ended ? tl.endDate : addYearsMinusDay(kb.startDate!, 5);
      const pks = plans.find((p) => p.type === "PKS");
      if (pks?.endDate && kb.endDate && pks.endDate > kb.endDate) kb.endDate = pks.endDate;
    }
    const pks = plans.find((p) => p.type === "PKS");
    if (spec.adendum || spec.adendumDraft) {
      const signRow = spec.adendum ? exit("ADENDUM_PENANDATANGANAN") : -1;
      const ad = add("ADENDUM", "adendum-1", signRow, "ADENDUM_PENYUSUNAN", {
        parentId: pks!.id, version: 2,
        fundingAmount: spec.adendum?.fundingAmount ?? spec.funding.amount,
        adendumChanges: spec.adendum?.changes ?? spec.adendumDraft!.changes,
        ...(pks!.signerType === "PEJABAT_DIKUASAKAN" && signRow > 0 ? { signerType: pks!.signerType, signerName: pks!.signerName, signerPosition: pks!.signerPosition } : {}),
      });
      if (ad.status !== "DRAF") {
        ad.endDate = pks!.endDate;
        pks!.version = 2;
      }
    }
  } else if (spec.kind === "SINERGI") {
    if (has("PENYUSUNAN_NK")) {
      const row = exit("PENANDATANGANAN_NK");
      const nk = add("NK", "nk", row, "PENYUSUNAN_NK");
      add("RK", "rk", row, "PENYUSUNAN_NK", { parentId: nk.id });
    }
  } else {
    let loi: AgreementPlan | null = null;
    if (has("PENJAJAKAN_LOI")) loi = add("LOI", "loi", exit("PENJAJAKAN_LOI"), "PENJAJAKAN_LOI", { fundingAmount: null });
    if (loi && loi.status !== "DRAF") loi.endDate = null;
    if (has("KONSULTASI_KEMENDAGRI")) {
      const mou = add("MOU", "mou", exit("PENANDATANGANAN_MOU"), "KONSULTASI_KEMENDAGRI", { dprd, parentId: null });
      if (mou.status !== "DRAF" && loi) loi.status = "DIGANTI";
    }
  }
  checkPeriods(spec, plans);
  return plans;
}

/** PKS within its KB and at most five years (domain §4.1 step 9); periods never inverted. */
function checkPeriods(spec: CaseSpec, plans: AgreementPlan[]) {
  for (const p of plans) {
    if (p.startDate && p.endDate && p.endDate <= p.startDate) throw new Error(`Periode naskah ${p.id} terbalik`);
  }
  const kb = plans.find((p) => p.type === "KB" && p.status !== "DRAF");
  const pks = plans.find((p) => p.type === "PKS" && p.status !== "DRAF");
  if (!pks?.startDate || !pks.endDate) return;
  if (pks.endDate > addYearsMinusDay(pks.startDate, 5)) throw new Error(`PKS ${spec.id} melebihi 5 tahun`);
  if (kb && (pks.startDate < kb.startDate! || pks.endDate > kb.endDate!)) throw new Error(`PKS ${spec.id} di luar periode KB`);
}

/** Assigns both numbers to every signed naskah, per year in signing order. Returns the last urut per year. */
export function numberAgreements(plans: AgreementPlan[]): Map<number, number> {
  const perYear = new Map<number, number>();
  const signed = plans.filter((p) => p.signedAt).sort((a, b) => a.signedAt!.getTime() - b.signedAt!.getTime() || a.id.localeCompare(b.id));
  for (const p of signed) {
    const year = p.signedAt!.getUTCFullYear();
    const urut = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, urut);
    p.ourNumber = `180/${String(urut).padStart(3, "0")}/KS/${year}`;
    p.partnerNumber = partnerNumber(partnerById(p.spec.partner), 10 + (hash(p.id) % 480), p.signedAt!);
  }
  return perYear;
}

const SIGNING_LABEL: Partial<Record<AgreementType, string>> = {
  KB: "Kesepakatan Bersama", PKS: "Perjanjian Kerja Sama", NK: "Nota Kesepakatan dan Rencana Kerja", LOI: "Letter of Intent",
  MOU: "MoU", ADENDUM: "Adendum Kesatu",
};

/** History notes for signing and DPRD rows, citing the numbers and dates. */
export function signingNotes(plans: AgreementPlan[]): Map<number, string> {
  const notes = new Map<number, string>();
  for (const p of plans) {
    if (p.dprd && !notes.has(p.dprd.row)) {
      notes.set(p.dprd.row, `Persetujuan DPRD diterima: Keputusan DPRD Kabupaten Sukamaju Nomor ${p.dprd.number} tanggal ${tanggal(p.dprd.date)}.`);
    }
    if (p.row === null || p.type === "RK" || !p.signedAt) continue;
    const partner = partnerById(p.spec.partner);
    const by = p.signerType === "PEJABAT_DIKUASAKAN"
      ? `${p.signerName} (${p.signerPosition}) berdasarkan surat kuasa Bupati`
      : `${p.signerName} (${p.signerPosition})`;
    notes.set(p.row, `${SIGNING_LABEL[p.type]} ditandatangani ${by} dan ${partner.head[0]} (${partner.head[1]}) di ${p.place} pada ${tanggal(p.signedAt)}; nomor ${p.ourNumber} / ${p.partnerNumber}.`);
  }
  return notes;
}

export function agreementRows(plans: AgreementPlan[], byId: Map<string, AgreementPlan>) {
  return plans.map((p) => {
    const parent = p.parentId ? byId.get(p.parentId) : undefined;
    const partner = partnerById(p.spec.partner);
    const content = buildContent({
      spec: p.spec, type: p.type, ourNumber: p.ourNumber, partnerNumber: p.partnerNumber, signedAt: p.signedAt,
      place: p.place, signerName: p.signerName ?? BUPATI.name, signerPosition: p.signerPosition ?? BUPATI.position,
      startDate: p.startDate, endDate: p.endDate, fundingAmount: p.fundingAmount,
      kbReference: p.type === "PKS" && parent ? { id: parent.id, number: parent.ourNumber } : undefined,
      adendumChanges: p.adendumChanges,
    });
    return {
      id: p.id, caseId: p.spec.id, type: p.type, title: agreementTitle(p.spec, p.type), kind: p.spec.kind,
      opdId: opdId(p.spec.opd), partnerId: p.spec.partner, status: p.status,
      ourNumber: p.ourNumber, partnerNumber: p.partnerNumber, signedAt: p.signedAt, signedPlace: p.place,
      signerType: p.signerType, signerName: p.signerName, signerPosition: p.signerPosition,
      partnerSignerName: p.signedAt ? partner.head[0] : null, partnerSignerPosition: p.signedAt ? partner.head[1] : null,
      startDate: p.startDate, endDate: p.endDate, version: p.version, parentId: p.parentId,
      fundingSource: p.type === "LOI" ? null : p.spec.funding.source, fundingAmount: p.fundingAmount,
      dprdDecisionNumber: p.dprd?.number ?? null, dprdDecisionDate: p.dprd?.date ?? null,
      content: content as Prisma.InputJsonObject, terminatedAt: p.terminatedAt, terminationGround: p.terminationGround,
      createdAt: p.createdAt, updatedAt: p.createdAt,
    };
  });
}
