import { describe, expect, it } from "vitest";
import { DocumentType as DOCUMENT_TYPE } from "@/lib/generated/prisma/enums";
import { DEFAULT_SETTINGS } from "@/lib/settings/defaults";
import {
  availableEvents, decide, inCurrentRound, type AdendumFacts, type CaseKind, type CaseSnapshot, type DecideContext,
  type DocumentType, type EventInput, type SigningInput, type WorkflowActor,
} from "@/lib/workflow";

/*
 * Domain §5, the adendum, tried against the pure machine: what starting one requires, where the
 * TKKSD's "layak" leads (the DPRD only when the change needs it), who signs it and when, and that a
 * round counts only its own documents.
 */

const ALL_DOCS = Object.values(DOCUMENT_TYPE) as DocumentType[];
const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const OPD = "opd-dinkes";
const OPERATOR: WorkflowActor = { role: "OPERATOR_OPD", opdId: OPD };
const OTHER_OPERATOR: WorkflowActor = { role: "OPERATOR_OPD", opdId: "opd-dispar" };
const STAF: WorkflowActor = { role: "STAF_KS", opdId: null };
const KABAG: WorkflowActor = { role: "KABAG_KS", opdId: null };
const NOW = new Date("2026-06-15T03:00:00Z");
const CTX: DecideContext = { now: NOW, settings: DEFAULT_SETTINGS };
const PARTNER = { KSDD: "PEMDA", KSDPK: "SWASTA", SINERGI: "KEMENTERIAN_LEMBAGA", KSDPL: "PEMDA_LUAR_NEGERI", KSDLL: "LEMBAGA_LUAR_NEGERI" } as const;
const RUNNING = { status: "BERLAKU" as const, signedAt: d("2025-03-01"), startDate: d("2025-03-01"), endDate: d("2028-02-29") };

function snap(kind: CaseKind, stage: CaseSnapshot["stage"], over: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    kind, stage, initiator: "DAERAH", opdId: OPD, requiresDprd: false, documents: ALL_DOCS, missingFields: [],
    partner: { partnerClass: PARTNER[kind], universityStatus: null }, running: RUNNING, ...over,
  };
}
const adendum = (over: Partial<AdendumFacts> = {}): AdendumFacts => ({
  requiresDprd: false, amends: { type: "PKS", signedAt: d("2025-03-01") }, ...over,
});
const START: EventInput = { adendum: { changes: ["Penambahan kanal QRIS"], burdensPublic: false, budgetedInApbd: true } };
const SIGNING: SigningInput = {
  ourNumber: "180/031/KS/2026", partnerNumber: "BNN/ADD/07/2026", signedAt: d("2026-06-10"), signedPlace: "Sukamaju",
  signerType: "KEPALA_DAERAH", signerName: "H. Ahmad Sudrajat", signerPosition: "Bupati Sukamaju",
  partnerSignerName: "Ir. Budi Santoso", partnerSignerPosition: "Direktur Utama",
};
const sign = (over: Partial<SigningInput> = {}): EventInput => ({ signing: { ...SIGNING, ...over } });

function refusal(r: ReturnType<typeof decide>) {
  expect(r.ok, JSON.stringify(r)).toBe(false);
  return r as Extract<ReturnType<typeof decide>, { ok: false }>;
}

