import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { runDailyJob } from "@/lib/jobs/daily";
import { SYSTEM_USER_ID } from "@/lib/jobs/system-user";
import { resetDatabase } from "./helpers/db";
import {
  actor, caseAt, caseRow, d, expectRefused, historyOf, PKS_SIGNING, seedBase, step, upload,
} from "./helpers/cases";
import { getCaseDetail, giveTkksdOpinion, NOW, startPerpanjangan, transitionCase } from "./helpers/services";

// Domain §5 through the real services on real PostgreSQL: the adendum (with and without the DPRD,
// refused, abandoned, repeated), the perpanjangan, the pengakhiran, and the daily job.

const db = () => getDb();
const CHANGES = { changes: ["Penambahan lokasi layanan rujukan", "Perubahan jadwal pelaporan menjadi bulanan"] };
const NO_BURDEN = { ...CHANGES, burdensPublic: false, budgetedInApbd: true };
const BURDEN = { ...CHANGES, burdensPublic: true, budgetedInApbd: true };
const ADENDUM_SIGNING = {
  ourNumber: "180/077/KS/2026", partnerNumber: "119/088/PEM/2026", signedAt: d("2026-06-10"), signedPlace: "Sukamaju",
  signerType: "KEPALA_DAERAH" as const, signerName: "H. Ahmad Sudrajat, S.H., M.Si.", signerPosition: "Bupati Sukamaju",
  partnerSignerName: "Drs. H. Bambang Irawan", partnerSignerPosition: "Bupati Sukamakmur",
};

beforeEach(async () => {
  await resetDatabase();
  await seedBase();
});

/** A KSDD running since 1 April 2026 under its PKS (ends 31 March 2029) and KB (ends 1 February 2031). */
async function running() {
  const id = await caseAt("KSDD", "PENANDATANGANAN_PKS");
  await step(id, "kabag", "tandatangani", { signing: PKS_SIGNING }, ["PKS_DITANDATANGANI"]);
  expect((await caseRow(id)).stage).toBe("PELAKSANAAN");
  const pks = await db().agreement.findFirstOrThrow({ where: { caseId: id, type: "PKS" } });
  return { id, pks };
}

const draftAdendum = (caseId: string) => db().agreement.findFirst({ where: { caseId, type: "ADENDUM", status: "DRAF" } });

