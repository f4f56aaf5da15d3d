import { describe, expect, it } from "vitest";
import { DocumentType as DOCUMENT_TYPE } from "@/lib/generated/prisma/enums";
import { DEFAULT_SETTINGS, type RequiredDocuments, type Settings } from "@/lib/settings/defaults";
import {
  asksDprdQuestions,
  computeRequiresDprd,
  decide,
  missingProposalFields,
  type CaseKind,
  type CaseSnapshot,
  type DecideContext,
  type DocumentType,
  type EventInput,
  type Initiator,
  type NaskahFacts,
  type PartnerFacts,
  type SigningInput,
  type Stage,
  type WorkflowActor,
} from "@/lib/workflow";

/*
 * Each describe takes one guard of domain.md §4 and tries to break it: everything else about the
 * case is in order, one thing is wrong, and the refusal must carry the precise code and a message
 * in Bahasa Indonesia.
 */

const ALL_DOCS = Object.values(DOCUMENT_TYPE) as DocumentType[];
const OPD = "opd-dinkes";
const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

const OPERATOR: WorkflowActor = { role: "OPERATOR_OPD", opdId: OPD };
const STAF: WorkflowActor = { role: "STAF_KS", opdId: null };
const KABAG: WorkflowActor = { role: "KABAG_KS", opdId: null };

/** A partner of the class that fits each jenis (domain §2). */
const FITTING: Record<CaseKind, PartnerFacts> = {
  KSDD: { partnerClass: "PEMDA", universityStatus: null },
  KSDPK: { partnerClass: "SWASTA", universityStatus: null },
  SINERGI: { partnerClass: "KEMENTERIAN_LEMBAGA", universityStatus: null },
  KSDPL: { partnerClass: "PEMDA_LUAR_NEGERI", universityStatus: null },
  KSDLL: { partnerClass: "LEMBAGA_LUAR_NEGERI", universityStatus: null },
};
/** The signed KB in force from 2026 to 2030. */
const KB: NaskahFacts = { status: "BERLAKU", signedAt: d("2026-01-01"), startDate: d("2026-01-01"), endDate: d("2030-12-31") };

function snap(kind: CaseKind, stage: Stage, over: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    kind, stage, initiator: "DAERAH", opdId: OPD, requiresDprd: false,
    documents: ALL_DOCS, missingFields: [],
    partner: FITTING[kind],
    kb: KB,
    running: { status: "BERLAKU", signedAt: d("2026-02-01"), startDate: d("2026-02-01"), endDate: d("2027-12-31") },
    finalReport: { status: "DITINJAU" },
    ...over,
  };
}
const without = (...types: DocumentType[]) => ALL_DOCS.filter((t) => !types.includes(t));

const SIGNING: SigningInput = {
  ourNumber: "415.4/12/KS/2026", partnerNumber: "119/PKS/II/2026", signedAt: d("2026-02-01"),
  signedPlace: "Sukamaju", signerType: "KEPALA_DAERAH", signerName: "H. Ahmad Fauzi, S.H.",
  signerPosition: "Bupati Sukamaju", partnerSignerName: "Ir. Budi Santoso", partnerSignerPosition: "Direktur Utama",
  startDate: d("2026-02-01"), endDate: d("2028-01-31"),
};
const INPUT: EventInput = {
  note: "Alasan tertulis.", checklistComplete: true, signing: SIGNING,
  dprd: { number: "12/KEP/DPRD/2026", date: d("2026-03-01") },
  termination: { ground: "PARA_PIHAK_SEPAKAT", date: d("2027-06-01") },
};
const sign = (over: Partial<SigningInput>): EventInput => ({ ...INPUT, signing: { ...SIGNING, ...over } });

function ctx(over: Partial<Settings> = {}, now = new Date("2028-06-01T03:00:00Z")): DecideContext {
  return { now, settings: { ...DEFAULT_SETTINGS, ...over } };
}

/** Bahasa Indonesia: one of the words every refusal of this module is built from. */
const INDONESIAN = /\b(wajib|belum|harus|tidak|dapat|diisi|unggah|persetujuan|jangka waktu|alasan|data|milik|usulan|tindakan)\b/i;

function refused(r: ReturnType<typeof decide>, code: string) {
  expect(r.ok, JSON.stringify(r)).toBe(false);
  if (r.ok) return r as never;
  expect(r.code).toBe(code);
  expect(r.message).toMatch(INDONESIAN);
  return r;
}
function accepted(r: ReturnType<typeof decide>, to: Stage) {
  expect(r, JSON.stringify(r)).toMatchObject({ ok: true, to });
}

