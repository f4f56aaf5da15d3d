import { describe, expect, it } from "vitest";
import { agreementState, isInForce } from "@/lib/agreements/state";
import { uploadableTypes } from "@/lib/documents/rules";
import { DocumentType as DOCUMENT_TYPE, PartnerClass as PARTNER_CLASS } from "@/lib/generated/prisma/enums";
import { DEFAULT_SETTINGS, type Settings } from "@/lib/settings/defaults";
import {
  decide, KIND_PARTNER_CLASSES, partnerMismatch, stageDocumentTypes, stageLabel, type CaseKind, type CaseSnapshot,
  type DecideContext, type DocumentType, type EventInput, type NaskahFacts, type PartnerClass, type SigningInput, type Stage,
  type UniversityStatus, type WorkflowActor,
} from "@/lib/workflow";

/*
 * The legal holes found by outside testing (issue 6 §1), each tried against the pure machine:
 * a PKS under a KB not in force, implausible signing and decision dates, a jenis that does not fit
 * the partner class, the partner-initiated offer stage, and "belum berlaku" before the start date.
 */

const ALL_DOCS = Object.values(DOCUMENT_TYPE) as DocumentType[];
const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const OPD = "opd-dinkes";
const STAF: WorkflowActor = { role: "STAF_KS", opdId: null };
const KABAG: WorkflowActor = { role: "KABAG_KS", opdId: null };
const OPERATOR: WorkflowActor = { role: "OPERATOR_OPD", opdId: OPD };

/** 15 June 2026, 10.00 WIB. */
const NOW = new Date("2026-06-15T03:00:00Z");
const ctx = (over: Partial<Settings> = {}, now = NOW): DecideContext => ({ now, settings: { ...DEFAULT_SETTINGS, ...over } });

const KB: NaskahFacts = { status: "BERLAKU", signedAt: d("2026-02-02"), startDate: d("2026-02-02"), endDate: d("2031-02-01") };
const PARTNER = { KSDD: "PEMDA", KSDPK: "SWASTA", SINERGI: "KEMENTERIAN_LEMBAGA", KSDPL: "PEMDA_LUAR_NEGERI", KSDLL: "LEMBAGA_LUAR_NEGERI" } as const;

function snap(kind: CaseKind, stage: Stage, over: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    kind, stage, initiator: "DAERAH", opdId: OPD, requiresDprd: false, documents: ALL_DOCS, missingFields: [],
    partner: { partnerClass: PARTNER[kind], universityStatus: null }, kb: KB, loi: null, running: null, ...over,
  };
}

const SIGNING: SigningInput = {
  ourNumber: "180/020/KS/2026", partnerNumber: "119/051/PEM/2026", signedAt: d("2026-04-01"), signedPlace: "Sukamaju",
  signerType: "KEPALA_DAERAH", signerName: "H. Ahmad Sudrajat", signerPosition: "Bupati Sukamaju",
  partnerSignerName: "Drs. Bambang Irawan", partnerSignerPosition: "Bupati Sukamakmur",
  startDate: d("2026-04-01"), endDate: d("2029-03-31"),
};
const sign = (over: Partial<SigningInput> = {}): EventInput => ({ signing: { ...SIGNING, ...over } });

function refusal(r: ReturnType<typeof decide>) {
  expect(r.ok, JSON.stringify(r)).toBe(false);
  return r as Extract<ReturnType<typeof decide>, { ok: false }>;
}

