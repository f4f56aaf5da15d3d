import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createDraft, getCaseDetail, listActiveKbOptions, NOW, startPksTurunan } from "./helpers/services";
import { resetDatabase } from "./helpers/db";
import {
  actor, caseAt, caseRow, d, draftInput, expectRefused, historyOf, OPD_A, OPD_B, PKS_SIGNING, seedBase, signing, step,
} from "./helpers/cases";

// Whole paths through the service (domain §4.1–§4.3): every stage in order, one history row per
// transition, the naskah rows created at signing.

beforeEach(async () => {
  await resetDatabase();
  await seedBase();
});

const db = () => getDb();
const DPRD = { number: "172/Kep.12-DPRD/2026", date: d("2026-03-10") };
const DPRD_2021 = { number: "172/Kep.03-DPRD/2021", date: d("2021-02-10") };

describe("KSDD with DPRD: DRAF → … → PELAKSANAAN → BERAKHIR → SELESAI", () => {
  it("walks every stage, creates the KB (with the DPRD decision) and the PKS, then closes", async () => {
    const { id } = await createDraft(actor("operatorA"), draftInput("KSDD", { requiresDprd: true }));
    await step(id, "operatorA", "ajukan", {}, ["KAK"]);
    await step(id, "kepalaA", "setujui", {}, ["SURAT_INISIASI"]);
    await step(id, "kabag", "lengkap", { checklistComplete: true });
    await step(id, "kabag", "layak", { note: "TKKSD merekomendasikan layak." }, ["BERITA_ACARA_TKKSD"]);
    await step(id, "staf", "mitra_setuju", {}, ["SURAT_PENAWARAN", "SURAT_JAWABAN"]);
    await step(id, "staf", "final", {}, ["DRAF_KB"]);
    // Signed back in 2021 (the clock then: THEN), so that the agreement has ended by NOW.
    const THEN = new Date("2021-03-15T03:00:00Z");
    const kbSigning = signing({ signedAt: d("2021-01-10"), startDate: d("2021-01-10"), endDate: d("2026-01-09") });
    await step(id, "kabag", "tandatangani", { signing: kbSigning }, ["KB_DITANDATANGANI"], THEN);
    expect(await db().agreement.findFirstOrThrow({ where: { caseId: id, type: "KB" } })).toMatchObject({ status: "MENUNGGU_DPRD" });
    await step(id, "kabag", "dprd_setuju", { dprd: DPRD_2021 }, ["SURAT_PERMOHONAN_DPRD", "PERSETUJUAN_DPRD"], THEN);
    await step(id, "staf", "final", {}, ["DRAF_PKS"], THEN);
    const pksSigning = { ...PKS_SIGNING, signedAt: d("2021-03-01"), startDate: d("2021-03-01"), endDate: d("2026-01-09") };
    await step(id, "kabag", "tandatangani", { signing: pksSigning }, ["PKS_DITANDATANGANI"], THEN);

    let c = await caseRow(id);
    expect(c).toMatchObject({ stage: "PELAKSANAAN", version: 10, requiresDprd: true });
    const history = await historyOf(id);
    expect(history.map((h) => h.toStage)).toEqual([
      "DRAF", "PERSETUJUAN_OPD", "VERIFIKASI", "KAJIAN_TKKSD", "PENAWARAN", "PENYUSUNAN_KB", "PENANDATANGANAN_KB",
      "PERSETUJUAN_DPRD", "PENYUSUNAN_PKS", "PENANDATANGANAN_PKS", "PELAKSANAAN",
    ]);
    expect(history.map((h) => h.event)).toEqual([
      "buat", "ajukan", "setujui", "lengkap", "layak", "mitra_setuju", "final", "tandatangani", "dprd_setuju", "final", "tandatangani",
    ]);
    for (let i = 1; i < history.length; i++) expect(history[i].fromStage).toBe(history[i - 1].toStage);

    const kb = await db().agreement.findFirstOrThrow({ where: { caseId: id, type: "KB" } });
    const pks = await db().agreement.findFirstOrThrow({ where: { caseId: id, type: "PKS" } });
    expect(kb).toMatchObject({ status: "BERLAKU", dprdDecisionNumber: DPRD_2021.number, dprdDecisionDate: DPRD_2021.date, opdId: OPD_A });
    expect(pks).toMatchObject({ status: "BERLAKU", parentId: kb.id, dprdDecisionNumber: DPRD_2021.number, startDate: d("2021-03-01") });
    expect(await db().document.count({ where: { caseId: id, locked: false } })).toBe(0);

    const detail = await getCaseDetail(actor("kabag"), id);
    expect(detail?.snapshot.running?.endDate).toEqual(d("2026-01-09"));
    // The naskah has ended: no adendum is offered any more.
    expect(detail?.available.map((a) => a.event).sort()).toEqual(["akhiri", "berakhir"]);

    await step(id, "kabag", "berakhir");
    expect((await db().agreement.findMany({ where: { caseId: id } })).map((a) => a.status)).toEqual(["BERAKHIR", "BERAKHIR"]);
    // Closing needs the laporan akhir reviewed by Bagian KS (its whole cycle: tests/integration/reports.test.ts).
    await expectRefused(id, () => step(id, "kabag", "selesai", {}, ["LAPORAN_AKHIR"]), "INVALID_TRANSITION", "FINAL_REPORT_REQUIRED");
    await db().monitoringReport.create({
      data: {
        agreementId: pks.id, caseId: id, periodStart: pks.startDate!, periodEnd: pks.endDate!, periodLabel: "Laporan Akhir", isFinal: true,
        realization: "PENUH", outputAchieved: "Seluruh ruang lingkup terlaksana.", recommendation: "LANJUTKAN", status: "DITINJAU",
        submittedById: "u-operatorA", submittedAt: NOW, reviewedById: "u-kabag", reviewedAt: NOW, rating: 4, reviewNote: "Diterima.",
      },
    });
    await step(id, "kabag", "selesai");
    c = await caseRow(id);
    expect(c.stage).toBe("SELESAI");
    expect(c.closedAt).not.toBeNull();
  });

  it("without DPRD the signed KB leads straight to the PKS", async () => {
    const id = await caseAt("KSDD", "PENANDATANGANAN_KB");
    await step(id, "kabag", "tandatangani", { signing: signing() }, ["KB_DITANDATANGANI"]);
    expect((await historyOf(id)).at(-1)).toMatchObject({ fromStage: "PENANDATANGANAN_KB", toStage: "PENYUSUNAN_PKS" });
  });
});