describe("perluDprd (§4.1): computed from the two questions, always for foreign, never for SINERGI", () => {
  const answers = [
    { burdensPublic: true, budgetedInApbd: true },
    { burdensPublic: true, budgetedInApbd: false },
    { burdensPublic: false, budgetedInApbd: true },
    { burdensPublic: false, budgetedInApbd: false },
    { burdensPublic: null, budgetedInApbd: null },
  ];

  it("KSDPL and KSDLL always need the DPRD, whatever the answers and the KSDPK setting", () => {
    for (const kind of ["KSDPL", "KSDLL"] as const) {
      for (const a of answers) {
        expect(computeRequiresDprd(kind, a)).toBe(true);
        expect(computeRequiresDprd(kind, a, false)).toBe(true);
      }
      expect(asksDprdQuestions(kind)).toBe(false);
    }
  });

  it("SINERGI never needs the DPRD, even when it burdens the public and is not budgeted", () => {
    for (const a of answers) expect(computeRequiresDprd("SINERGI", a)).toBe(false);
    expect(asksDprdQuestions("SINERGI")).toBe(false);
  });

  it("KSDD and KSDPK: membebani masyarakat OR belum teranggarkan dalam APBD", () => {
    for (const kind of ["KSDD", "KSDPK"] as const) {
      expect(asksDprdQuestions(kind)).toBe(true);
      expect(computeRequiresDprd(kind, { burdensPublic: true, budgetedInApbd: true })).toBe(true);
      expect(computeRequiresDprd(kind, { burdensPublic: false, budgetedInApbd: false })).toBe(true);
      expect(computeRequiresDprd(kind, { burdensPublic: true, budgetedInApbd: false })).toBe(true);
      expect(computeRequiresDprd(kind, { burdensPublic: false, budgetedInApbd: true })).toBe(false);
    }
  });

  it("KSDPK with ksdpkFollowsQuestions=false ([C] setting) never needs the DPRD; KSDD still does", () => {
    expect(DEFAULT_SETTINGS.ksdpkDprdFollowsQuestions).toBe(true);
    for (const a of answers) expect(computeRequiresDprd("KSDPK", a, false)).toBe(false);
    expect(computeRequiresDprd("KSDD", { burdensPublic: true, budgetedInApbd: true }, false)).toBe(true);
  });
});

describe("a case that needs the DPRD cannot reach the PKS without its decision (§4.1 rows 7–9)", () => {
  it("KB signing goes to PERSETUJUAN_DPRD, not PENYUSUNAN_PKS — even if a DPRD letter was uploaded early", () => {
    for (const kind of ["KSDD", "KSDPK"] as const) {
      accepted(decide(snap(kind, "PENANDATANGANAN_KB", { requiresDprd: true }), "tandatangani", KABAG, INPUT, ctx()), "PERSETUJUAN_DPRD");
      accepted(decide(snap(kind, "PENANDATANGANAN_KB", { requiresDprd: false }), "tandatangani", KABAG, INPUT, ctx()), "PENYUSUNAN_PKS");
    }
  });

  it("dprd_setuju without the Keputusan/Persetujuan DPRD document → DOCUMENTS_MISSING", () => {
    const r = refused(decide(snap("KSDD", "PERSETUJUAN_DPRD", { requiresDprd: true, documents: without("PERSETUJUAN_DPRD") }),
      "dprd_setuju", KABAG, INPUT, ctx()), "DOCUMENTS_MISSING");
    expect(r.missing).toEqual(["PERSETUJUAN_DPRD"]);
    expect(r.message).toContain("Keputusan/Surat Persetujuan DPRD");
  });

  it("even when the settings no longer require the document, dprd_setuju without it → DPRD_DECISION_REQUIRED", () => {
    const requiredDocuments: RequiredDocuments = {
      ...DEFAULT_SETTINGS.requiredDocuments,
      KSDD: { ...DEFAULT_SETTINGS.requiredDocuments.KSDD, PERSETUJUAN_DPRD: [] },
    };
    refused(decide(snap("KSDD", "PERSETUJUAN_DPRD", { requiresDprd: true, documents: without("PERSETUJUAN_DPRD") }),
      "dprd_setuju", KABAG, INPUT, ctx({ requiredDocuments })), "DPRD_DECISION_REQUIRED");
  });

  it("dprd_setuju / dprd_tolak need the decision's number and date → DPRD_DECISION_DATA_REQUIRED", () => {
    for (const event of ["dprd_setuju", "dprd_tolak"]) {
      for (const dprd of [undefined, { number: "  ", date: d("2026-03-01") }, { number: "12/KEP/DPRD/2026", date: null }]) {
        refused(decide(snap("KSDD", "PERSETUJUAN_DPRD", { requiresDprd: true }), event, KABAG, { ...INPUT, dprd }, ctx()),
          "DPRD_DECISION_DATA_REQUIRED");
      }
    }
  });

  it("final at PENYUSUNAN_PKS without the DPRD decision → DPRD_DECISION_REQUIRED; with it, or when not needed → ok", () => {
    const noDecision = without("PERSETUJUAN_DPRD");
    const r = refused(decide(snap("KSDD", "PENYUSUNAN_PKS", { requiresDprd: true, documents: noDecision }), "final", STAF, INPUT, ctx()),
      "DPRD_DECISION_REQUIRED");
    expect(r.message).toContain("DPRD");
    accepted(decide(snap("KSDD", "PENYUSUNAN_PKS", { requiresDprd: true }), "final", STAF, INPUT, ctx()), "PENANDATANGANAN_PKS");
    accepted(decide(snap("KSDD", "PENYUSUNAN_PKS", { requiresDprd: false, documents: noDecision }), "final", STAF, INPUT, ctx()), "PENANDATANGANAN_PKS");
  });

  it("a PKS turunan relies on its parent KB's DPRD decision (not asked again)", () => {
    accepted(decide(snap("KSDPK", "PENYUSUNAN_PKS", { requiresDprd: true, isPksTurunan: true, documents: without("PERSETUJUAN_DPRD") }),
      "final", STAF, INPUT, ctx()), "PENANDATANGANAN_PKS");
  });
});

