import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createDraft, transitionCase } from "./helpers/services";
import { resetDatabase } from "./helpers/db";
import {
  actor, caseAt, caseRow, d, draftInput, expectRefused, historyOf, PKS_SIGNING, seedBase, signing, step, upload,
} from "./helpers/cases";

// Every guard of domain.md §4 through transitionCase() on real PostgreSQL. Each refusal must
// leave stage, version, lastReason, history and agreements untouched (expectRefused checks it).

beforeEach(async () => {
  await resetDatabase();
  await seedBase();
});

const db = () => getDb();

describe("DRAF → PERSETUJUAN_OPD → VERIFIKASI", () => {
  it("refuses to submit an incomplete form, then without the KAK, then submits", async () => {
    const { id } = await createDraft(actor("operatorA"), draftInput("KSDD", { purpose: undefined, burdensPublic: null }));
    const e = await expectRefused(id, () => step(id, "operatorA", "ajukan"), "INVALID_TRANSITION", "FORM_INCOMPLETE");
    expect(e.message).toContain("maksud dan tujuan");
    expect(e.missing).toContain("pertanyaan DPRD: membebani masyarakat dan daerah");

    await db().case.update({ where: { id }, data: { purpose: "Meningkatkan layanan.", burdensPublic: false } });
    await expectRefused(id, () => step(id, "operatorA", "ajukan"), "INVALID_TRANSITION", "DOCUMENTS_MISSING");
    await step(id, "operatorA", "ajukan", {}, ["KAK"]);
    const c = await caseRow(id);
    expect(c.stage).toBe("PERSETUJUAN_OPD");
    expect(c.submittedAt).not.toBeNull();
  });

  it("a KSDPK also needs the studi kelayakan", async () => {
    const { id } = await createDraft(actor("operatorA"), draftInput("KSDPK"));
    const e = await expectRefused(id, () => step(id, "operatorA", "ajukan", {}, ["KAK"]), "INVALID_TRANSITION", "DOCUMENTS_MISSING");
    expect(e.missing).toEqual(["STUDI_KELAYAKAN"]);
  });

  it("the Kepala OPD approves only with the surat inisiasi, and returns only with a reason", async () => {
    const id = await caseAt("KSDD", "PERSETUJUAN_OPD");
    await expectRefused(id, () => step(id, "kepalaA", "setujui"), "INVALID_TRANSITION", "DOCUMENTS_MISSING");
    await expectRefused(id, () => step(id, "kepalaA", "kembalikan", { note: "  " }), "INVALID_TRANSITION", "REASON_REQUIRED");
    await step(id, "kepalaA", "kembalikan", { note: "Lengkapi rincian ruang lingkup." });
    const c = await caseRow(id);
    expect(c.stage).toBe("DRAF");
    expect(c.lastReason).toBe("Lengkapi rincian ruang lingkup.");
  });
});

describe("verification and the PERBAIKAN loop", () => {
  it("needs the full checklist, a reason to return, and comes back to VERIFIKASI", async () => {
    const id = await caseAt("KSDD", "VERIFIKASI");
    await expectRefused(id, () => step(id, "kabag", "lengkap", {}), "INVALID_TRANSITION", "CHECKLIST_INCOMPLETE");
    await expectRefused(id, () => step(id, "kabag", "perlu_perbaikan", {}), "INVALID_TRANSITION", "REASON_REQUIRED");

    const reason = "Surat inisiasi belum ditandatangani basah; KAK belum memuat jadwal.";
    await step(id, "kabag", "perlu_perbaikan", { note: reason });
    let c = await caseRow(id);
    expect(c.stage).toBe("PERBAIKAN");
    expect(c.lastReason).toBe(reason);
    const last = (await historyOf(id)).at(-1)!;
    expect(last).toMatchObject({ fromStage: "VERIFIKASI", toStage: "PERBAIKAN", event: "perlu_perbaikan", note: reason, actorRole: "KABAG_KS" });

    await step(id, "operatorA", "ajukan_ulang", {}, ["KAK"]);
    c = await caseRow(id);
    expect(c.stage).toBe("VERIFIKASI");
    expect((await historyOf(id)).map((h) => h.toStage)).toEqual(["DRAF", "PERSETUJUAN_OPD", "VERIFIKASI", "PERBAIKAN", "VERIFIKASI"]);
  });
});