describe("no PKS under a KB that is not in force (domain §4.1)", () => {
  const states: [string, NaskahFacts, RegExp][] = [
    ["awaiting the DPRD", { ...KB, status: "MENUNGGU_DPRD" }, /menunggu persetujuan DPRD/],
    ["refused by the DPRD", { ...KB, status: "DITOLAK_DPRD" }, /DPRD menolak/],
    ["not yet started", { ...KB, startDate: d("2026-07-01") }, /belum berlaku \(mulai berlaku 1 Juli 2026\)/],
    ["already ended", { ...KB, startDate: d("2021-01-01"), endDate: d("2026-06-14") }, /sudah berakhir/],
    ["terminated", { ...KB, status: "DIAKHIRI" }, /sudah diakhiri/],
  ];
  for (const [name, kb, message] of states) {
    for (const turunan of [false, true]) {
      it(`a KB ${name}: the ${turunan ? "PKS turunan" : "case's own PKS"} is neither finalised nor signed`, () => {
        const final = refusal(decide(snap("KSDD", "PENYUSUNAN_PKS", { kb, isPksTurunan: turunan }), "final", STAF, {}, ctx()));
        expect(final.code).toBe("KB_NOT_IN_FORCE");
        expect(final.message).toMatch(message);
        const signed = refusal(decide(snap("KSDPK", "PENANDATANGANAN_PKS", { kb, isPksTurunan: turunan }), "tandatangani", KABAG, sign(), ctx()));
        expect(signed.code).toBe("KB_NOT_IN_FORCE");
      });
    }
  }
  it("a KB in force today (start today, end today) lets the PKS go on", () => {
    const today = { ...KB, startDate: d("2026-06-15"), endDate: d("2026-06-15") };
    expect(decide(snap("KSDD", "PENYUSUNAN_PKS", { kb: today }), "final", STAF, {}, ctx())).toMatchObject({ ok: true });
    expect(decide(snap("KSDD", "PENYUSUNAN_PKS", { kb: KB, isPksTurunan: true }), "final", STAF, {}, ctx())).toMatchObject({ ok: true });
  });
  it("the DPRD refusal ends the signed naskah of the case (KB, LoI)", () => {
    const r = decide(snap("KSDD", "PERSETUJUAN_DPRD", { requiresDprd: true }), "dprd_tolak", KABAG,
      { note: "DPRD menolak", dprd: { number: "12/DPRD/2026", date: d("2026-03-01") } }, ctx());
    expect(r).toMatchObject({ ok: true, to: "DITOLAK_DPRD" });
    expect(r.ok && r.effects).toContainEqual({ kind: "END_AGREEMENTS", status: "DITOLAK_DPRD" });
  });
});

describe("implausible dates are refused (domain §4.1: never in the future, a PKS never before its KB)", () => {
  it("a signing dated tomorrow in the region's zone is refused; today is accepted", () => {
    for (const [kind, stage] of [["KSDD", "PENANDATANGANAN_KB"], ["KSDPK", "PENANDATANGANAN_PKS"], ["SINERGI", "PENANDATANGANAN_NK"]] as const) {
      const r = refusal(decide(snap(kind, stage), "tandatangani", KABAG, sign({ signedAt: d("2026-06-16"), startDate: d("2026-06-16") }), ctx()));
      expect(r.code, kind).toBe("DATE_IMPLAUSIBLE");
      expect(r.fields?.["signing.signedAt"]).toContain("tidak boleh sesudah hari ini (15 Juni 2026)");
      expect(decide(snap(kind, stage), "tandatangani", KABAG, sign({ signedAt: d("2026-06-15") }), ctx())).toMatchObject({ ok: true });
    }
  });
  it("'today' is the region's calendar date: 00.30 WIB on 16 June (17.30 UTC on the 15th) already allows the 16th", () => {
    const s = snap("KSDD", "PENANDATANGANAN_KB");
    const input = sign({ signedAt: d("2026-06-16"), startDate: d("2026-06-16") });
    expect(decide(s, "tandatangani", KABAG, input, ctx({}, new Date("2026-06-15T17:30:00Z")))).toMatchObject({ ok: true });
    expect(decide(s, "tandatangani", KABAG, input, ctx({}, new Date("2026-06-15T16:30:00Z")))).toMatchObject({ ok: false, code: "DATE_IMPLAUSIBLE" });
    const wit = { ...DEFAULT_SETTINGS.region, timeZone: "Asia/Jayapura" as const };
    expect(decide(s, "tandatangani", KABAG, input, ctx({ region: wit }, new Date("2026-06-15T15:30:00Z")))).toMatchObject({ ok: true });
  });
  it("a PKS signed before its KB is refused, own or turunan; the same day is fine", () => {
    for (const isPksTurunan of [false, true]) {
      const r = refusal(decide(snap("KSDD", "PENANDATANGANAN_PKS", { isPksTurunan }), "tandatangani", KABAG,
        sign({ signedAt: d("2026-02-01"), startDate: d("2026-02-02") }), ctx()));
      expect(r.code).toBe("DATE_IMPLAUSIBLE");
      expect(r.message).toContain("sebelum Kesepakatan Bersama induknya (ditandatangani 2 Februari 2026)");
      expect(decide(snap("KSDD", "PENANDATANGANAN_PKS", { isPksTurunan }), "tandatangani", KABAG,
        sign({ signedAt: d("2026-02-02"), startDate: d("2026-02-02") }), ctx())).toMatchObject({ ok: true });
    }
  });
  it("an MoU signed before its Letter of Intent is refused", () => {
    const loi: NaskahFacts = { status: "BERLAKU", signedAt: d("2026-03-01"), startDate: null, endDate: null };
    const r = refusal(decide(snap("KSDPL", "PENANDATANGANAN_MOU", { requiresDprd: true, loi }), "tandatangani", KABAG,
      sign({ signedAt: d("2026-02-28") }), ctx()));
    expect(r.code).toBe("DATE_IMPLAUSIBLE");
    expect(r.message).toContain("Letter of Intent");
  });
  it("a DPRD decision dated in the future, or before the KB it approves, is refused", () => {
    const s = snap("KSDD", "PERSETUJUAN_DPRD", { requiresDprd: true, kb: { ...KB, status: "MENUNGGU_DPRD" } });
    for (const date of [d("2026-06-16"), d("2026-02-01")]) {
      const r = refusal(decide(s, "dprd_setuju", KABAG, { dprd: { number: "172/Kep.12-DPRD/2026", date } }, ctx()));
      expect(r.code).toBe("DATE_IMPLAUSIBLE");
      expect(Object.keys(r.fields ?? {})).toEqual(["dprd.date"]);
    }
    expect(decide(s, "dprd_setuju", KABAG, { dprd: { number: "172/Kep.12-DPRD/2026", date: d("2026-03-10") } }, ctx())).toMatchObject({ ok: true });
  });
  it("a pengakhiran dated in the future, or before the agreement was signed, is refused", () => {
    const running: NaskahFacts = { status: "BERLAKU", signedAt: d("2026-04-01"), startDate: d("2026-04-01"), endDate: d("2029-03-31") };
    const s = snap("KSDD", "PELAKSANAAN", { running });
    for (const date of [d("2026-06-16"), d("2026-03-31")]) {
      const r = refusal(decide(s, "akhiri", KABAG, { note: "Wanprestasi", termination: { ground: "WANPRESTASI", date } }, ctx()));
      expect(r.code).toBe("DATE_IMPLAUSIBLE");
      expect(Object.keys(r.fields ?? {})).toEqual(["termination.date"]);
    }
  });
});

