// Legal checks beyond role and documents. Each returns null when satisfied, else a refusal that
// names the form fields at fault (all of them at once), so the form can mark each field.
import { agreementState, AGREEMENT_STATE_LABELS } from "@/lib/agreements/state";
import { dateInZone, isoDate, lastDayOfYears, todayInZone } from "@/lib/dates";
import { formatTanggal } from "@/lib/format";
import { DOCUMENT_LABELS } from "./documents";
import { asksDprdQuestions } from "./dprd";
import { partnerMismatch } from "./partner-fit";
import type {
  CaseSnapshot, DecideContext, DocumentType, EventField, EventInput, NaskahFacts, RefusalCode, SigningInput,
} from "./types";

export { dateInZone };

export type GuardName =
  | "formComplete"
  | "partnerFits"
  | "checklist"
  | "dprdData"
  | "dprdDecided"
  | "kbInForce"
  | "signKb"
  | "signHead"
  | "signLoi"
  | "signMou"
  | "signPks"
  | "centralApproval"
  | "ended"
  | "termination"
  | "adendumData"
  | "signAdendum"
  | "runningInForce"
  | "finalReportReviewed";

export type Refusal = {
  code: RefusalCode;
  message: string;
  missing?: readonly string[];
  fields?: Partial<Record<EventField, string>>;
};
type Guard = (s: CaseSnapshot, input: EventInput, ctx: DecideContext) => Refusal | null;

const has = (s: CaseSnapshot, t: DocumentType) => s.documents.includes(t);

function filled(v: string | undefined | null): boolean {
  return typeof v === "string" && v.trim().length > 0;
}

const tanggal = (d: Date) => formatTanggal(d, "UTC");
const today = (ctx: DecideContext) => todayInZone(ctx.now, ctx.settings.region.timeZone);

/** Collects field problems and turns them into one refusal (null when there are none). */
class Problems {
  fields: Partial<Record<EventField, string>> = {};
  constructor(private readonly code: RefusalCode) {}
  add(field: EventField, message: string) {
    this.fields[field] ??= message;
  }
  refusal(message: string, code: RefusalCode = this.code): Refusal | null {
    const list = Object.values(this.fields);
    if (list.length === 0) return null;
    return { code, message: `${message} ${list.join(" ")}`, fields: this.fields };
  }
}

const SIGNING_REQUIRED: [keyof SigningInput, string][] = [
  ["ourNumber", "Nomor naskah pihak daerah wajib diisi."],
  ["partnerNumber", "Nomor naskah pihak mitra wajib diisi."],
  ["signedAt", "Tanggal penandatanganan wajib diisi."],
  ["signedPlace", "Tempat penandatanganan wajib diisi."],
  ["signerType", "Penandatangan pihak daerah wajib dipilih."],
  ["signerName", "Nama penandatangan pihak daerah wajib diisi."],
  ["partnerSignerName", "Nama penandatangan pihak mitra wajib diisi."],
  ["partnerSignerPosition", "Jabatan penandatangan pihak mitra wajib diisi."],
];

type SigningRules = {
  /** "Kesepakatan Bersama", "Perjanjian Kerja Sama", … (messages). */
  naskah: string;
  /** A Letter of Intent has no validity period of its own. */
  requirePeriod?: boolean;
  /** Only the PKS may be signed by an official holding a surat kuasa. */
  allowDelegate?: boolean;
  /** The naskah this one follows (KB for a PKS, LoI for an MoU): never signed before it. */
  after?: { naskah: string; facts: NaskahFacts | null | undefined };
};

/**
 * Numbers, date, place and the signatories of both parties, the period, and plausible dates: a
 * signing is recorded after the fact (never in the future) and never before the naskah it follows.
 */