describe("SINERGI short path", () => {
  it("goes DRAF → … → PENYUSUNAN_NK → PENANDATANGANAN_NK → PELAKSANAAN and creates the NK and its Rencana Kerja", async () => {
    const { id } = await createDraft(actor("operatorA"), draftInput("SINERGI"));
    await step(id, "operatorA", "ajukan", {}, ["KAK"]);
    await step(id, "kepalaA", "setujui", {}, ["SURAT_INISIASI"]);
    await step(id, "kabag", "lengkap", { checklistComplete: true });
    await step(id, "kabag", "layak", {}, ["BERITA_ACARA_TKKSD"]);
    expect((await caseRow(id)).stage).toBe("PENYUSUNAN_NK");
    await expectRefused(id, () => step(id, "staf", "final", {}, ["DRAF_NK"]), "INVALID_TRANSITION", "DOCUMENTS_MISSING");
    await step(id, "staf", "final", {}, ["RENCANA_KERJA"]);
    await step(id, "kabag", "tandatangani", { signing: signing({ signedPlace: "Jakarta" }) }, ["NK_DITANDATANGANI"]);
    expect((await caseRow(id)).stage).toBe("PELAKSANAAN");
    const agreements = await db().agreement.findMany({ where: { caseId: id }, orderBy: { createdAt: "asc" } });
    expect(agreements.map((a) => a.type)).toEqual(["NK", "RK"]);
    const [nk, rk] = agreements;
    expect(nk).toMatchObject({ type: "NK", status: "BERLAKU", kind: "SINERGI", partnerId: "p-kemenkes", signedPlace: "Jakarta", parentId: null });
    expect(rk).toMatchObject({
      status: "BERLAKU", kind: "SINERGI", partnerId: "p-kemenkes", opdId: OPD_A, parentId: nk.id,
      startDate: nk.startDate, endDate: nk.endDate, title: expect.stringMatching(/^Rencana Kerja .* tentang Kerja sama SINERGI /),
    });
    expect(rk.startDate).toEqual(d("2026-02-02"));
    const linked = async (agreementId: string) =>
      (await db().document.findMany({ where: { agreementId }, select: { type: true } })).map((l) => l.type).sort();
    expect(await linked(nk.id)).toEqual(["DRAF_NK", "NK_DITANDATANGANI"]);
    expect(await linked(rk.id)).toEqual(["RENCANA_KERJA"]);
    expect((await historyOf(id)).map((h) => h.toStage)).not.toContain("PENAWARAN");
  });
});