describe("TKKSD and the offer", () => {
  it("layak needs the berita acara; tidak layak needs a reason and closes the case as DITOLAK", async () => {
    const id = await caseAt("KSDD", "KAJIAN_TKKSD");
    await expectRefused(id, () => step(id, "kabag", "layak"), "INVALID_TRANSITION", "DOCUMENTS_MISSING");
    await expectRefused(id, () => step(id, "kabag", "tidak_layak", {}, ["BERITA_ACARA_TKKSD"]), "INVALID_TRANSITION", "REASON_REQUIRED");
    await step(id, "kabag", "tidak_layak", { note: "Objek kerja sama tumpang tindih dengan program provinsi." });
    const c = await caseRow(id);
    expect(c.stage).toBe("DITOLAK");
    expect(c.closedAt).not.toBeNull();
    expect(c.lastReason).toContain("tumpang tindih");
  });

  it("the partner's agreement needs the surat penawaran and the surat jawaban", async () => {
    const id = await caseAt("KSDD", "PENAWARAN");
    const e = await expectRefused(id, () => step(id, "staf", "mitra_setuju", {}, ["SURAT_PENAWARAN"]), "INVALID_TRANSITION", "DOCUMENTS_MISSING");
    expect(e.missing).toEqual(["SURAT_JAWABAN"]);
  });
});

describe("Kesepakatan Bersama and the DPRD", () => {
  it("the KB is signed by the Kepala Daerah with both numbers, date and place on the Agreement row", async () => {
    const id = await caseAt("KSDD", "PENANDATANGANAN_KB");
    await upload(id, "KB_DITANDATANGANI");
    await expectRefused(id, () => step(id, "kabag", "tandatangani", { signing: signing({ partnerNumber: "" }) }), "INVALID_TRANSITION", "SIGNING_DATA_REQUIRED");
    const e = await expectRefused(
      id,
      () => step(id, "kabag", "tandatangani", { signing: signing({ signerType: "PEJABAT_DIKUASAKAN", signerName: "Kepala Dinas" }) }),
      "INVALID_TRANSITION",
      "SIGNER_NOT_ALLOWED",
    );
    expect(e.message).toContain("Bupati");
    await step(id, "kabag", "tandatangani", { signing: signing() });
    const kb = await db().agreement.findFirstOrThrow({ where: { caseId: id, type: "KB" } });
    expect(kb).toMatchObject({
      ourNumber: "180/012/KS/2026", partnerNumber: "119/045/PEM/2026", signedAt: d("2026-02-02"), signedPlace: "Sukamaju",
      signerType: "KEPALA_DAERAH", status: "BERLAKU", startDate: d("2026-02-02"), endDate: d("2031-02-01"), kind: "KSDD",
    });
    const signed = await db().document.findFirstOrThrow({ where: { caseId: id, type: "KB_DITANDATANGANI" } });
    expect(signed.agreementId).toBe(kb.id);
    expect((await caseRow(id)).stage).toBe("PENYUSUNAN_PKS");
  });

  it("perluDprd goes to PERSETUJUAN_DPRD; no PKS without the DPRD decision and its document", async () => {
    const id = await caseAt("KSDD", "PENANDATANGANAN_KB", { requiresDprd: true });
    expect((await caseRow(id)).requiresDprd).toBe(true);
    await step(id, "kabag", "tandatangani", { signing: signing() }, ["KB_DITANDATANGANI"]);
    expect((await caseRow(id)).stage).toBe("PERSETUJUAN_DPRD");

    await upload(id, "SURAT_PERMOHONAN_DPRD");
    const dprd = { number: "172/Kep.12-DPRD/2026", date: d("2026-03-10") };
    await expectRefused(id, () => step(id, "kabag", "dprd_setuju", { dprd: { number: "" } }), "INVALID_TRANSITION", "DPRD_DECISION_DATA_REQUIRED");
    await expectRefused(id, () => step(id, "kabag", "dprd_setuju", { dprd }), "INVALID_TRANSITION", "DOCUMENTS_MISSING");
    await step(id, "kabag", "dprd_setuju", { dprd }, ["PERSETUJUAN_DPRD"]);
    expect((await caseRow(id)).stage).toBe("PENYUSUNAN_PKS");
    const kb = await db().agreement.findFirstOrThrow({ where: { caseId: id, type: "KB" } });
    expect(kb).toMatchObject({ dprdDecisionNumber: dprd.number, dprdDecisionDate: dprd.date });
    expect((await historyOf(id)).at(-1)!.note).toContain("172/Kep.12-DPRD/2026");
  });

  it("a case needing the DPRD whose decision document disappeared cannot finalise its PKS", async () => {
    const id = await caseAt("KSDD", "PENYUSUNAN_PKS", { requiresDprd: true });
    await db().document.updateMany({ where: { caseId: id, type: "PERSETUJUAN_DPRD" }, data: { deletedAt: new Date() } });
    await expectRefused(id, () => step(id, "staf", "final", {}, ["DRAF_PKS"]), "INVALID_TRANSITION", "DPRD_DECISION_REQUIRED");
  });

  it("DPRD refusal needs a reason and ends the case as DITOLAK_DPRD", async () => {
    const id = await caseAt("KSDD", "PERSETUJUAN_DPRD", { requiresDprd: true });
    const dprd = { number: "172/Kep.13-DPRD/2026", date: d("2026-03-12") };
    await upload(id, "SURAT_PERMOHONAN_DPRD");
    await upload(id, "PERSETUJUAN_DPRD");
    await expectRefused(id, () => step(id, "kabag", "dprd_tolak", { dprd }), "INVALID_TRANSITION", "REASON_REQUIRED");
    await step(id, "kabag", "dprd_tolak", { dprd, note: "DPRD menilai pembiayaan belum jelas." });
    const c = await caseRow(id);
    expect(c).toMatchObject({ stage: "DITOLAK_DPRD", lastReason: "DPRD menilai pembiayaan belum jelas." });
    expect((await historyOf(id)).at(-1)!.note).toContain("DPRD menilai pembiayaan belum jelas.");
  });
});