describe("signer of the KB, NK and MoU is the Kepala Daerah (§3, §4.1 row 7)", () => {
  const cases: [CaseKind, Stage][] = [["KSDD", "PENANDATANGANAN_KB"], ["SINERGI", "PENANDATANGANAN_NK"], ["KSDPL", "PENANDATANGANAN_MOU"]];
  it.each(cases)("%s at %s: an official with a surat kuasa → SIGNER_NOT_ALLOWED", (kind, stage) => {
    const r = refused(decide(snap(kind, stage, { requiresDprd: kind === "KSDPL" }), "tandatangani", KABAG,
      sign({ signerType: "PEJABAT_DIKUASAKAN", signerPosition: "Kepala Dinas Kesehatan" }), ctx()), "SIGNER_NOT_ALLOWED");
    expect(r.message).toContain("Bupati");
  });

  it("the message uses the region's title of the Kepala Daerah (setting)", () => {
    const region = { ...DEFAULT_SETTINGS.region, level: "KOTA" as const, headTitle: "Wali Kota" };
    const r = refused(decide(snap("KSDD", "PENANDATANGANAN_KB"), "tandatangani", KABAG, sign({ signerType: "PEJABAT_DIKUASAKAN" }),
      ctx({ region })), "SIGNER_NOT_ALLOWED");
    expect(r.message).toContain("Wali Kota");
  });
});

describe("PKS signed by an official needs an uploaded surat kuasa (§3 [R])", () => {
  const delegated = sign({ signerType: "PEJABAT_DIKUASAKAN", signerName: "dr. Siti Rahma", signerPosition: "Kepala Dinas Kesehatan" });
  it("without SURAT_KUASA → POWER_OF_ATTORNEY_REQUIRED", () => {
    const r = refused(decide(snap("KSDD", "PENANDATANGANAN_PKS", { documents: without("SURAT_KUASA") }), "tandatangani", KABAG, delegated, ctx()),
      "POWER_OF_ATTORNEY_REQUIRED");
    expect(r.message).toContain("surat kuasa");
  });
  it("with SURAT_KUASA → ok; the Kepala Daerah himself needs none", () => {
    accepted(decide(snap("KSDD", "PENANDATANGANAN_PKS"), "tandatangani", KABAG, delegated, ctx()), "PELAKSANAAN");
    accepted(decide(snap("KSDD", "PENANDATANGANAN_PKS", { documents: without("SURAT_KUASA") }), "tandatangani", KABAG, INPUT, ctx()), "PELAKSANAAN");
  });
  it("the official's position is required → SIGNING_DATA_REQUIRED on that field", () => {
    const r = refused(decide(snap("KSDD", "PENANDATANGANAN_PKS"), "tandatangani", KABAG,
      sign({ signerType: "PEJABAT_DIKUASAKAN", signerPosition: " " }), ctx()), "SIGNING_DATA_REQUIRED");
    expect(Object.keys(r.fields ?? {})).toEqual(["signing.signerPosition"]);
  });
});

describe("signing needs both numbers, the date and place, and both signatories (§4.1 rows 7 and 10, §7)", () => {
  const fields: [keyof SigningInput, unknown][] = [
    ["ourNumber", ""], ["ourNumber", "   "], ["partnerNumber", undefined], ["signedAt", null], ["signedPlace", "\t"],
    ["signerType", undefined], ["signerName", ""], ["partnerSignerName", " "], ["partnerSignerPosition", undefined],
    ["startDate", null], ["endDate", undefined],
  ];
  const places: [CaseKind, Stage][] = [
    ["KSDD", "PENANDATANGANAN_KB"], ["KSDPK", "PENANDATANGANAN_PKS"], ["SINERGI", "PENANDATANGANAN_NK"], ["KSDLL", "PENANDATANGANAN_MOU"],
  ];
  for (const [kind, stage] of places) {
    it(`${kind} at ${stage}: each missing item → SIGNING_DATA_REQUIRED on exactly that field`, () => {
      for (const [field, value] of fields) {
        const r = refused(decide(snap(kind, stage, { requiresDprd: true }), "tandatangani", KABAG, sign({ [field]: value }), ctx()),
          "SIGNING_DATA_REQUIRED");
        expect(Object.keys(r.fields ?? {}), field).toEqual([`signing.${field}`]);
        expect(r.message).toMatch(/^Data penandatanganan belum lengkap: .+ wajib (diisi|dipilih)\.$/);
      }
    });
  }
  it("no signing data at all names every field at once, in the form's order", () => {
    const r = refused(decide(snap("KSDD", "PENANDATANGANAN_KB"), "tandatangani", KABAG, { ...INPUT, signing: undefined }, ctx()),
      "SIGNING_DATA_REQUIRED");
    expect(Object.keys(r.fields ?? {})).toEqual([
      "signing.ourNumber", "signing.partnerNumber", "signing.signedAt", "signing.signedPlace", "signing.signerType",
      "signing.signerName", "signing.partnerSignerName", "signing.partnerSignerPosition", "signing.startDate", "signing.endDate",
    ]);
  });
  it("a missing number and a date in the future are reported together", () => {
    const r = refused(decide(snap("KSDD", "PENANDATANGANAN_KB"), "tandatangani", KABAG,
      sign({ ourNumber: "", signedAt: d("2028-06-02") }), ctx()), "SIGNING_DATA_REQUIRED");
    expect(Object.keys(r.fields ?? {}).sort()).toEqual(["signing.ourNumber", "signing.signedAt"]);
    expect(r.message).toContain("tidak boleh sesudah hari ini (1 Juni 2028)");
  });
  it("an end date not after the start → PERIOD_INVALID", () => {
    for (const endDate of [d("2026-02-01"), d("2026-01-31")]) {
      refused(decide(snap("KSDD", "PENANDATANGANAN_KB"), "tandatangani", KABAG, sign({ endDate }), ctx()), "PERIOD_INVALID");
    }
  });
});