describe("starting an adendum (domain §5)", () => {
  it("needs at least one change, and for KSDD/KSDPK both DPRD answers — all reported at once", () => {
    for (const kind of ["KSDD", "KSDPK"] as const) {
      const r = refusal(decide(snap(kind, "PELAKSANAAN"), "mulai_adendum", OPERATOR, { adendum: { changes: ["  ", ""] } }, CTX));
      expect(r.code).toBe("ADENDUM_DATA_REQUIRED");
      expect(Object.keys(r.fields ?? {}).sort()).toEqual(["adendum.budgetedInApbd", "adendum.burdensPublic", "adendum.changes"]);
    }
  });
  it("SINERGI and the foreign jenis are not asked the DPRD questions", () => {
    for (const kind of ["SINERGI", "KSDPL", "KSDLL"] as const) {
      expect(decide(snap(kind, "PELAKSANAAN"), "mulai_adendum", STAF, { adendum: { changes: ["Penambahan objek"] } }, CTX))
        .toMatchObject({ ok: true, to: "ADENDUM_PENYUSUNAN", effects: expect.arrayContaining([{ kind: "START_ADENDUM" }]) });
    }
  });
  it("not on a naskah whose period is already over: neither offered nor accepted", () => {
    const ended = { ...RUNNING, endDate: d("2026-06-14") };
    expect(availableEvents(snap("KSDD", "PELAKSANAAN", { running: ended }), STAF, CTX).map((e) => e.event)).not.toContain("mulai_adendum");
    expect(availableEvents(snap("KSDD", "PELAKSANAAN"), STAF, CTX).map((e) => e.event)).toContain("mulai_adendum");
    expect(refusal(decide(snap("KSDD", "PELAKSANAAN", { running: ended }), "mulai_adendum", STAF, START, CTX)).message).toMatch(/sudah berakhir/);
  });
  it("refuses more than 20 changes and a change longer than 500 characters", () => {
    const many = Array.from({ length: 21 }, (_, i) => `Perubahan ${i + 1}`);
    expect(refusal(decide(snap("SINERGI", "PELAKSANAAN"), "mulai_adendum", STAF, { adendum: { changes: many } }, CTX)).fields)
      .toHaveProperty("adendum.changes");
    expect(refusal(decide(snap("SINERGI", "PELAKSANAAN"), "mulai_adendum", STAF, { adendum: { changes: ["x".repeat(501)] } }, CTX)).fields)
      .toHaveProperty("adendum.changes");
  });
  it("the OPD's operator may start one on its own OPD's cooperation only; the Kepala OPD, TKKSD, Pimpinan and Admin may not", () => {
    expect(decide(snap("KSDD", "PELAKSANAAN"), "mulai_adendum", OPERATOR, START, CTX)).toMatchObject({ ok: true });
    expect(refusal(decide(snap("KSDD", "PELAKSANAAN"), "mulai_adendum", OTHER_OPERATOR, START, CTX)).code).toBe("NOT_OWN_OPD");
    for (const role of ["KEPALA_OPD", "TKKSD", "PIMPINAN", "ADMIN"] as const) {
      expect(refusal(decide(snap("KSDD", "PELAKSANAAN"), "mulai_adendum", { role, opdId: OPD }, START, CTX)).code).toBe("ROLE_NOT_ALLOWED");
    }
  });
});

describe("the adendum's path", () => {
  it("after the TKKSD: to the DPRD only when the change adds a burden or an unbudgeted cost", () => {
    const layak = (requiresDprd: boolean) =>
      decide(snap("KSDD", "ADENDUM_KAJIAN", { adendum: adendum({ requiresDprd }) }), "layak", KABAG, {}, CTX);
    expect(layak(true)).toMatchObject({ ok: true, to: "ADENDUM_DPRD" });
    expect(layak(false)).toMatchObject({ ok: true, to: "ADENDUM_PENANDATANGANAN" });
  });
  it("each step needs its own round's document: the draft to leave drafting, the berita acara to leave the review", () => {
    const noDraft = refusal(decide(snap("KSDD", "ADENDUM_PENYUSUNAN", { adendum: adendum(), documents: [] }), "final", STAF, {}, CTX));
    expect(noDraft.missing).toEqual(["DRAF_ADENDUM"]);
    const noBa = refusal(decide(snap("KSDD", "ADENDUM_KAJIAN", { adendum: adendum(), documents: ["DRAF_ADENDUM"] }), "layak", KABAG, {}, CTX));
    expect(noBa.missing).toEqual(["BERITA_ACARA_TKKSD"]);
    const noDprd = refusal(decide(snap("KSDD", "ADENDUM_DPRD", { adendum: adendum({ requiresDprd: true }), documents: [] }), "dprd_setuju", KABAG,
      { dprd: { number: "172/Kep.3-DPRD/2026", date: d("2026-06-01") } }, CTX));
    expect(noDprd.missing).toEqual(["SURAT_PERMOHONAN_DPRD", "PERSETUJUAN_DPRD"]);
  });
  it("refusal by the TKKSD or the DPRD, or abandoning it, returns to PELAKSANAAN and closes the draft", () => {
    const reason = { note: "Perubahan tidak sejalan dengan RPJMD." };
    expect(decide(snap("KSDD", "ADENDUM_KAJIAN", { adendum: adendum() }), "tidak_layak", KABAG, reason, CTX))
      .toMatchObject({ ok: true, to: "PELAKSANAAN", effects: expect.arrayContaining([{ kind: "CLOSE_ADENDUM", status: "BATAL" }]) });
    expect(decide(snap("KSDD", "ADENDUM_DPRD", { adendum: adendum({ requiresDprd: true }) }), "dprd_tolak", KABAG,
      { ...reason, dprd: { number: "172/Kep.4-DPRD/2026", date: d("2026-06-01") } }, CTX))
      .toMatchObject({ ok: true, to: "PELAKSANAAN", effects: expect.arrayContaining([{ kind: "CLOSE_ADENDUM", status: "DITOLAK_DPRD" }]) });
    expect(refusal(decide(snap("KSDD", "ADENDUM_PENYUSUNAN", { adendum: adendum() }), "batalkan_adendum", KABAG, {}, CTX)).code)
      .toBe("REASON_REQUIRED");
    expect(refusal(decide(snap("KSDD", "ADENDUM_PENYUSUNAN", { adendum: adendum() }), "batalkan_adendum", STAF, reason, CTX)).code)
      .toBe("ROLE_NOT_ALLOWED");
  });
  it("the end of the naskah overtakes an adendum in progress, and only then", () => {
    const ended = { ...RUNNING, endDate: d("2026-06-14") };
    for (const stage of ["ADENDUM_PENYUSUNAN", "ADENDUM_KAJIAN", "ADENDUM_DPRD", "ADENDUM_PENANDATANGANAN"] as const) {
      expect(refusal(decide(snap("KSDD", stage, { adendum: adendum() }), "berakhir", KABAG, {}, CTX)).code).toBe("NOT_ENDED_YET");
      expect(availableEvents(snap("KSDD", stage, { adendum: adendum() }), KABAG, CTX).map((e) => e.event)).not.toContain("berakhir");
      expect(decide(snap("KSDD", stage, { adendum: adendum(), running: ended }), "berakhir", KABAG, {}, CTX)).toMatchObject({
        ok: true, to: "BERAKHIR",
        effects: expect.arrayContaining([{ kind: "CLOSE_ADENDUM", status: "BATAL" }, { kind: "END_AGREEMENTS", status: "BERAKHIR" }]),
      });
    }
  });
});