describe("adendum without the DPRD", () => {
  it("draft → TKKSD → signed: the PKS reads as version 2, the adendum has its own numbers, the round's documents are its own", async () => {
    const { id, pks } = await running();
    await step(id, "staf", "mulai_adendum", { adendum: NO_BURDEN });
    expect((await caseRow(id)).stage).toBe("ADENDUM_PENYUSUNAN");
    const draft = await draftAdendum(id);
    expect(draft).toMatchObject({ parentId: pks.id, version: 2, requiresDprd: false, title: expect.stringMatching(/^Adendum Kesatu atas Perjanjian Kerja Sama/) });
    expect(draft?.content).toMatchObject({ perubahan: CHANGES.changes, bebanMasyarakatDanDaerah: false, sudahDianggarkanApbd: true });
    expect((await historyOf(id)).at(-1)?.note).toContain("Pokok perubahan: Penambahan lokasi layanan rujukan");

    // Each step needs the adendum round's own document (the proposal's berita acara does not count).
    await expectRefused(id, () => step(id, "staf", "final"), "INVALID_TRANSITION", "DOCUMENTS_MISSING");
    await step(id, "staf", "final", {}, ["DRAF_ADENDUM"]);
    expect((await caseRow(id)).stage).toBe("ADENDUM_KAJIAN");
    const opinion = await giveTkksdOpinion(actor("tkksd1"), id, { opinion: "LAYAK", note: "Perubahan tidak menambah beban." });
    expect(await db().tkksdOpinion.findUniqueOrThrow({ where: { id: opinion.id } })).toMatchObject({ round: 2 });
    const baMissing = await expectRefused(id, () => step(id, "kabag", "layak"), "INVALID_TRANSITION", "DOCUMENTS_MISSING");
    expect(baMissing.missing).toEqual(["BERITA_ACARA_TKKSD"]);
    await step(id, "kabag", "layak", {}, ["BERITA_ACARA_TKKSD"]);
    expect((await caseRow(id)).stage).toBe("ADENDUM_PENANDATANGANAN");

    // Never signed before the PKS it amends, never without its signed text.
    await upload(id, "ADENDUM_DITANDATANGANI");
    await expectRefused(id, () => step(id, "kabag", "tandatangani", { signing: { ...ADENDUM_SIGNING, signedAt: d("2026-03-31") } }),
      "INVALID_TRANSITION", "DATE_IMPLAUSIBLE");
    await step(id, "kabag", "tandatangani", { signing: ADENDUM_SIGNING });
    expect((await caseRow(id)).stage).toBe("PELAKSANAAN");
    const signed = await db().agreement.findUniqueOrThrow({ where: { id: draft!.id } });
    expect(signed).toMatchObject({
      status: "BERLAKU", ourNumber: ADENDUM_SIGNING.ourNumber, partnerNumber: ADENDUM_SIGNING.partnerNumber,
      signedAt: ADENDUM_SIGNING.signedAt, startDate: ADENDUM_SIGNING.signedAt, endDate: pks.endDate,
      partnerSignerName: ADENDUM_SIGNING.partnerSignerName,
    });
    expect(await db().agreement.findUniqueOrThrow({ where: { id: pks.id } })).toMatchObject({ version: 2, status: "BERLAKU" });
    // The original text stays readable: the PKS document is still tied to the PKS, the round's to the adendum.
    const roundDocs = await db().document.findMany({ where: { caseId: id, stage: { in: ["ADENDUM_PENYUSUNAN", "ADENDUM_KAJIAN", "ADENDUM_PENANDATANGANAN"] } } });
    expect(roundDocs.map((x) => x.agreementId)).toEqual(roundDocs.map(() => draft!.id));
    expect(await db().document.findFirst({ where: { caseId: id, type: "PKS_DITANDATANGANI" } })).toMatchObject({ agreementId: pks.id });
    expect((await historyOf(id)).at(-1)?.note).toContain("Adendum ditandatangani");
  });

  it("a second adendum starts an empty round, is 'Adendum Kedua' and makes the PKS version 3", async () => {
    const { id, pks } = await running();
    await step(id, "staf", "mulai_adendum", { adendum: NO_BURDEN });
    await step(id, "staf", "final", {}, ["DRAF_ADENDUM"]);
    await step(id, "kabag", "layak", {}, ["BERITA_ACARA_TKKSD"]);
    await step(id, "kabag", "tandatangani", { signing: ADENDUM_SIGNING }, ["ADENDUM_DITANDATANGANI"]);

    await step(id, "operatorA", "mulai_adendum", { adendum: NO_BURDEN });
    const second = await draftAdendum(id);
    expect(second).toMatchObject({ version: 3, title: expect.stringMatching(/^Adendum Kedua/) });
    // The first adendum's draft neither satisfies this round nor makes a new draft a "correction".
    await expectRefused(id, () => step(id, "staf", "final"), "INVALID_TRANSITION", "DOCUMENTS_MISSING");
    const detail = await getCaseDetail(actor("operatorA"), id);
    expect(detail?.correctionTypes).not.toContain("DRAF_ADENDUM");
    expect(detail?.uploadTypes).toContain("DRAF_ADENDUM");
    await step(id, "staf", "final", {}, ["DRAF_ADENDUM"]);
    await step(id, "kabag", "layak", {}, ["BERITA_ACARA_TKKSD"]);
    await step(id, "kabag", "tandatangani", { signing: { ...ADENDUM_SIGNING, ourNumber: "180/091/KS/2026" } }, ["ADENDUM_DITANDATANGANI"]);
    expect(await db().agreement.findUniqueOrThrow({ where: { id: pks.id } })).toMatchObject({ version: 3 });
    expect(await db().agreement.count({ where: { caseId: id, type: "ADENDUM", status: "BERLAKU" } })).toBe(2);
  });
});

