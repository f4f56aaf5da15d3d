// Legal checks beyond role and documents. Each returns null when satisfied, else a refusal.
import type { CaseSnapshot, DecideContext, DocumentType, EventInput, RefusalCode, SigningInput } from "./types";
import { DOCUMENT_LABELS } from "./documents";

export type GuardName =
  | "formComplete"
  | "checklist"
  | "dprdData"
  | "dprdDecided"
  | "signKb"
  | "signHead"
  | "signLoi"
  | "signPks"
  | "centralApproval"
  | "ended"
  | "termination";

export type Refusal = { code: RefusalCode; message: string; missing?: readonly string[] };
type Guard = (s: CaseSnapshot, input: EventInput, ctx: DecideContext) => Refusal | null;

const has = (s: CaseSnapshot, t: DocumentType) => s.documents.includes(t);

function filled(v: string | undefined | null): boolean {
  return typeof v === "string" && v.trim().length > 0;
}

/** Calendar date (YYYY-MM-DD) of an instant in the region's zone. */
export function dateInZone(t: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(t);
}

/** Date-only values are stored as UTC midnight: compare them as YYYY-MM-DD. */
const day = (d: Date) => d.toISOString().slice(0, 10);

/** Adds whole years; "5 years" from 1 Jan 2026 may run to 31 Dec 2030 (end = start + 5y − 1 day). */
function maxEnd(start: Date, years: number): string {
  const d = new Date(Date.UTC(start.getUTCFullYear() + years, start.getUTCMonth(), start.getUTCDate() - 1));
  return day(d);
}

/**
 * Numbers, date, place and signer of a signed naskah. The validity period is required unless
 * `requirePeriod` is false (a Letter of Intent has none); a period given must still end after it starts.
 */
function signingData(sig: SigningInput | undefined, { requirePeriod = true }: { requirePeriod?: boolean } = {}): Refusal | null {
  const missing: string[] = [];
  if (!filled(sig?.ourNumber)) missing.push("nomor naskah pihak daerah");
  if (!filled(sig?.partnerNumber)) missing.push("nomor naskah pihak mitra");
  if (!sig?.signedAt) missing.push("tanggal penandatanganan");
  if (!filled(sig?.signedPlace)) missing.push("tempat penandatanganan");
  if (!sig?.signerType) missing.push("penandatangan");
  if (!filled(sig?.signerName)) missing.push("nama penandatangan");
  if (requirePeriod && !sig?.startDate) missing.push("tanggal mulai berlaku");
  if (requirePeriod && !sig?.endDate) missing.push("tanggal berakhir");
  if (missing.length > 0) {
    return { code: "SIGNING_DATA_REQUIRED", message: `Data penandatanganan belum lengkap: ${missing.join(", ")}.`, missing };
  }
  if (sig!.startDate && sig!.endDate && day(sig!.endDate) <= day(sig!.startDate)) {
    return { code: "PERIOD_INVALID", message: "Tanggal berakhir harus sesudah tanggal mulai berlaku." };
  }
  return null;
}

function headSigns(sig: SigningInput | undefined, ctx: DecideContext, naskah: string): Refusal | null {
  if (sig?.signerType !== "KEPALA_DAERAH") {
    return {
      code: "SIGNER_NOT_ALLOWED",
      message: `${naskah} ditandatangani oleh ${ctx.settings.region.headTitle} selaku Kepala Daerah; hanya PKS yang dapat ditandatangani pejabat dengan surat kuasa.`,
    };
  }
  return null;
}