describe("the LoI is signed by the Kepala Daerah, with both numbers, date and place but no period (Permendagri 25/2020)", () => {
  const loi = (over: Partial<SigningInput>) => decide(snap("KSDPL", "PENJAJAKAN_LOI", { requiresDprd: true }), "loi_ditandatangani", STAF,
    { note: "", signing: { ...SIGNING, startDate: null, endDate: null, ...over } }, ctx());

  it("missing numbers → SIGNING_DATA_REQUIRED naming their fields; no period is asked", () => {
    const r = refused(loi({ ourNumber: " ", partnerNumber: undefined }), "SIGNING_DATA_REQUIRED");
    expect(Object.keys(r.fields ?? {})).toEqual(["signing.ourNumber", "signing.partnerNumber"]);
    const none = refused(decide(snap("KSDLL", "PENJAJAKAN_LOI", { requiresDprd: true }), "loi_ditandatangani", STAF, {}, ctx()),
      "SIGNING_DATA_REQUIRED");
    expect(Object.keys(none.fields ?? {})).toEqual([
      "signing.ourNumber", "signing.partnerNumber", "signing.signedAt", "signing.signedPlace", "signing.signerType",
      "signing.signerName", "signing.partnerSignerName", "signing.partnerSignerPosition",
    ]);
  });
  it("an official with a surat kuasa → SIGNER_NOT_ALLOWED", () => {
    const r = refused(loi({ signerType: "PEJABAT_DIKUASAKAN", signerPosition: "Kepala Dinas Kesehatan" }), "SIGNER_NOT_ALLOWED");
    expect(r.message).toContain("Letter of Intent");
    expect(r.message).toContain("Bupati");
  });
  it("no period → ok, and the LOI naskah is created", () => {
    const r = loi({});
    accepted(r, "KONSULTASI_KEMENDAGRI");
    expect(r.ok && r.effects).toContainEqual({ kind: "CREATE_AGREEMENT", type: "LOI" });
    accepted(loi({ startDate: d("2026-02-01"), endDate: null }), "KONSULTASI_KEMENDAGRI");
    accepted(loi({ startDate: d("2026-02-01"), endDate: d("2027-01-31") }), "KONSULTASI_KEMENDAGRI");
  });
  it("an end date not after the start → PERIOD_INVALID", () => {
    for (const endDate of [d("2026-02-01"), d("2026-01-31")]) refused(loi({ startDate: d("2026-02-01"), endDate }), "PERIOD_INVALID");
  });
});

describe("PKS period within the KB period (§4.1 row 9)", () => {
  const pks = (startDate: string, endDate: string) => sign({ startDate: d(startDate), endDate: d(endDate) });
  const s = snap("KSDD", "PENANDATANGANAN_PKS", { kb: KB });
  it("starting before the KB → PERIOD_OUTSIDE_KB, with Indonesian dates, on the start field", () => {
    const r = refused(decide(s, "tandatangani", KABAG, pks("2025-12-31", "2027-12-31"), ctx()), "PERIOD_OUTSIDE_KB");
    expect(r.message).toContain("1 Januari 2026 s.d. 31 Desember 2030");
    expect(Object.keys(r.fields ?? {})).toEqual(["signing.startDate"]);
  });
  it("ending after the KB → PERIOD_OUTSIDE_KB", () => {
    refused(decide(s, "tandatangani", KABAG, pks("2027-01-01", "2031-01-01"), ctx()), "PERIOD_OUTSIDE_KB");
  });
  it("exactly on both boundaries → ok", () => {
    accepted(decide(s, "tandatangani", KABAG, pks("2026-01-01", "2030-12-31"), ctx()), "PELAKSANAAN");
  });
  it("no KB recorded → KB_NOT_IN_FORCE (nothing to sit under, so refused)", () => {
    refused(decide({ ...s, kb: null }, "tandatangani", KABAG, INPUT, ctx()), "KB_NOT_IN_FORCE");
  });
});