describe("Perjanjian Kerja Sama", () => {
  it("a PKS signed by an official needs the uploaded surat kuasa, which the agreement then links", async () => {
    const id = await caseAt("KSDD", "PENANDATANGANAN_PKS");
    await upload(id, "PKS_DITANDATANGANI");
    const byOfficial = { ...PKS_SIGNING, signerType: "PEJABAT_DIKUASAKAN" as const, signerName: "dr. Hendra Gunawan, M.Kes.", signerPosition: "Kepala Dinas Kesehatan" };
    await expectRefused(id, () => step(id, "kabag", "tandatangani", { signing: byOfficial }), "INVALID_TRANSITION", "POWER_OF_ATTORNEY_REQUIRED");
    await expectRefused(id, () => step(id, "kabag", "tandatangani", { signing: { ...byOfficial, signerPosition: "" } }), "INVALID_TRANSITION", "SIGNING_DATA_REQUIRED");
    await upload(id, "SURAT_KUASA");
    const kuasa = await upload(id, "SURAT_KUASA");
    await step(id, "kabag", "tandatangani", { signing: byOfficial });
    const pks = await db().agreement.findFirstOrThrow({ where: { caseId: id, type: "PKS" } });
    const kb = await db().agreement.findFirstOrThrow({ where: { caseId: id, type: "KB" } });
    expect(pks).toMatchObject({
      powerOfAttorneyDocumentId: kuasa.id, signerType: "PEJABAT_DIKUASAKAN", signerPosition: "Kepala Dinas Kesehatan",
      ourNumber: "180/020/KS/2026", partnerNumber: "119/051/PEM/2026", signedAt: d("2026-04-01"), signedPlace: "Sukamaju",
      parentId: kb.id, status: "BERLAKU", opdId: "opd-dinkes", partnerId: "p-kab-tetangga", fundingSource: "APBD",
    });
    expect(pks.fundingAmount?.toString()).toBe("1500000000");
    expect((await caseRow(id)).stage).toBe("PELAKSANAAN");
  });

  it("the PKS period must lie within the KB period", async () => {
    const id = await caseAt("KSDD", "PENANDATANGANAN_PKS");
    await upload(id, "PKS_DITANDATANGANI");
    const early = { ...PKS_SIGNING, startDate: d("2026-01-15") };
    const late = { ...PKS_SIGNING, endDate: d("2031-02-02") };
    await expectRefused(id, () => step(id, "kabag", "tandatangani", { signing: early }), "INVALID_TRANSITION", "PERIOD_OUTSIDE_KB");
    await expectRefused(id, () => step(id, "kabag", "tandatangani", { signing: late }), "INVALID_TRANSITION", "PERIOD_OUTSIDE_KB");
    await step(id, "kabag", "tandatangani", { signing: { ...PKS_SIGNING, endDate: d("2031-02-01") } });
    expect((await caseRow(id)).stage).toBe("PELAKSANAAN");
  });

  it("the PKS lasts at most five years unless a legal basis is cited", async () => {
    const id = await caseAt("KSDD", "PENYUSUNAN_PKS");
    // A ten-year KB leaves room for a long PKS: the five-year rule is what stops it.
    await db().agreement.updateMany({ where: { caseId: id, type: "KB" }, data: { endDate: d("2036-02-01") } });
    await step(id, "staf", "final", {}, ["DRAF_PKS"]);
    await upload(id, "PKS_DITANDATANGANI");
    const long = { ...PKS_SIGNING, startDate: d("2026-04-01"), endDate: d("2031-04-01") };
    const e = await expectRefused(id, () => step(id, "kabag", "tandatangani", { signing: long }), "INVALID_TRANSITION", "DURATION_EXCEEDED");
    expect(e.message).toContain("5 tahun");
    const basis = "Pasal 19 ayat (3) PP 28/2018: jangka waktu disesuaikan dengan pengembalian investasi.";
    await step(id, "kabag", "tandatangani", { signing: { ...long, durationOverrideBasis: basis } });
    const c = await caseRow(id);
    expect(c).toMatchObject({ stage: "PELAKSANAAN", durationOverrideBasis: basis });
  });
});