describe("the jenis fits the partner class (domain §2), at every submission", () => {
  const CLASSES = Object.values(PARTNER_CLASS) as PartnerClass[];
  const KINDS = Object.keys(KIND_PARTNER_CLASSES) as CaseKind[];
  const EXPECTED: Record<CaseKind, readonly PartnerClass[]> = {
    KSDD: ["PEMDA"],
    KSDPK: ["BUMN", "BUMD", "SWASTA", "PERGURUAN_TINGGI", "ORMAS_LSM", "PERORANGAN"],
    SINERGI: ["KEMENTERIAN_LEMBAGA", "PERGURUAN_TINGGI"],
    KSDPL: ["PEMDA_LUAR_NEGERI"],
    KSDLL: ["LEMBAGA_LUAR_NEGERI"],
  };
  it("every jenis × class outside the matrix is refused (the reported holes included)", () => {
    for (const kind of KINDS) {
      for (const partnerClass of CLASSES) {
        if (partnerClass === "PERGURUAN_TINGGI") continue;
        const fits = partnerMismatch(kind, { partnerClass, universityStatus: null }, "KSDPK") === null;
        expect(fits, `${kind} × ${partnerClass}`).toBe(EXPECTED[kind].includes(partnerClass));
      }
    }
    // A Korean city as KSDD, a private firm as SINERGI, a Pemda as KSDPK:
    expect(partnerMismatch("KSDD", { partnerClass: "PEMDA_LUAR_NEGERI", universityStatus: null }, "KSDPK")).toMatch(/KSDD/);
    expect(partnerMismatch("SINERGI", { partnerClass: "SWASTA", universityStatus: null }, "KSDPK")).toMatch(/Sinergi/);
    expect(partnerMismatch("KSDPK", { partnerClass: "PEMDA", universityStatus: null }, "KSDPK")).toMatch(/pihak ketiga/);
  });
  it("a university's status decides: PTN satker/BLU → SINERGI, PTS → KSDPK, PTN-BH → the setting; unknown → refused", () => {
    const pt = (universityStatus: UniversityStatus | null) => ({ partnerClass: "PERGURUAN_TINGGI" as const, universityStatus });
    expect(partnerMismatch("SINERGI", pt("PTN_SATKER"), "KSDPK")).toBeNull();
    expect(partnerMismatch("SINERGI", pt("PTN_BLU"), "KSDPK")).toBeNull();
    expect(partnerMismatch("KSDPK", pt("PTN_BLU"), "KSDPK")).toMatch(/SINERGI/);
    expect(partnerMismatch("KSDPK", pt("PTS"), "KSDPK")).toBeNull();
    expect(partnerMismatch("SINERGI", pt("PTS"), "KSDPK")).toMatch(/KSDPK/);
    expect(partnerMismatch("KSDPK", pt("PTN_BH"), "KSDPK")).toBeNull();
    expect(partnerMismatch("SINERGI", pt("PTN_BH"), "KSDPK")).not.toBeNull();
    expect(partnerMismatch("SINERGI", pt("PTN_BH"), "SINERGI")).toBeNull();
    expect(partnerMismatch("KSDPK", pt(null), "KSDPK")).toMatch(/Status perguruan tinggi/);
  });
  it("submission, resubmission, registration and verification refuse a mismatch; nothing else is blamed", () => {
    const wrong = { partnerClass: "PEMDA_LUAR_NEGERI" as const, universityStatus: null };
    const attempts: [CaseSnapshot, string, WorkflowActor][] = [
      [snap("KSDD", "DRAF", { partner: wrong }), "ajukan", OPERATOR],
      [snap("KSDD", "PERBAIKAN", { partner: wrong }), "ajukan_ulang", OPERATOR],
      [snap("KSDPK", "DRAF", { partner: wrong, initiator: "MITRA" }), "registrasi_penawaran_mitra", STAF],
      [snap("SINERGI", "VERIFIKASI", { partner: wrong }), "lengkap", KABAG],
    ];
    for (const [s, event, actor] of attempts) {
      const r = refusal(decide(s, event, actor, { checklistComplete: true }, ctx()));
      expect(r.code, event).toBe("PARTNER_MISMATCH");
      const ok = decide({ ...s, partner: { partnerClass: PARTNER[s.kind], universityStatus: null } }, event, actor, { checklistComplete: true }, ctx());
      expect(ok, event).toMatchObject({ ok: true });
    }
  });
});