function checkSigning(s: CaseSnapshot, input: EventInput, ctx: DecideContext, rules: SigningRules): Refusal | null {
  const sig: SigningInput = input.signing ?? {};
  const p = new Problems("SIGNING_DATA_REQUIRED");
  for (const [field, message] of SIGNING_REQUIRED) {
    const v = sig[field];
    if (v === undefined || v === null || (typeof v === "string" && !filled(v))) p.add(`signing.${field}`, message);
  }
  if (rules.requirePeriod !== false) {
    if (!sig.startDate) p.add("signing.startDate", "Tanggal mulai berlaku wajib diisi.");
    if (!sig.endDate) p.add("signing.endDate", "Tanggal berakhir wajib diisi.");
  }
  if (sig.signerType === "PEJABAT_DIKUASAKAN" && rules.allowDelegate && !filled(sig.signerPosition)) {
    p.add("signing.signerPosition", "Jabatan pejabat penerima kuasa wajib diisi.");
  }
  const incomplete = p.refusal("Data penandatanganan belum lengkap:");

  const signer =
    sig.signerType && sig.signerType !== "KEPALA_DAERAH" && !rules.allowDelegate
      ? fieldRefusal(
          "SIGNER_NOT_ALLOWED",
          "signing.signerType",
          `${rules.naskah} ditandatangani oleh ${ctx.settings.region.headTitle} selaku Kepala Daerah; hanya PKS yang dapat ditandatangani pejabat dengan surat kuasa.`,
        )
      : null;
  const period =
    sig.startDate && sig.endDate && isoDate(sig.endDate) <= isoDate(sig.startDate)
      ? fieldRefusal("PERIOD_INVALID", "signing.endDate", "Tanggal berakhir harus sesudah tanggal mulai berlaku.")
      : null;
  const dates = new Problems("DATE_IMPLAUSIBLE");
  const now = today(ctx);
  if (sig.signedAt && isoDate(sig.signedAt) > isoDate(now)) {
    dates.add("signing.signedAt", `Tanggal penandatanganan tidak boleh sesudah hari ini (${tanggal(now)}): penandatanganan dicatat setelah terjadi.`);
  }
  const before = rules.after?.facts?.signedAt;
  if (sig.signedAt && before && isoDate(sig.signedAt) < isoDate(before)) {
    dates.add("signing.signedAt", `${rules.naskah} tidak dapat ditandatangani sebelum ${rules.after!.naskah} (ditandatangani ${tanggal(before)}).`);
  }
  return [signer, period, dates.refusal("Tanggal penandatanganan tidak dapat diterima:")].reduce(merge, incomplete);
}

function fieldRefusal(code: RefusalCode, field: EventField, message: string): Refusal {
  return { code, message, fields: { [field]: message } };
}

/** Two refusals as one (the first one's code), or whichever exists. */
export function merge(a: Refusal | null, b: Refusal | null): Refusal | null {
  if (!a) return b;
  if (!b) return a;
  return {
    code: a.code,
    message: `${a.message} ${b.message}`,
    fields: { ...b.fields, ...a.fields },
    missing: a.missing || b.missing ? [...(a.missing ?? []), ...(b.missing ?? [])] : undefined,
  };
}

const KB_STATE_REASON: Partial<Record<ReturnType<typeof agreementState>, string>> = {
  MENUNGGU_DPRD: "masih menunggu persetujuan DPRD",
  DITOLAK_DPRD: "tidak berlaku karena DPRD menolak memberikan persetujuan",
  BELUM_BERLAKU: "belum berlaku",
  BERAKHIR: "sudah berakhir",
  DIAKHIRI: "sudah diakhiri",
  DIGANTI: "sudah diganti",
  DRAF: "belum ditandatangani",
};

/** Refusal when the KB a PKS sits under may not bind today (domain §4.1). */
export function kbNotInForce(kb: NaskahFacts | null | undefined, todayDate: Date): Refusal | null {
  if (!kb) {
    return { code: "KB_NOT_IN_FORCE", message: "Kesepakatan Bersama induk belum tercatat: PKS tidak dapat disusun atau ditandatangani." };
  }
  const state = agreementState(kb, todayDate);
  if (state === "BERLAKU") return null;
  const detail = state === "BELUM_BERLAKU" && kb.startDate ? ` (mulai berlaku ${tanggal(kb.startDate)})` : "";
  return {
    code: "KB_NOT_IN_FORCE",
    message: `Kesepakatan Bersama induk ${KB_STATE_REASON[state] ?? AGREEMENT_STATE_LABELS[state].toLowerCase()}${detail}: PKS tidak dapat disusun atau ditandatangani di bawah KB yang tidak berlaku.`,
  };
}