export const GUARDS: Record<GuardName, Guard> = {
  formComplete: (s) =>
    s.missingFields.length === 0
      ? null
      : { code: "FORM_INCOMPLETE", message: `Isian usulan belum lengkap: ${s.missingFields.join(", ")}.`, missing: s.missingFields },

  checklist: (_s, input) =>
    input.checklistComplete
      ? null
      : { code: "CHECKLIST_INCOMPLETE", message: "Semua butir daftar periksa kelengkapan harus dicentang sebelum usulan dinyatakan lengkap." },

  dprdData: (_s, input) =>
    filled(input.dprd?.number) && input.dprd?.date
      ? null
      : { code: "DPRD_DECISION_DATA_REQUIRED", message: "Nomor dan tanggal keputusan DPRD wajib diisi." },

  // A case that needs DPRD approval cannot go on to the PKS without the DPRD decision document.
  dprdDecided: (s) =>
    !s.requiresDprd || s.isPksTurunan || has(s, "PERSETUJUAN_DPRD")
      ? null
      : { code: "DPRD_DECISION_REQUIRED", message: "Kerja sama ini memerlukan persetujuan DPRD: unggah keputusan/persetujuan DPRD terlebih dahulu." },

  signKb: (_s, input, ctx) => signingData(input.signing) ?? headSigns(input.signing, ctx, "Kesepakatan Bersama"),
  signHead: (_s, input, ctx) => signingData(input.signing) ?? headSigns(input.signing, ctx, "Naskah ini"),
  // Permendagri 25/2020: the LoI is signed by the Kepala Daerah; it has no validity period of its own.
  signLoi: (_s, input, ctx) =>
    signingData(input.signing, { requirePeriod: false }) ?? headSigns(input.signing, ctx, "Letter of Intent"),

  signPks: (s, input, ctx) => {
    const sig = input.signing;
    const data = signingData(sig);
    if (data) return data;
    if (sig!.signerType === "PEJABAT_DIKUASAKAN") {
      if (!filled(sig!.signerPosition)) {
        return { code: "SIGNING_DATA_REQUIRED", message: "Jabatan pejabat penerima kuasa wajib diisi.", missing: ["jabatan penandatangan"] };
      }
      if (!has(s, "SURAT_KUASA")) {
        return { code: "POWER_OF_ATTORNEY_REQUIRED", message: "PKS yang ditandatangani pejabat selain Kepala Daerah wajib dilampiri surat kuasa: unggah Surat Kuasa terlebih dahulu." };
      }
    }
    const kb = s.kbPeriod;
    if (!kb) {
      return { code: "PERIOD_OUTSIDE_KB", message: "Kesepakatan Bersama induk belum tercatat: jangka waktu PKS tidak dapat diperiksa." };
    }
    if (day(sig!.startDate!) < day(kb.start) || day(sig!.endDate!) > day(kb.end)) {
      return { code: "PERIOD_OUTSIDE_KB", message: `Jangka waktu PKS harus berada dalam jangka waktu KB (${day(kb.start)} s.d. ${day(kb.end)}).` };
    }
    const years = ctx.settings.pksMaxYears;
    if (day(sig!.endDate!) > maxEnd(sig!.startDate!, years) && !filled(sig!.durationOverrideBasis)) {
      return { code: "DURATION_EXCEEDED", message: `Jangka waktu PKS melebihi ${years} tahun: sebutkan dasar hukum pengecualiannya.` };
    }
    return null;
  },

  // Permendagri 25/2020: no MoU signing before the DPRD and central approvals (with full power).
  centralApproval: (s) => {
    const missing = (["PERSETUJUAN_DPRD", "PERSETUJUAN_PUSAT", "FULL_POWER"] as const).filter((t) => !has(s, t));
    return missing.length === 0
      ? null
      : { code: "CENTRAL_APPROVAL_REQUIRED", message: "MoU belum dapat ditandatangani: persetujuan DPRD, persetujuan pemerintah pusat, dan full power dari Kemenlu harus sudah ada.", missing };
  },

  ended: (s, _i, ctx) =>
    s.activeEnd && dateInZone(ctx.now, ctx.settings.region.timeZone) > day(s.activeEnd)
      ? null
      : { code: "NOT_ENDED_YET", message: "Jangka waktu kerja sama belum berakhir." },

  termination: (_s, input) =>
    filled(input.termination?.ground) && input.termination?.date
      ? null
      : { code: "TERMINATION_DATA_REQUIRED", message: "Dasar dan tanggal pengakhiran wajib diisi." },
};

export function docsMissing(missing: readonly DocumentType[]): Refusal {
  return {
    code: "DOCUMENTS_MISSING",
    message: `Dokumen wajib belum diunggah: ${missing.map((t) => DOCUMENT_LABELS[t]).join(", ")}.`,
    missing,
  };
}