describe("foreign cooperation (KSDPL/KSDLL)", () => {
  it("the MoU cannot be signed until the DPRD approval, the central approval and the full power exist", async () => {
    const { id } = await createDraft(actor("operatorA"), draftInput("KSDPL"));
    await db().case.update({ where: { id }, data: { stage: "PENANDATANGANAN_MOU", requiresDprd: true } });
    await upload(id, "MOU_DITANDATANGANI");
    const mou = { signing: signing({ signedPlace: "Higashiomi" }) };
    const first = await expectRefused(id, () => step(id, "kabag", "tandatangani", mou), "INVALID_TRANSITION", "CENTRAL_APPROVAL_REQUIRED");
    expect(first.missing).toEqual(["PERSETUJUAN_DPRD", "PERSETUJUAN_PUSAT", "FULL_POWER"]);
    await upload(id, "PERSETUJUAN_DPRD", { stage: "PERSETUJUAN_DPRD" });
    await upload(id, "PERSETUJUAN_PUSAT", { stage: "PERSETUJUAN_PUSAT" });
    const second = await expectRefused(id, () => step(id, "kabag", "tandatangani", mou), "INVALID_TRANSITION", "CENTRAL_APPROVAL_REQUIRED");
    expect(second.missing).toEqual(["FULL_POWER"]);
    await upload(id, "FULL_POWER", { stage: "PERSETUJUAN_PUSAT" });
    await expectRefused(id, () => step(id, "kabag", "tandatangani", { signing: signing({ signerType: "PEJABAT_DIKUASAKAN" }) }), "INVALID_TRANSITION", "SIGNER_NOT_ALLOWED");
    await step(id, "kabag", "tandatangani", mou);
    expect((await caseRow(id)).stage).toBe("PELAKSANAAN");
    expect(await db().agreement.findFirstOrThrow({ where: { caseId: id } })).toMatchObject({ type: "MOU", status: "BERLAKU", signedPlace: "Higashiomi" });
  });

  it("a KSDPL always needs the DPRD, whatever the answers", async () => {
    const { id } = await createDraft(actor("operatorA"), draftInput("KSDPL", { burdensPublic: false, budgetedInApbd: true }));
    expect((await caseRow(id)).requiresDprd).toBe(true);
    const { id: sinergi } = await createDraft(actor("operatorA"), draftInput("SINERGI", { burdensPublic: true }));
    expect((await caseRow(sinergi)).requiresDprd).toBe(false);
  });
});

describe("closure", () => {
  it("pengakhiran needs a reason, ground, date and berita acara; agreements become DIAKHIRI", async () => {
    const id = await caseAt("KSDD", "PENANDATANGANAN_PKS");
    await step(id, "kabag", "tandatangani", { signing: PKS_SIGNING }, ["PKS_DITANDATANGANI"]);
    const termination = { ground: "WANPRESTASI", date: d("2026-06-01") };
    await expectRefused(id, () => step(id, "kabag", "akhiri", { termination }), "INVALID_TRANSITION", "REASON_REQUIRED");
    await expectRefused(id, () => step(id, "kabag", "akhiri", { note: "Mitra wanprestasi." }, ["BERITA_ACARA_PENGAKHIRAN"]), "INVALID_TRANSITION", "TERMINATION_DATA_REQUIRED");
    await expectRefused(id, () => step(id, "kabag", "berakhir"), "INVALID_TRANSITION", "NOT_ENDED_YET");
    await step(id, "kabag", "akhiri", { note: "Mitra wanprestasi.", termination });
    const c = await caseRow(id);
    expect(c).toMatchObject({ stage: "DIAKHIRI", terminationGround: "WANPRESTASI", terminationDate: termination.date, lastReason: "Mitra wanprestasi." });
    const agreements = await db().agreement.findMany({ where: { caseId: id } });
    expect(agreements.map((a) => [a.type, a.status, a.terminationGround])).toEqual(
      expect.arrayContaining([["KB", "DIAKHIRI", "WANPRESTASI"], ["PKS", "DIAKHIRI", "WANPRESTASI"]]),
    );
  });

  it("an unknown event is refused without change", async () => {
    const id = await caseAt("KSDD", "VERIFIKASI");
    const { version } = await caseRow(id);
    await expectRefused(id, () => transitionCase(actor("kabag"), id, "lompat_ke_pks", {}, version), "INVALID_TRANSITION", "UNKNOWN_EVENT");
    await expectRefused(id, () => transitionCase(actor("kabag"), id, "tandatangani", {}, version), "INVALID_TRANSITION", "NOT_AVAILABLE");
  });
});