describe("PKS duration ≤ pksMaxYears unless an override cites a regulation (§4.1 row 9, §10)", () => {
  const s = snap("KSDPK", "PENANDATANGANAN_PKS", { kb: { ...KB, signedAt: d("2020-01-01"), startDate: d("2020-01-01"), endDate: d("2040-12-31") } });
  const pks = (startDate: string, endDate: string, durationOverrideBasis?: string) =>
    sign({ startDate: d(startDate), endDate: d(endDate), durationOverrideBasis });
  it("exactly 5 years (start + 5y − 1 day) → ok", () => {
    accepted(decide(s, "tandatangani", KABAG, pks("2026-01-01", "2030-12-31"), ctx()), "PELAKSANAAN");
    accepted(decide(s, "tandatangani", KABAG, pks("2026-07-15", "2031-07-14"), ctx()), "PELAKSANAAN");
    accepted(decide(s, "tandatangani", KABAG, pks("2028-02-29", "2033-02-28"), ctx()), "PELAKSANAAN");
  });
  it("one day more → DURATION_EXCEEDED", () => {
    const r = refused(decide(s, "tandatangani", KABAG, pks("2026-01-01", "2031-01-01"), ctx()), "DURATION_EXCEEDED");
    expect(r.message).toContain("5 tahun");
    refused(decide(s, "tandatangani", KABAG, pks("2028-02-29", "2033-03-01"), ctx()), "DURATION_EXCEEDED");
  });
  it("with a basis → ok; a whitespace-only basis is no basis", () => {
    accepted(decide(s, "tandatangani", KABAG, pks("2026-01-01", "2035-12-31", "Pasal 12 PP 28/2018 (investasi)"), ctx()), "PELAKSANAAN");
    refused(decide(s, "tandatangani", KABAG, pks("2026-01-01", "2035-12-31", "  "), ctx()), "DURATION_EXCEEDED");
  });
  it("the limit is read from settings (pksMaxYears = 3)", () => {
    refused(decide(s, "tandatangani", KABAG, pks("2026-01-01", "2029-01-01"), ctx({ pksMaxYears: 3 })), "DURATION_EXCEEDED");
    accepted(decide(s, "tandatangani", KABAG, pks("2026-01-01", "2028-12-31"), ctx({ pksMaxYears: 3 })), "PELAKSANAAN");
  });
});

describe("foreign MoU: no signing before DPRD, central approval and full power (§4.3)", () => {
  for (const kind of ["KSDPL", "KSDLL"] as const) {
    it.each(["PERSETUJUAN_DPRD", "PERSETUJUAN_PUSAT", "FULL_POWER"] as const)(`${kind} without %s → CENTRAL_APPROVAL_REQUIRED`, (doc) => {
      const r = refused(decide(snap(kind, "PENANDATANGANAN_MOU", { requiresDprd: true, documents: without(doc) }), "tandatangani", KABAG, INPUT, ctx()),
        "CENTRAL_APPROVAL_REQUIRED");
      expect(r.missing).toEqual([doc]);
      expect(r.message).toContain("full power");
    });
  }
  it("with all three → ok", () => {
    accepted(decide(snap("KSDPL", "PENANDATANGANAN_MOU", { requiresDprd: true }), "tandatangani", KABAG, INPUT, ctx()), "PELAKSANAAN");
  });
});

describe("a reason is mandatory for PERBAIKAN, DITOLAK, BATAL, DITOLAK_DPRD, DIAKHIRI (§4.1)", () => {
  const rows: [CaseKind, Stage, string, WorkflowActor, Stage][] = [
    ["KSDD", "VERIFIKASI", "perlu_perbaikan", KABAG, "PERBAIKAN"],
    ["SINERGI", "KAJIAN_TKKSD", "perlu_perbaikan", KABAG, "PERBAIKAN"],
    ["KSDPL", "KAJIAN_TKKSD", "tidak_layak", KABAG, "DITOLAK"],
    ["KSDPK", "PENAWARAN", "mitra_menolak", STAF, "BATAL"],
    ["KSDD", "PENAWARAN", "batal", KABAG, "BATAL"],
    ["KSDD", "PERSETUJUAN_DPRD", "dprd_tolak", KABAG, "DITOLAK_DPRD"],
    ["KSDLL", "PERSETUJUAN_DPRD", "dprd_tolak", KABAG, "DITOLAK_DPRD"],
    ["KSDD", "PELAKSANAAN", "akhiri", KABAG, "DIAKHIRI"],
    ["KSDD", "PERSETUJUAN_OPD", "kembalikan", { role: "KEPALA_OPD", opdId: OPD }, "DRAF"],
  ];
  it.each(rows)("%s %s %s: empty or whitespace note → REASON_REQUIRED; a note → ok", (kind, stage, event, actor, to) => {
    const s = snap(kind, stage, { requiresDprd: true });
    for (const note of [undefined, "", "   ", "\n\t "]) {
      const r = refused(decide(s, event, actor, { ...INPUT, note }, ctx()), "REASON_REQUIRED");
      expect(r.message).toBe("Alasan wajib diisi untuk tindakan ini.");
    }
    accepted(decide(s, event, actor, { ...INPUT, note: "Mitra tidak menjawab dalam 60 hari." }, ctx()), to);
  });
});