describe("partner-initiated KSDPK: the region answers with a surat jawaban (domain §4.1)", () => {
  it("the offer stage is named after the surat jawaban", () => {
    expect(stageLabel("PENAWARAN", "MITRA")).toBe("Surat Jawaban kepada Mitra");
    expect(stageLabel("PENAWARAN", "DAERAH")).toBe("Surat Penawaran");
    expect(stageLabel("PENAWARAN")).toBe("Surat Penawaran");
  });
  it("no surat penawaran of the Kepala Daerah is offered for upload; the surat jawaban is", () => {
    expect(stageDocumentTypes("PENAWARAN", "MITRA")).not.toContain("SURAT_PENAWARAN");
    expect(stageDocumentTypes("PENAWARAN", "MITRA")).toContain("SURAT_JAWABAN");
    expect(stageDocumentTypes("PENAWARAN", "DAERAH")).toContain("SURAT_PENAWARAN");
    const staf = { role: "STAF_KS" as const, opdId: null };
    expect(uploadableTypes(staf, { stage: "PENAWARAN", initiator: "MITRA", opdId: OPD })).not.toContain("SURAT_PENAWARAN");
  });
});

describe("whether a naskah binds today (lib/agreements/state)", () => {
  const a = (over: Partial<NaskahFacts>) => ({ ...KB, ...over });
  it("a signed naskah whose start is ahead is 'belum berlaku', not 'berlaku'", () => {
    const future = a({ startDate: d("2027-01-01"), endDate: d("2029-12-31") });
    expect(agreementState(future, d("2026-11-27"))).toBe("BELUM_BERLAKU");
    expect(isInForce(future, d("2026-11-27"))).toBe(false);
    expect(agreementState(future, d("2027-01-01"))).toBe("BERLAKU");
  });
  it("past its end date it is 'berakhir' even before the daily job records it", () => {
    expect(agreementState(a({ endDate: d("2026-11-26") }), d("2026-11-27"))).toBe("BERAKHIR");
    expect(agreementState(a({ endDate: d("2026-11-27") }), d("2026-11-27"))).toBe("BERLAKU");
  });
  it("a KB awaiting or refused by the DPRD never binds, whatever the dates", () => {
    for (const status of ["MENUNGGU_DPRD", "DITOLAK_DPRD", "DRAF", "DIAKHIRI", "DIGANTI"] as const) {
      expect(isInForce(a({ status }), d("2026-11-27")), status).toBe(false);
    }
  });
});