function pksWithinKb(s: CaseSnapshot, input: EventInput, ctx: DecideContext): Refusal | null {
  const sig = input.signing;
  const kb = s.kb;
  if (!sig?.startDate || !sig.endDate || !kb?.startDate || !kb.endDate) return null;
  const p = new Problems("PERIOD_OUTSIDE_KB");
  if (isoDate(sig.startDate) < isoDate(kb.startDate) || isoDate(sig.endDate) > isoDate(kb.endDate)) {
    const message = `Jangka waktu PKS harus berada dalam jangka waktu KB (${tanggal(kb.startDate)} s.d. ${tanggal(kb.endDate)}).`;
    if (isoDate(sig.startDate) < isoDate(kb.startDate)) p.add("signing.startDate", message);
    if (isoDate(sig.endDate) > isoDate(kb.endDate)) p.add("signing.endDate", message);
  }
  const outside = p.refusal("Jangka waktu PKS tidak dapat diterima:");
  const years = ctx.settings.pksMaxYears;
  const tooLong =
    isoDate(sig.endDate) > isoDate(lastDayOfYears(sig.startDate, years)) && !filled(sig.durationOverrideBasis)
      ? {
          code: "DURATION_EXCEEDED" as const,
          message: `Jangka waktu PKS melebihi ${years} tahun: sebutkan dasar hukum pengecualiannya.`,
          fields: { "signing.durationOverrideBasis": `Jangka waktu PKS melebihi ${years} tahun: sebutkan dasar hukum pengecualiannya.` },
        }
      : null;
  return merge(outside, tooLong);
}

function dateNotAfterToday(date: Date, ctx: DecideContext): boolean {
  return isoDate(date) <= isoDate(today(ctx));
}

/** The most changes an adendum lists, and the longest line (the form says the same). */
export const ADENDUM_MAX_CHANGES = 20;
export const ADENDUM_CHANGE_MAX_LENGTH = 500;

const adendumData: Guard = (s, input) => {
  const a = input.adendum ?? {};
  const p = new Problems("ADENDUM_DATA_REQUIRED");
  const changes = (a.changes ?? []).map((c) => c.trim()).filter(Boolean);
  if (changes.length === 0) p.add("adendum.changes", "Sebutkan pokok perubahan yang akan diatur dalam adendum (satu per baris).");
  else if (changes.length > ADENDUM_MAX_CHANGES) p.add("adendum.changes", `Paling banyak ${ADENDUM_MAX_CHANGES} pokok perubahan.`);
  else if (changes.some((c) => c.length > ADENDUM_CHANGE_MAX_LENGTH)) {
    p.add("adendum.changes", `Setiap pokok perubahan paling panjang ${ADENDUM_CHANGE_MAX_LENGTH} karakter.`);
  }
  // The DPRD questions of §4.1, asked again for the change itself (domain §5).
  if (asksDprdQuestions(s.kind)) {
    if (a.burdensPublic === undefined || a.burdensPublic === null) {
      p.add("adendum.burdensPublic", "Jawab apakah perubahan menambah beban masyarakat dan daerah.");
    }
    if (a.budgetedInApbd === undefined || a.budgetedInApbd === null) {
      p.add("adendum.budgetedInApbd", "Jawab apakah biaya akibat perubahan sudah dianggarkan dalam APBD.");
    }
  }
  return p.refusal("Data adendum belum lengkap:");
};

// The adendum is signed like the naskah it amends: by the Kepala Daerah, or — for a PKS only — by an
// official holding a surat kuasa uploaded in this adendum's round; never before that naskah.
const signAdendum: Guard = (s, input, ctx) => {
  const amends = s.adendum?.amends ?? null;
  const allowDelegate = amends?.type === "PKS";
  const data = checkSigning(s, input, ctx, {
    naskah: "Adendum", requirePeriod: false, allowDelegate,
    after: { naskah: "naskah yang diubahnya", facts: amends ? { status: "BERLAKU", signedAt: amends.signedAt, startDate: null, endDate: null } : null },
  });
  const kuasa =
    allowDelegate && input.signing?.signerType === "PEJABAT_DIKUASAKAN" && !has(s, "SURAT_KUASA")
      ? {
          code: "POWER_OF_ATTORNEY_REQUIRED" as const,
          message: "Adendum yang ditandatangani pejabat selain Kepala Daerah wajib dilampiri surat kuasa: unggah Surat Kuasa untuk adendum ini terlebih dahulu.",
        }
      : null;
  return merge(data, kuasa);
};