describe("PERBAIKAN → ajukan_ulang → VERIFIKASI (§4.1)", () => {
  it("the operator of the own OPD resubmits a region-initiated case to VERIFIKASI (not to PERSETUJUAN_OPD)", () => {
    for (const kind of ["KSDD", "KSDPK", "SINERGI", "KSDPL", "KSDLL"] as const) {
      accepted(decide(snap(kind, "PERBAIKAN"), "ajukan_ulang", OPERATOR, INPUT, ctx()), "VERIFIKASI");
    }
    refused(decide(snap("KSDD", "PERBAIKAN"), "ajukan_ulang", { role: "OPERATOR_OPD", opdId: "opd-lain" }, INPUT, ctx()), "NOT_OWN_OPD");
  });
  it("Bagian KS resubmits a partner-initiated KSDPK", () => {
    accepted(decide(snap("KSDPK", "PERBAIKAN", { initiator: "MITRA" }), "ajukan_ulang", STAF, INPUT, ctx()), "VERIFIKASI");
  });
  it("the fixes must still satisfy the DRAF requirements: KAK (and Studi Kelayakan) and a complete form", () => {
    const r = refused(decide(snap("KSDPK", "PERBAIKAN", { documents: without("KAK", "STUDI_KELAYAKAN") }), "ajukan_ulang", OPERATOR, INPUT, ctx()),
      "DOCUMENTS_MISSING");
    expect(r.missing).toEqual(["KAK", "STUDI_KELAYAKAN"]);
    refused(decide(snap("KSDD", "PERBAIKAN", { missingFields: ["ruang lingkup"] }), "ajukan_ulang", OPERATOR, INPUT, ctx()), "FORM_INCOMPLETE");
  });
});

describe("required documents per stage come from settings (§8, §10)", () => {
  it("default: DRAF needs KAK; KSDPK also Studi Kelayakan", () => {
    const r = refused(decide(snap("KSDPK", "DRAF", { documents: [] }), "ajukan", OPERATOR, INPUT, ctx()), "DOCUMENTS_MISSING");
    expect(r.missing).toEqual(["KAK", "STUDI_KELAYAKAN"]);
    expect(r.message).toBe("Dokumen wajib belum diunggah: Kerangka Acuan Kerja (KAK), Studi Kelayakan.");
    const r2 = refused(decide(snap("KSDD", "DRAF", { documents: [] }), "ajukan", OPERATOR, INPUT, ctx()), "DOCUMENTS_MISSING");
    expect(r2.missing).toEqual(["KAK"]);
  });

  it("adding SK_PPKSD to KSDD/DRAF in the settings makes it required; removing DRAF_KB lifts that requirement", () => {
    const requiredDocuments: RequiredDocuments = {
      ...DEFAULT_SETTINGS.requiredDocuments,
      KSDD: { ...DEFAULT_SETTINGS.requiredDocuments.KSDD, DRAF: ["KAK", "SK_PPKSD"], PENYUSUNAN_KB: [] },
    };
    const r = refused(decide(snap("KSDD", "DRAF", { documents: ["KAK"] }), "ajukan", OPERATOR, INPUT, ctx({ requiredDocuments })),
      "DOCUMENTS_MISSING");
    expect(r.missing).toEqual(["SK_PPKSD"]);
    accepted(decide(snap("KSDD", "DRAF", { documents: ["KAK"] }), "ajukan", OPERATOR, INPUT, ctx()), "PERSETUJUAN_OPD");

    refused(decide(snap("KSDD", "PENYUSUNAN_KB", { documents: [] }), "final", STAF, INPUT, ctx()), "DOCUMENTS_MISSING");
    accepted(decide(snap("KSDD", "PENYUSUNAN_KB", { documents: [] }), "final", STAF, INPUT, ctx({ requiredDocuments })), "PENANDATANGANAN_KB");
  });

  it("a stage may require a document type the defaults never ask for (SINERGI/PERSETUJUAN_OPD + LAINNYA)", () => {
    const requiredDocuments: RequiredDocuments = {
      ...DEFAULT_SETTINGS.requiredDocuments,
      SINERGI: { ...DEFAULT_SETTINGS.requiredDocuments.SINERGI, PERSETUJUAN_OPD: ["SURAT_INISIASI", "LAINNYA"] },
    };
    const kepala = { role: "KEPALA_OPD" as const, opdId: OPD };
    const s = snap("SINERGI", "PERSETUJUAN_OPD", { documents: without("LAINNYA") });
    accepted(decide(s, "setujui", kepala, INPUT, ctx()), "VERIFIKASI");
    const r = refused(decide(s, "setujui", kepala, INPUT, ctx({ requiredDocuments })), "DOCUMENTS_MISSING");
    expect(r.missing).toEqual(["LAINNYA"]);
  });

  // settings.requiredDocuments is documented as "documents that must exist before a case may leave a
  // stage" (lib/settings/defaults.ts). The forward rows VERIFIKASI → lengkap and BERAKHIR → selesai
  // carry no `leave: true`, so a requirement configured for those stages is silently ignored.
  it.each([
    ["VERIFIKASI", "lengkap"],
    ["BERAKHIR", "selesai"],
  ] as [Stage, string][])("a requirement configured for %s is enforced when leaving it by %s", (stage, event) => {
    const requiredDocuments: RequiredDocuments = {
      ...DEFAULT_SETTINGS.requiredDocuments,
      KSDD: { ...DEFAULT_SETTINGS.requiredDocuments.KSDD, [stage]: ["LAINNYA"] },
    };
    const r = decide(snap("KSDD", stage, { documents: without("LAINNYA") }), event, KABAG, INPUT, ctx({ requiredDocuments }));
    expect(r, JSON.stringify(r)).toMatchObject({ ok: false, code: "DOCUMENTS_MISSING", missing: ["LAINNYA"] });
  });
});