describe("signing the adendum", () => {
  const at = (over: Partial<CaseSnapshot> = {}) => snap("KSDPK", "ADENDUM_PENANDATANGANAN", { adendum: adendum(), ...over });
  it("with both numbers, date, place and both signatories; no period of its own is asked", () => {
    expect(decide(at(), "tandatangani", KABAG, sign(), CTX)).toMatchObject({ ok: true, to: "PELAKSANAAN", effects: expect.arrayContaining([{ kind: "SIGN_ADENDUM" }]) });
    const r = refusal(decide(at(), "tandatangani", KABAG, sign({ ourNumber: "", partnerSignerName: "" }), CTX));
    expect(Object.keys(r.fields ?? {}).sort()).toEqual(["signing.ourNumber", "signing.partnerSignerName"]);
  });
  it("never in the future, never before the naskah it amends", () => {
    expect(refusal(decide(at(), "tandatangani", KABAG, sign({ signedAt: d("2026-06-16") }), CTX)).fields).toHaveProperty("signing.signedAt");
    expect(refusal(decide(at(), "tandatangani", KABAG, sign({ signedAt: d("2025-02-28") }), CTX)).message).toMatch(/sebelum naskah yang diubahnya/);
  });
  it("a delegated official only for a PKS adendum, and only with a surat kuasa of this round", () => {
    const delegated = sign({ signerType: "PEJABAT_DIKUASAKAN", signerName: "dr. Ratna", signerPosition: "Kepala Dinas Kesehatan" });
    expect(decide(at(), "tandatangani", KABAG, delegated, CTX)).toMatchObject({ ok: true });
    const withoutKuasa = refusal(decide(at({ documents: ALL_DOCS.filter((t) => t !== "SURAT_KUASA") }), "tandatangani", KABAG, delegated, CTX));
    expect(withoutKuasa.message).toMatch(/surat kuasa/);
    const nkAdendum = refusal(decide(snap("SINERGI", "ADENDUM_PENANDATANGANAN", { adendum: adendum({ amends: { type: "NK", signedAt: d("2025-03-01") } }) }),
      "tandatangani", KABAG, delegated, CTX));
    expect(nkAdendum.code).toBe("SIGNER_NOT_ALLOWED");
  });
});

describe("an adendum round counts only its own documents", () => {
  it("outside an adendum every document counts; inside, only untied ones uploaded in an ADENDUM_* stage", () => {
    expect(inCurrentRound({ stage: "KAJIAN_TKKSD", agreementId: null }, "PELAKSANAAN")).toBe(true);
    expect(inCurrentRound({ stage: "KAJIAN_TKKSD", agreementId: null }, "ADENDUM_KAJIAN")).toBe(false);
    expect(inCurrentRound({ stage: "ADENDUM_KAJIAN", agreementId: "adendum-1" }, "ADENDUM_KAJIAN")).toBe(false);
    expect(inCurrentRound({ stage: "ADENDUM_PENYUSUNAN", agreementId: null }, "ADENDUM_KAJIAN")).toBe(true);
  });
});