describe("adendum that needs the DPRD", () => {
  async function atDprd() {
    const { id, pks } = await running();
    await step(id, "operatorA", "mulai_adendum", { adendum: BURDEN });
    expect(await draftAdendum(id)).toMatchObject({ requiresDprd: true });
    await step(id, "staf", "final", {}, ["DRAF_ADENDUM"]);
    await step(id, "kabag", "layak", {}, ["BERITA_ACARA_TKKSD"]);
    expect((await caseRow(id)).stage).toBe("ADENDUM_DPRD");
    return { id, pks };
  }
  const DPRD = { number: "172/Kep.31-DPRD/2026", date: d("2026-06-12") };

  it("the DPRD's approval (number, date, its letters of this round) leads to the signing; the decision is kept on the adendum", async () => {
    const { id } = await atDprd();
    // The proposal round's DPRD letters do not count for the adendum.
    const missing = await expectRefused(id, () => step(id, "kabag", "dprd_setuju", { dprd: DPRD }), "INVALID_TRANSITION", "DOCUMENTS_MISSING");
    expect(missing.missing).toEqual(["SURAT_PERMOHONAN_DPRD", "PERSETUJUAN_DPRD"]);
    await step(id, "kabag", "dprd_setuju", { dprd: DPRD }, ["SURAT_PERMOHONAN_DPRD", "PERSETUJUAN_DPRD"]);
    expect((await caseRow(id)).stage).toBe("ADENDUM_PENANDATANGANAN");
    expect(await draftAdendum(id)).toMatchObject({ dprdDecisionNumber: DPRD.number, dprdDecisionDate: DPRD.date });
  });

  it("the DPRD's refusal returns to PELAKSANAAN: the adendum never binds, the PKS keeps its version", async () => {
    const { id, pks } = await atDprd();
    const adendumId = (await draftAdendum(id))!.id;
    await step(id, "kabag", "dprd_tolak", { note: "Menambah beban APBD tanpa kajian.", dprd: DPRD }, ["SURAT_PERMOHONAN_DPRD", "PERSETUJUAN_DPRD"]);
    expect(await caseRow(id)).toMatchObject({ stage: "PELAKSANAAN", lastReason: "Menambah beban APBD tanpa kajian." });
    expect(await db().agreement.findUniqueOrThrow({ where: { id: adendumId } })).toMatchObject({ status: "DITOLAK_DPRD", dprdDecisionNumber: DPRD.number });
    expect(await db().agreement.findUniqueOrThrow({ where: { id: pks.id } })).toMatchObject({ version: 1, status: "BERLAKU" });
  });
});

describe("who may start, abandon or refuse an adendum", () => {
  it("another OPD's operator cannot even see the cooperation; the Kepala OPD and Pimpinan may not start one", async () => {
    const { id } = await running();
    const { version } = await caseRow(id);
    await expectRefused(id, () => transitionCase(actor("operatorB"), id, "mulai_adendum", { adendum: NO_BURDEN }, version), "NOT_FOUND");
    await expectRefused(id, () => transitionCase(actor("kepalaA"), id, "mulai_adendum", { adendum: NO_BURDEN }, version), "INVALID_TRANSITION", "ROLE_NOT_ALLOWED");
    await expectRefused(id, () => transitionCase(actor("pimpinan"), id, "mulai_adendum", { adendum: NO_BURDEN }, version), "INVALID_TRANSITION", "ROLE_NOT_ALLOWED");
    await expectRefused(id, () => transitionCase(actor("staf"), id, "mulai_adendum", { adendum: { changes: [] } }, version), "INVALID_TRANSITION", "ADENDUM_DATA_REQUIRED");
    expect(await db().agreement.count({ where: { caseId: id, type: "ADENDUM" } })).toBe(0);
  });

  it("only the Kabag abandons it, with a reason; the draft is kept as BATAL and its documents leave the round", async () => {
    const { id } = await running();
    await step(id, "operatorA", "mulai_adendum", { adendum: NO_BURDEN }, []);
    await upload(id, "DRAF_ADENDUM");
    const { version } = await caseRow(id);
    await expectRefused(id, () => transitionCase(actor("staf"), id, "batalkan_adendum", { note: "x" }, version), "INVALID_TRANSITION", "ROLE_NOT_ALLOWED");
    await expectRefused(id, () => transitionCase(actor("kabag"), id, "batalkan_adendum", {}, version), "INVALID_TRANSITION", "REASON_REQUIRED");
    const draftId = (await draftAdendum(id))!.id;
    await step(id, "kabag", "batalkan_adendum", { note: "Para pihak sepakat tidak melanjutkan perubahan." });
    expect((await caseRow(id)).stage).toBe("PELAKSANAAN");
    expect(await db().agreement.findUniqueOrThrow({ where: { id: draftId } })).toMatchObject({ status: "BATAL" });
    expect(await db().document.findFirst({ where: { caseId: id, type: "DRAF_ADENDUM" } })).toMatchObject({ agreementId: draftId });
  });
});