describe("KSDPL (Permendagri 25/2020)", () => {
  it("walks the foreign chain; records the LoI; the DPRD decision recorded before the MoU ends up on the MoU", async () => {
    const { id } = await createDraft(actor("operatorA"), draftInput("KSDPL"));
    await step(id, "operatorA", "ajukan", {}, ["KAK"]);
    await step(id, "kepalaA", "setujui", {}, ["SURAT_INISIASI"]);
    await step(id, "kabag", "lengkap", { checklistComplete: true });
    await step(id, "kabag", "layak", {}, ["BERITA_ACARA_TKKSD", "DATA_POTENSI_DAERAH", "DATA_POTENSI_KERJA_SAMA", "KAJIAN_PAKAR", "RENCANA_AKSI"]);
    await expectRefused(id, () => step(id, "staf", "loi_ditandatangani", {}, ["LOI"]), "INVALID_TRANSITION", "SIGNING_DATA_REQUIRED");
    const loiSigning = signing({
      ourNumber: "180/005/KS/2026", partnerNumber: "HGS-LOI-2026-01", signedAt: d("2026-01-20"), signedPlace: "Higashiomi",
      startDate: null, endDate: null,
    });
    await step(id, "staf", "loi_ditandatangani", { signing: loiSigning });
    const loi = await db().agreement.findFirstOrThrow({ where: { caseId: id, type: "LOI" } });
    expect(loi).toMatchObject({
      status: "BERLAKU", kind: "KSDPL", partnerId: "p-sister-city", ourNumber: "180/005/KS/2026", partnerNumber: "HGS-LOI-2026-01",
      signedAt: d("2026-01-20"), signedPlace: "Higashiomi", signerType: "KEPALA_DAERAH", signerName: "H. Ahmad Sudrajat, S.H., M.Si.",
      startDate: null, endDate: null, parentId: null, title: expect.stringMatching(/^Letter of Intent antara Pemerintah .* dan Kota Higashiomi, Jepang tentang /),
    });
    expect((await db().document.findMany({ where: { agreementId: loi.id }, select: { type: true } })).map((l) => l.type)).toEqual(["LOI"]);
    expect((await historyOf(id)).at(-1)?.note).toContain("Letter of Intent ditandatangani oleh H. Ahmad Sudrajat, S.H., M.Si. (Bupati Sukamaju)");
    expect((await historyOf(id)).at(-1)?.note).toContain("di Higashiomi pada 20 Januari 2026");
    await step(id, "staf", "konsultasi_selesai", {}, ["HASIL_KONSULTASI_KEMENDAGRI"]);
    await step(id, "kabag", "dprd_setuju", { dprd: DPRD }, ["SURAT_PERMOHONAN_DPRD", "PERSETUJUAN_DPRD"]);
    await step(id, "staf", "pembahasan_selesai", {}, ["HASIL_PEMBAHASAN_INTERKEMENTERIAN"]);
    await step(id, "staf", "pusat_setuju", {}, ["PERSETUJUAN_PUSAT", "FULL_POWER"]);
    await step(id, "kabag", "tandatangani", { signing: signing() }, ["MOU_DITANDATANGANI"]);
    expect((await caseRow(id)).stage).toBe("PELAKSANAAN");
    const agreements = await db().agreement.findMany({ where: { caseId: id }, orderBy: { createdAt: "asc" } });
    expect(agreements.map((a) => a.type)).toEqual(["LOI", "MOU"]);
    // …which supersedes it (as the seed records it).
    expect(agreements[0]).toMatchObject({ id: loi.id, status: "DIGANTI" });
    // The MoU hangs under the LoI it grew from.
    expect(agreements[1]).toMatchObject({
      type: "MOU", status: "BERLAKU", dprdDecisionNumber: DPRD.number, ourNumber: "180/012/KS/2026", parentId: loi.id,
    });
    expect((await getCaseDetail(actor("kabag"), id))?.snapshot.running?.endDate).toEqual(d("2031-02-01"));
    expect((await historyOf(id)).map((h) => h.event)).toEqual([
      "buat", "ajukan", "setujui", "lengkap", "layak", "loi_ditandatangani", "konsultasi_selesai", "dprd_setuju",
      "pembahasan_selesai", "pusat_setuju", "tandatangani",
    ]);
  });
});