export const GUARDS: Record<GuardName, Guard> = {
  formComplete: (s) =>
    s.missingFields.length === 0
      ? null
      : { code: "FORM_INCOMPLETE", message: `Isian usulan belum lengkap: ${s.missingFields.join(", ")}.`, missing: s.missingFields },

  // Domain §2: the jenis must fit the partner class, checked again at every submission.
  partnerFits: (s, _i, ctx) => {
    if (!s.partner) return null; // "mitra" is then reported by formComplete
    const reason = partnerMismatch(s.kind, s.partner, ctx.settings.ptnBhKind);
    return reason ? { code: "PARTNER_MISMATCH", message: `${reason} Ubah mitra atau jenis kerja sama pada isian usulan.` } : null;
  },

  checklist: (_s, input) =>
    input.checklistComplete
      ? null
      : {
          code: "CHECKLIST_INCOMPLETE",
          message: "Semua butir daftar periksa kelengkapan harus dicentang sebelum usulan dinyatakan lengkap.",
          fields: { checklistComplete: "Centang setelah seluruh butir daftar periksa diperiksa." },
        },

  // The DPRD decision: number and date, dated after the naskah it approves and not in the future.
  dprdData: (s, input, ctx) => {
    const p = new Problems("DPRD_DECISION_DATA_REQUIRED");
    if (!filled(input.dprd?.number)) p.add("dprd.number", "Nomor keputusan DPRD wajib diisi.");
    if (!input.dprd?.date) p.add("dprd.date", "Tanggal keputusan DPRD wajib diisi.");
    const missing = p.refusal("Keputusan DPRD belum lengkap:");
    const date = input.dprd?.date;
    const wrong = new Problems("DATE_IMPLAUSIBLE");
    if (date && !dateNotAfterToday(date, ctx)) {
      wrong.add("dprd.date", `Tanggal keputusan DPRD tidak boleh sesudah hari ini (${tanggal(today(ctx))}).`);
    }
    const signed = (s.kb ?? s.loi)?.signedAt;
    if (date && signed && isoDate(date) < isoDate(signed)) {
      wrong.add("dprd.date", `Keputusan DPRD tidak dapat bertanggal sebelum ${s.kb ? "Kesepakatan Bersama" : "Letter of Intent"} ditandatangani (${tanggal(signed)}).`);
    }
    return merge(missing, wrong.refusal("Keputusan DPRD tidak dapat diterima:"));
  },

  // A case that needs DPRD approval cannot go on to the PKS without the DPRD decision document.
  dprdDecided: (s) =>
    !s.requiresDprd || s.isPksTurunan || has(s, "PERSETUJUAN_DPRD")
      ? null
      : { code: "DPRD_DECISION_REQUIRED", message: "Kerja sama ini memerlukan persetujuan DPRD: unggah keputusan/persetujuan DPRD terlebih dahulu." },

  // Domain §4.1: no PKS (own or turunan) is finalised or signed under a KB that is not in force.
  kbInForce: (s, _i, ctx) => kbNotInForce(s.kb, today(ctx)),

  signKb: (s, input, ctx) => checkSigning(s, input, ctx, { naskah: "Kesepakatan Bersama" }),
  signHead: (s, input, ctx) => checkSigning(s, input, ctx, { naskah: "Naskah ini" }),
  // Permendagri 25/2020: the LoI is signed by the Kepala Daerah; it has no validity period of its own.
  signLoi: (s, input, ctx) => checkSigning(s, input, ctx, { naskah: "Letter of Intent", requirePeriod: false }),
  signMou: (s, input, ctx) =>
    checkSigning(s, input, ctx, { naskah: "MoU", after: { naskah: "Letter of Intent", facts: s.loi } }),

  signPks: (s, input, ctx) => {
    const sig = input.signing;
    const data = checkSigning(s, input, ctx, {
      naskah: "Perjanjian Kerja Sama", allowDelegate: true, after: { naskah: "Kesepakatan Bersama induknya", facts: s.kb },
    });
    const kuasa =
      sig?.signerType === "PEJABAT_DIKUASAKAN" && !has(s, "SURAT_KUASA")
        ? {
            code: "POWER_OF_ATTORNEY_REQUIRED" as const,
            message: "PKS yang ditandatangani pejabat selain Kepala Daerah wajib dilampiri surat kuasa: unggah Surat Kuasa terlebih dahulu.",
          }
        : null;
    return merge(merge(data, kuasa), pksWithinKb(s, input, ctx));
  },

  // Permendagri 25/2020: no MoU signing before the DPRD and central approvals (with full power).
  centralApproval: (s) => {
    const missing = (["PERSETUJUAN_DPRD", "PERSETUJUAN_PUSAT", "FULL_POWER"] as const).filter((t) => !has(s, t));
    return missing.length === 0
      ? null
      : { code: "CENTRAL_APPROVAL_REQUIRED", message: "MoU belum dapat ditandatangani: persetujuan DPRD, persetujuan pemerintah pusat, dan full power dari Kemenlu harus sudah ada.", missing };
  },

  ended: (s, _i, ctx) =>
    s.running?.endDate && isoDate(today(ctx)) > isoDate(s.running.endDate)
      ? null
      : { code: "NOT_ENDED_YET", message: "Jangka waktu kerja sama belum berakhir." },

  // Domain §4.1 row 12 and §6: a case that ran to its end is closed only after the OPD's laporan akhir
  // has been sent and Bagian Kerja Sama has reviewed it (lib/reports).
  finalReportReviewed: (s) => {
    const status = s.finalReport?.status;
    if (status === "DITINJAU") return null;
    const state =
      status === "DIAJUKAN" ? "sudah dikirim OPD tetapi belum ditelaah Bagian Kerja Sama"
        : status === "DIKEMBALIKAN" ? "dikembalikan kepada OPD untuk diperbaiki dan belum dikirim ulang"
          : status === "DRAF" ? "masih berupa draf dan belum dikirim OPD"
            : "belum disampaikan OPD";
    return {
      code: "FINAL_REPORT_REQUIRED",
      message: `Laporan akhir pelaksanaan ${state}: kerja sama dapat ditutup setelah laporan akhir ditelaah Bagian Kerja Sama.`,
    };
  },

  // Pengakhiran (domain §5): ground and date, recorded after the fact and not before the signing.
  termination: (s, input, ctx) => {
    const p = new Problems("TERMINATION_DATA_REQUIRED");
    if (!filled(input.termination?.ground)) p.add("termination.ground", "Dasar pengakhiran wajib dipilih.");
    if (!input.termination?.date) p.add("termination.date", "Tanggal pengakhiran wajib diisi.");
    const missing = p.refusal("Data pengakhiran belum lengkap:");
    const date = input.termination?.date;
    const wrong = new Problems("DATE_IMPLAUSIBLE");
    if (date && !dateNotAfterToday(date, ctx)) {
      wrong.add("termination.date", `Tanggal pengakhiran tidak boleh sesudah hari ini (${tanggal(today(ctx))}); catat pengakhiran setelah berita acaranya ditandatangani.`);
    }
    const signed = s.running?.signedAt;
    if (date && signed && isoDate(date) < isoDate(signed)) {
      wrong.add("termination.date", `Tanggal pengakhiran tidak dapat sebelum kerja sama ditandatangani (${tanggal(signed)}).`);
    }
    return merge(missing, wrong.refusal("Data pengakhiran tidak dapat diterima:"));
  },

  adendumData,
  signAdendum,

  // An adendum amends a naskah in force: not one whose period is already over.
  runningInForce: (s, _i, ctx) =>
    s.running && (!s.running.endDate || isoDate(today(ctx)) <= isoDate(s.running.endDate))
      ? null
      : { code: "NOT_AVAILABLE", message: "Naskah kerja sama ini sudah berakhir: adendum tidak dapat dimulai. Gunakan perpanjangan atau usulan baru." },
};

export function docsMissing(missing: readonly DocumentType[]): Refusal {
  return {
    code: "DOCUMENTS_MISSING",
    message: `Dokumen wajib belum diunggah: ${missing.map((t) => DOCUMENT_LABELS[t]).join(", ")}.`,
    missing,
  };
}