describe("perpanjangan", () => {
  it("a new case at DRAF, pre-filled and linked both ways, carrying the last reviewed report; the old agreement stays in force", async () => {
    const { id, pks } = await running();
    await db().monitoringReport.create({
      data: {
        agreementId: pks.id, caseId: id, periodStart: d("2026-04-01"), periodEnd: d("2026-06-30"), periodLabel: "Triwulan II 2026",
        realization: "SEBAGIAN", outputAchieved: "120 rujukan pasien tertangani", obstacles: "Ambulans terbatas",
        recommendation: "LANJUTKAN", status: "DITINJAU", rating: 4, submittedById: "u-operatorA", reviewedById: "u-staf",
      },
    });
    const created = await startPerpanjangan(actor("operatorA"), id);
    const fresh = await caseRow(created.id);
    const old = await caseRow(id);
    expect(fresh).toMatchObject({
      stage: "DRAF", extendsCaseId: id, kind: old.kind, opdId: old.opdId, partnerId: old.partnerId, subject: old.subject,
      title: `Perpanjangan: ${old.title}`, proposedStart: d("2029-04-01"),
    });
    expect(fresh.extensionBasis).toMatchObject({
      naskah: { type: "PKS", ourNumber: PKS_SIGNING.ourNumber, endDate: "2029-03-31" },
      lastReport: { periodLabel: "Triwulan II 2026", realization: "SEBAGIAN", recommendation: "LANJUTKAN", rating: 4, reviewed: true },
    });
    expect((await historyOf(created.id))[0]).toMatchObject({ event: "buat_perpanjangan", toStage: "DRAF" });
    expect((await historyOf(created.id))[0].note).toContain("Perpanjangan dari");
    expect(await db().auditEvent.findFirst({ where: { entityId: id, action: "case.perpanjanganStarted" } })).toBeTruthy();
    expect(old.stage).toBe("PELAKSANAAN");
    expect(await db().agreement.findUniqueOrThrow({ where: { id: pks.id } })).toMatchObject({ status: "BERLAKU" });
    const detail = await getCaseDetail(actor("operatorA"), id);
    expect(detail?.case.extensions.map((e) => e.id)).toEqual([created.id]);
    expect(detail?.may.startPerpanjangan).toBe(false);
  });

  it("one at a time — also when two requests race; refused to other OPDs, the Kepala OPD, Pimpinan, and outside PELAKSANAAN", async () => {
    const { id } = await running();
    const results = await Promise.allSettled([startPerpanjangan(actor("operatorA"), id), startPerpanjangan(actor("staf"), id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failure = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failure.reason).toBeInstanceOf(DomainError);
    expect(await db().case.count({ where: { extendsCaseId: id } })).toBe(1);
    const count = await db().case.count();
    for (const [who, code] of [["operatorB", "NOT_FOUND"], ["kepalaA", "FORBIDDEN"], ["pimpinan", "FORBIDDEN"], ["staf", "CONFLICT"]] as const) {
      const e = await startPerpanjangan(actor(who), id).catch((x: unknown) => x);
      expect(e, who).toMatchObject({ code });
    }
    const early = await caseAt("KSDD", "PENYUSUNAN_PKS");
    expect(await startPerpanjangan(actor("operatorA"), early).catch((x: unknown) => x)).toMatchObject({ code: "INVALID_TRANSITION" });
    expect(await db().case.count()).toBe(count + 1);
  });
});

describe("pengakhiran", () => {
  it("needs a ground, a date not in the future and the berita acara; ends every naskah in force", async () => {
    const { id, pks } = await running();
    const termination = { ground: "WANPRESTASI", date: d("2026-06-12") };
    await expectRefused(id, () => step(id, "kabag", "akhiri", { note: "Mitra tidak memenuhi kewajiban.", termination: { ...termination, date: d("2026-06-16") } }, ["BERITA_ACARA_PENGAKHIRAN"]),
      "INVALID_TRANSITION", "DATE_IMPLAUSIBLE");
    await step(id, "kabag", "akhiri", { note: "Mitra tidak memenuhi kewajiban.", termination });
    expect(await caseRow(id)).toMatchObject({ stage: "DIAKHIRI", terminationGround: "WANPRESTASI", terminationDate: termination.date });
    expect(await db().agreement.findUniqueOrThrow({ where: { id: pks.id } })).toMatchObject({ status: "DIAKHIRI", terminatedAt: termination.date });
    expect(await db().agreement.count({ where: { caseId: id, status: "BERLAKU" } })).toBe(0);
  });
});

describe("the daily job", () => {
  const AFTER_PKS_END = new Date("2029-04-01T03:00:00Z"); // 1 April 2029, 10.00 WIB

  it("ends cooperations whose naskah have all ended, as the system account, and a second run changes nothing", async () => {
    const { id, pks } = await running();
    const inAdendum = (await running()).id;
    await step(inAdendum, "staf", "mulai_adendum", { adendum: NO_BURDEN });

    expect(await runDailyJob({ now: NOW })).toMatchObject({ casesEnded: 0, agreementsEnded: 0, skipped: [] });
    expect(await db().auditEvent.count({ where: { action: "job.daily" } })).toBe(0);

    const first = await runDailyJob({ now: AFTER_PKS_END });
    expect(first).toMatchObject({ today: "2029-04-01", casesEnded: 2, skipped: [] });
    expect(await caseRow(id)).toMatchObject({ stage: "BERAKHIR" });
    const last = (await historyOf(id)).at(-1);
    expect(last).toMatchObject({ event: "berakhir", fromStage: "PELAKSANAAN", toStage: "BERAKHIR", actorId: SYSTEM_USER_ID, actorRole: "KABAG_KS" });
    expect(await db().agreement.findUniqueOrThrow({ where: { id: pks.id } })).toMatchObject({ status: "BERAKHIR" });
    // The KB runs until 1 February 2031: it stays in force.
    expect(await db().agreement.findFirstOrThrow({ where: { caseId: id, type: "KB" } })).toMatchObject({ status: "BERLAKU" });
    // The adendum in progress never took force.
    expect(await caseRow(inAdendum)).toMatchObject({ stage: "BERAKHIR" });
    expect(await db().agreement.findFirstOrThrow({ where: { caseId: inAdendum, type: "ADENDUM" } })).toMatchObject({ status: "BATAL" });
    expect(await db().auditEvent.count({ where: { action: "job.daily" } })).toBe(1);

    const historyRows = await db().stageHistory.count();
    const snapshot = await db().agreement.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, updatedAt: true } });
    expect(await runDailyJob({ now: AFTER_PKS_END })).toMatchObject({ casesEnded: 0, agreementsEnded: 0, skipped: [] });
    expect(await db().stageHistory.count()).toBe(historyRows);
    expect(await db().agreement.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, updatedAt: true } })).toEqual(snapshot);
    expect(await db().auditEvent.count({ where: { action: "job.daily" } })).toBe(1);
  });

  it("ends a naskah whose period is over even where no case moves (a KB past its end under a case in another stage)", async () => {
    const id = await caseAt("KSDD", "PENYUSUNAN_PKS");
    const kb = await db().agreement.findFirstOrThrow({ where: { caseId: id, type: "KB" } });
    const result = await runDailyJob({ now: new Date("2031-02-02T03:00:00Z") });
    expect(result).toMatchObject({ casesEnded: 0, agreementsEnded: 1 });
    expect(await db().agreement.findUniqueOrThrow({ where: { id: kb.id } })).toMatchObject({ status: "BERAKHIR" });
    expect((await caseRow(id)).stage).toBe("PENYUSUNAN_PKS");
  });

  it("decides 'today' in the region's zone: 23.30 WIB on the last day is not yet the end", async () => {
    await running();
    expect(await runDailyJob({ now: new Date("2029-03-31T16:30:00Z") })).toMatchObject({ today: "2029-03-31", casesEnded: 0 });
    expect(await runDailyJob({ now: new Date("2029-03-31T17:30:00Z") })).toMatchObject({ today: "2029-04-01", casesEnded: 1 });
  });

  it("the system account cannot sign in, is not listed or editable, and its username is reserved", async () => {
    await runDailyJob({ now: NOW });
    const system = await db().user.findUniqueOrThrow({ where: { id: SYSTEM_USER_ID } });
    expect(system).toMatchObject({ isSystem: true, active: false, username: "sistem" });
    const { listUsers } = await import("@/lib/users/queries");
    const admin = { id: "u-admin", username: "admin", fullName: "Admin", role: "ADMIN" as const, opdId: null, opdName: null };
    expect((await listUsers(admin, {})).items.map((u) => u.id)).not.toContain(SYSTEM_USER_ID);
    const { createUser, resetPassword } = await import("@/lib/users/service");
    await expect(resetPassword(admin, SYSTEM_USER_ID, "Kata-Sandi-Baru-2026!")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createUser(admin, { username: "sistem", fullName: "Palsu", role: "KABAG_KS", password: "Kata-Sandi-Baru-2026!" }))
      .rejects.toMatchObject({ code: "VALIDATION" });
  });
});