describe("partner-initiated KSDPK (§4.1 [R])", () => {
  const mitra = (stage: Stage, documents: DocumentType[]) => snap("KSDPK", stage, { initiator: "MITRA" as Initiator, documents });
  it("at PENAWARAN the region's surat jawaban is required, a surat penawaran is not", () => {
    accepted(decide(mitra("PENAWARAN", without("SURAT_PENAWARAN")), "mitra_setuju", STAF, INPUT, ctx()), "PENYUSUNAN_KB");
    const r = refused(decide(mitra("PENAWARAN", without("SURAT_JAWABAN")), "mitra_setuju", STAF, INPUT, ctx()), "DOCUMENTS_MISSING");
    expect(r.missing).toEqual(["SURAT_JAWABAN"]);
  });
  it("a region-initiated KSDPK needs the surat penawaran", () => {
    const r = refused(decide(snap("KSDPK", "PENAWARAN", { documents: without("SURAT_PENAWARAN") }), "mitra_setuju", STAF, INPUT, ctx()),
      "DOCUMENTS_MISSING");
    expect(r.missing).toEqual(["SURAT_PENAWARAN"]);
  });
  it("registration needs the partner's surat penawaran and studi kelayakan, and enters at VERIFIKASI", () => {
    const r = refused(decide(mitra("DRAF", []), "registrasi_penawaran_mitra", STAF, INPUT, ctx()), "DOCUMENTS_MISSING");
    expect(r.missing).toEqual(["SURAT_PENAWARAN_MITRA", "STUDI_KELAYAKAN"]);
    accepted(decide(mitra("DRAF", ["SURAT_PENAWARAN_MITRA", "STUDI_KELAYAKAN"]), "registrasi_penawaran_mitra", STAF, INPUT, ctx()), "VERIFIKASI");
    refused(decide(mitra("DRAF", ALL_DOCS), "ajukan", OPERATOR, INPUT, ctx()), "NOT_AVAILABLE");
  });
});

describe("`ended` is decided in the region's time zone (§9)", () => {
  // The end date is a date-only value (UTC midnight): the agreement runs to the end of 10 March 2026.
  const s = snap("KSDD", "PELAKSANAAN", {
    running: { status: "BERLAKU", signedAt: d("2025-03-11"), startDate: d("2025-03-11"), endDate: d("2026-03-10") },
  });
  const at = (iso: string, timeZone: Settings["region"]["timeZone"] = "Asia/Jakarta") =>
    decide(s, "berakhir", KABAG, {}, ctx({ region: { ...DEFAULT_SETTINGS.region, timeZone } }, new Date(iso)));

  it("Asia/Jakarta: 23:00 and 23:59:59 WIB on the end date → NOT_ENDED_YET", () => {
    for (const t of ["2026-03-10T16:00:00Z", "2026-03-10T16:59:59Z", "2026-03-09T17:30:00Z"]) {
      const r = refused(at(t), "NOT_ENDED_YET");
      expect(r.message).toBe("Jangka waktu kerja sama belum berakhir.");
    }
  });
  it("Asia/Jakarta: 00:00 WIB the next day (17:00Z, still the end date in UTC) → ended", () => {
    accepted(at("2026-03-10T17:00:00Z"), "BERAKHIR");
    accepted(at("2026-03-10T23:00:00Z"), "BERAKHIR");
  });
  it("Asia/Jayapura (WIT, UTC+9) and Asia/Makassar (WITA, UTC+8) turn the day earlier", () => {
    refused(at("2026-03-10T14:59:59Z", "Asia/Jayapura"), "NOT_ENDED_YET");
    accepted(at("2026-03-10T15:00:00Z", "Asia/Jayapura"), "BERAKHIR");
    refused(at("2026-03-10T15:59:59Z", "Asia/Makassar"), "NOT_ENDED_YET");
    accepted(at("2026-03-10T16:00:00Z", "Asia/Makassar"), "BERAKHIR");
  });
  it("no recorded end date → NOT_ENDED_YET", () => {
    refused(decide({ ...s, running: null }, "berakhir", KABAG, {}, ctx()), "NOT_ENDED_YET");
  });
});