describe("PKS turunan", () => {
  it("starts at PENYUSUNAN_PKS under a running KB and its PKS must lie within that KB", async () => {
    const parent = await caseAt("KSDD", "PENANDATANGANAN_PKS", { requiresDprd: true });
    await step(parent, "kabag", "tandatangani", { signing: PKS_SIGNING }, ["PKS_DITANDATANGANI"]);
    const kb = await db().agreement.findFirstOrThrow({ where: { caseId: parent, type: "KB" } });
    expect((await listActiveKbOptions(actor("staf"))).map((k) => k.id)).toEqual([kb.id]);

    await expect(startPksTurunan(actor("operatorA"), kb.id, { title: "PKS Dishub", opdId: OPD_B })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { id, code } = await startPksTurunan(actor("staf"), kb.id, { title: "PKS Transportasi Rujukan", opdId: OPD_B });
    expect(code).toMatch(/^KS-\d{4}-\d{4}$/);
    const c = await caseRow(id);
    expect(c).toMatchObject({
      stage: "PENYUSUNAN_PKS", parentAgreementId: kb.id, opdId: OPD_B, kind: "KSDD", partnerId: "p-kab-tetangga", requiresDprd: true,
    });
    expect(await historyOf(id)).toMatchObject([{ fromStage: null, toStage: "PENYUSUNAN_PKS", event: "buat_pks_turunan", actorRole: "STAF_KS" }]);

    // The DPRD decided for the KB: the turunan's PKS is not held back for it.
    await step(id, "staf", "final", {}, ["DRAF_PKS"]);
    await expectRefused(
      id,
      () => step(id, "kabag", "tandatangani", { signing: { ...PKS_SIGNING, endDate: d("2031-06-30") } }, ["PKS_DITANDATANGANI"]),
      "INVALID_TRANSITION",
      "PERIOD_OUTSIDE_KB",
    );
    await step(id, "kabag", "tandatangani", { signing: { ...PKS_SIGNING, ourNumber: "180/031/KS/2026" } });
    const pks = await db().agreement.findFirstOrThrow({ where: { caseId: id } });
    expect(pks).toMatchObject({ type: "PKS", parentId: kb.id, opdId: OPD_B, ourNumber: "180/031/KS/2026", dprdDecisionNumber: "172/Kep.12-DPRD/2026" });
    expect((await caseRow(id)).stage).toBe("PELAKSANAAN");
  });

  it("is refused under a KB that is no longer in force", async () => {
    const parent = await caseAt("KSDD", "PENYUSUNAN_PKS");
    const kb = await db().agreement.findFirstOrThrow({ where: { caseId: parent, type: "KB" } });
    await db().agreement.update({ where: { id: kb.id }, data: { endDate: d("2025-12-31") } });
    await expect(startPksTurunan(actor("kabag"), kb.id, { title: "PKS baru", opdId: OPD_B })).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    await expect(startPksTurunan(actor("kabag"), "tidak-ada", { title: "PKS baru", opdId: OPD_B })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().case.count()).toBe(1);
  });
});