describe("formComplete lists the missing fields in Indonesian (§4.1 row 1)", () => {
  it("an empty KSDD lists every field, including sifat and both DPRD questions", () => {
    expect(missingProposalFields({ kind: "KSDD" })).toEqual([
      "judul", "mitra", "sifat kerja sama (wajib/sukarela)", "objek kerja sama", "urusan pemerintahan", "maksud dan tujuan",
      "ruang lingkup", "manfaat", "sumber pendanaan",
      "pertanyaan DPRD: membebani masyarakat dan daerah", "pertanyaan DPRD: sudah dianggarkan dalam APBD",
    ]);
  });
  it("KSDPK asks the bentuk; SINERGI and the foreign kinds ask no DPRD questions", () => {
    expect(missingProposalFields({ kind: "KSDPK" })).toContain("bentuk kerja sama");
    for (const kind of ["SINERGI", "KSDPL", "KSDLL"] as const) {
      const missing = missingProposalFields({ kind });
      expect(missing.some((m) => m.startsWith("pertanyaan DPRD")), kind).toBe(false);
      expect(missing).not.toContain("sifat kerja sama (wajib/sukarela)");
    }
  });
  it("whitespace is empty; `false` is an answer", () => {
    const full = {
      kind: "KSDD" as const, title: "Pengelolaan Sampah Regional", partnerId: "p1", subject: "TPA regional",
      governmentAffair: "Lingkungan Hidup", purpose: "Mengelola sampah", scope: "Angkutan dan TPA", benefits: "Biaya lebih rendah",
      fundingSource: "APBD", ksddNature: "WAJIB", burdensPublic: false, budgetedInApbd: false,
    };
    expect(missingProposalFields(full)).toEqual([]);
    expect(missingProposalFields({ ...full, title: "   ", scope: "" })).toEqual(["judul", "ruang lingkup"]);
    expect(missingProposalFields({ ...full, budgetedInApbd: null })).toEqual(["pertanyaan DPRD: sudah dianggarkan dalam APBD"]);
  });
  it("ajukan with missing fields → FORM_INCOMPLETE naming them", () => {
    const missingFields = missingProposalFields({ kind: "KSDD", title: "Judul", partnerId: "p1" }).slice(0, 2);
    const r = refused(decide(snap("KSDD", "DRAF", { missingFields }), "ajukan", OPERATOR, INPUT, ctx()), "FORM_INCOMPLETE");
    expect(r.missing).toEqual(missingFields);
    expect(r.message).toBe(`Isian usulan belum lengkap: ${missingFields.join(", ")}.`);
  });
});

describe("other guards of §4.1", () => {
  it("lengkap needs the whole verification checklist → CHECKLIST_INCOMPLETE", () => {
    for (const checklistComplete of [undefined, false]) {
      refused(decide(snap("KSDD", "VERIFIKASI"), "lengkap", KABAG, { ...INPUT, checklistComplete }, ctx()), "CHECKLIST_INCOMPLETE");
    }
  });
  it("pengakhiran needs a ground and a date → TERMINATION_DATA_REQUIRED, and the berita acara", () => {
    refused(decide(snap("KSDD", "PELAKSANAAN"), "akhiri", KABAG, { ...INPUT, termination: { ground: " ", date: d("2027-01-01") } }, ctx()),
      "TERMINATION_DATA_REQUIRED");
    refused(decide(snap("KSDD", "PELAKSANAAN"), "akhiri", KABAG, { ...INPUT, termination: { ground: "WANPRESTASI", date: null } }, ctx()),
      "TERMINATION_DATA_REQUIRED");
    const r = refused(decide(snap("KSDD", "PELAKSANAAN", { documents: without("BERITA_ACARA_PENGAKHIRAN") }), "akhiri", KABAG, INPUT, ctx()),
      "DOCUMENTS_MISSING");
    expect(r.missing).toEqual(["BERITA_ACARA_PENGAKHIRAN"]);
  });
  it("closing needs a laporan akhir that Bagian KS has reviewed (§4.1 row 12, §6) → FINAL_REPORT_REQUIRED", () => {
    for (const [finalReport, state] of [
      [null, /belum disampaikan OPD/],
      [{ status: "DRAF" }, /masih berupa draf/],
      [{ status: "DIAJUKAN" }, /belum ditelaah Bagian Kerja Sama/],
      [{ status: "DIKEMBALIKAN" }, /dikembalikan kepada OPD/],
    ] as const) {
      for (const kind of ["KSDD", "KSDPK", "SINERGI", "KSDPL", "KSDLL"] as const) {
        const r = refused(decide(snap(kind, "BERAKHIR", { finalReport }), "selesai", KABAG, INPUT, ctx()), "FINAL_REPORT_REQUIRED");
        expect(r.message, kind).toMatch(state);
      }
    }
    // The laporan akhir document alone no longer closes a case; the reviewed report does, whatever was uploaded.
    refused(decide(snap("KSDD", "BERAKHIR", { finalReport: undefined }), "selesai", KABAG, INPUT, ctx()), "FINAL_REPORT_REQUIRED");
    accepted(decide(snap("KSDD", "BERAKHIR", { documents: without("LAPORAN_AKHIR") }), "selesai", KABAG, INPUT, ctx()), "SELESAI");
  });
  it("the final report is asked only of the closing step: ending and terminating do not need it", () => {
    accepted(decide(snap("KSDD", "PELAKSANAAN", { finalReport: null }), "berakhir", KABAG, INPUT, ctx()), "BERAKHIR");
    accepted(decide(snap("KSDD", "PELAKSANAAN", { finalReport: null }), "akhiri", KABAG, INPUT, ctx()), "DIAKHIRI");
  });
  it("an OPD user without an OPD is never on its own OPD → NOT_OWN_OPD", () => {
    refused(decide(snap("KSDD", "DRAF"), "ajukan", { role: "OPERATOR_OPD", opdId: null }, INPUT, ctx()), "NOT_OWN_OPD");
  });
});
