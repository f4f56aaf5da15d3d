import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import {
  getLastReportSummary, getReportPage, getReportTimeline, lastReportSummaries, lastReportSummary, listDueReports,
  countReportingCases, listReportingAgreements, reportingCasesWhere, reviewCycleCounts, reviewQueue,
} from "@/lib/reports/queries";
import { samplePdf } from "../support/pdf";
import { resetDatabase, testPool } from "./helpers/db";
import { actor, caseRow, expectRefused, historyOf, OPD_A, OPD_B, seedBase, step, type UserKey } from "./helpers/cases";
import {
  activeCase, attach, endedCase, FILLED, giveBack, removeAttachment, reportState, review, save, withTemporaryStorage,
} from "./helpers/reports";

// Monitoring reports (domain §6) through the services on a real PostgreSQL: periods and statuses at
// fixed dates, who may write and review, the review cycle, one report per period under concurrency,
// evidence checked by content, and the final report that gates closing a case.

withTemporaryStorage();

beforeEach(async () => {
  await resetDatabase();
  await seedBase();
});

const at = (iso: string) => new Date(iso);
/** 5 October 2026, 10.00 WIB: Triwulan II 2026 is late, Triwulan III due, Triwulan IV running. */
const OCT5 = at("2026-10-05T03:00:00Z");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const PDF = new Uint8Array(samplePdf("Laporan pelaksanaan"));

async function refusedWith(run: () => Promise<unknown>, code: string, message?: RegExp): Promise<DomainError> {
  const before = await reportState();
  const error = await run().then(() => null, (e: unknown) => e);
  expect(error, "expected a refusal").toBeInstanceOf(DomainError);
  expect((error as DomainError).code, (error as DomainError).message).toBe(code);
  if (message) expect((error as DomainError).message).toMatch(message);
  expect(await reportState(), "a refusal changes nothing").toEqual(before);
  return error as DomainError;
}

describe("periods and statuses of an agreement in force, at fixed dates", () => {
  it("lists every triwulan of the PKS from its start date with its status, the final report last", async () => {
    const id = await activeCase();
    const timeline = await getReportTimeline(actor("operatorA"), id, OCT5);
    expect(timeline?.agreement.type).toBe("PKS");
    expect(timeline?.entries.map((e) => [e.period.key, e.period.label, e.status])).toEqual([
      ["2026-04-01", "Triwulan II 2026", "TERLAMBAT"],
      ["2026-07-01", "Triwulan III 2026", "JATUH_TEMPO"],
      ["2026-10-01", "Triwulan IV 2026", "BELUM_JATUH_TEMPO"],
      ["2027-01-01", "Triwulan I 2027", "BELUM_JATUH_TEMPO"],
      ["2027-04-01", "Triwulan II 2027", "BELUM_JATUH_TEMPO"],
      ["2027-07-01", "Triwulan III 2027", "BELUM_JATUH_TEMPO"],
      ["2027-10-01", "Triwulan IV 2027", "BELUM_JATUH_TEMPO"],
      ["2028-01-01", "Triwulan I 2028", "BELUM_JATUH_TEMPO"],
      ["2028-04-01", "Triwulan II 2028", "BELUM_JATUH_TEMPO"],
      ["2028-07-01", "Triwulan III 2028", "BELUM_JATUH_TEMPO"],
      ["2028-10-01", "Triwulan IV 2028", "BELUM_JATUH_TEMPO"],
      ["2029-01-01", "Triwulan I 2029", "BELUM_JATUH_TEMPO"],
      ["akhir", "Laporan Akhir", "BELUM_JATUH_TEMPO"],
    ]);
    // The same day seen one minute before midnight WIB of 10 October and just after it.
    const before = await getReportTimeline(actor("operatorA"), id, at("2026-10-10T16:59:00Z"));
    const after = await getReportTimeline(actor("operatorA"), id, at("2026-10-10T17:01:00Z"));
    expect(before?.entries[1].status).toBe("JATUH_TEMPO");
    expect(after?.entries[1].status).toBe("TERLAMBAT");
  });

  it("follows the monev setting (semester) and its grace days", async () => {
    const id = await activeCase();
    await getDb().setting.createMany({ data: [{ key: "monevPeriod", value: "SEMESTER" }, { key: "monevGraceDays", value: 0 }] });
    const timeline = await getReportTimeline(actor("staf"), id, at("2026-07-01T03:00:00Z"));
    expect(timeline?.entries.slice(0, 2).map((e) => [e.period.label, e.status])).toEqual([
      // 1 April – 30 June is 91 of 181 days of Semester I 2026: a period of its own; late on 1 July with 0 grace days.
      ["Semester I 2026", "TERLAMBAT"],
      ["Semester II 2026", "BELUM_JATUH_TEMPO"],
    ]);
  });

  it("OPD users see only their own OPD's agreements; another OPD's is not found", async () => {
    const id = await activeCase();
    expect(await getReportTimeline(actor("operatorB"), id, OCT5)).toBeNull();
    expect(await getReportTimeline(actor("kepalaB"), id, OCT5)).toBeNull();
    expect(await getReportPage(actor("operatorB"), id, "2026-04-01", OCT5)).toBeNull();
    expect(await listDueReports(actor("operatorB"), OCT5)).toEqual([]);
    expect(await getReportTimeline(actor("tkksd1"), id, OCT5)).toBeNull();
    for (const who of ["operatorA", "kepalaA", "staf", "kabag", "pimpinan"] as const) {
      expect(await getReportTimeline(actor(who), id, OCT5), who).not.toBeNull();
    }
    const due = await listDueReports(actor("operatorA"), OCT5);
    expect(due.map((d) => [d.case.id, d.entry.period.label, d.entry.status])).toEqual([
      [id, "Triwulan II 2026", "TERLAMBAT"],
      [id, "Triwulan III 2026", "JATUH_TEMPO"],
    ]);
  });
});

describe("the OPD's operator submits each period's report", () => {
  it("saves a draft, then sends it: DIAJUKAN, audited, the agreement's last report dated, read-only afterwards", async () => {
    const id = await activeCase();
    const draft = await save(id, "2026-04-01", "draf", OCT5);
    expect(draft).toMatchObject({ status: "DRAF", version: 0 });
    // A draft does not count as reported.
    expect((await getReportTimeline(actor("operatorA"), id, OCT5))?.entries[0]).toMatchObject({ status: "TERLAMBAT", draft: true });
    // …and only the OPD sees it.
    expect((await getReportTimeline(actor("staf"), id, OCT5))?.entries[0]).toMatchObject({ report: null, draft: false });

    const sent = await save(id, "2026-04-01", "kirim", OCT5, { reportId: draft.id, version: 0, over: { realization: "PENUH" } });
    expect(sent).toMatchObject({ id: draft.id, status: "DIAJUKAN", version: 1 });
    const row = await getDb().monitoringReport.findUniqueOrThrow({ where: { id: draft.id } });
    expect(row).toMatchObject({
      caseId: id, periodLabel: "Triwulan II 2026", periodEnd: new Date("2026-06-30T00:00:00Z"), isFinal: false, realization: "PENUH",
      submittedAt: OCT5, submittedById: "u-operatorA",
    });
    expect((await getDb().agreement.findUniqueOrThrow({ where: { id: row.agreementId } })).lastReportAt).toEqual(OCT5);
    const audit = await getDb().auditEvent.findMany({ where: { entity: "MonitoringReport", entityId: draft.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["report.saveDraft", "u-operatorA"], ["report.submit", "u-operatorA"]]);
    expect((await getReportTimeline(actor("staf"), id, OCT5))?.entries[0].status).toBe("DIKIRIM");

    await refusedWith(() => save(id, "2026-04-01", "kirim", OCT5, { reportId: draft.id, version: 1 }), "VALIDATION", /sudah dikirim/);
    await refusedWith(() => save(id, "2026-04-01", "draf", OCT5, { reportId: draft.id, version: 1 }), "VALIDATION", /sudah dikirim/);
  });

  it("sends only from the period's last day, drafts only once it has begun, and knows only the agreement's periods", async () => {
    const id = await activeCase();
    await refusedWith(() => save(id, "2026-10-01", "kirim", OCT5), "VALIDATION", /dapat dikirim mulai 31 Desember 2026/);
    await refusedWith(() => save(id, "2027-01-01", "draf", OCT5), "VALIDATION", /belum dimulai/);
    await refusedWith(() => save(id, "2026-05-01", "draf", OCT5), "NOT_FOUND");
    await refusedWith(() => save(id, "akhir", "draf", OCT5), "VALIDATION", /Laporan akhir dapat disusun mulai 1 Januari 2029/);
    // The running period may be drafted ahead.
    expect(await save(id, "2026-10-01", "draf", OCT5)).toMatchObject({ status: "DRAF" });
  });

  it("another OPD's operator is refused as 'not found', other roles as 'not allowed'; nothing changes", async () => {
    const id = await activeCase();
    await refusedWith(() => save(id, "2026-04-01", "kirim", OCT5, { by: "operatorB" }), "NOT_FOUND");
    await refusedWith(() => save(id, "2026-04-01", "kirim", OCT5, { by: "kepalaB" }), "NOT_FOUND");
    for (const who of ["kepalaA", "staf", "kabag", "pimpinan"] as const) {
      await refusedWith(() => save(id, "2026-04-01", "kirim", OCT5, { by: who }), "FORBIDDEN", /tidak berwenang/);
    }
    await refusedWith(() => save(id, "2026-04-01", "kirim", OCT5, { by: "tkksd1" }), "NOT_FOUND");
    expect(await getDb().monitoringReport.count()).toBe(0);
  });

  it("a form opened before someone else's change is STALE", async () => {
    const id = await activeCase();
    const first = await save(id, "2026-04-01", "draf", OCT5);
    await save(id, "2026-04-01", "draf", OCT5, { reportId: first.id, version: 0, over: { outputAchieved: "Perubahan pertama." } });
    await refusedWith(() => save(id, "2026-04-01", "kirim", OCT5, { reportId: first.id, version: 0 }), "STALE");
    // A second "new" report of a period that already has one.
    await refusedWith(() => save(id, "2026-04-01", "draf", OCT5), "STALE");
  });

  it("one report per period even under concurrency: parallel first saves of the same period → one wins, the rest STALE", async () => {
    const id = await activeCase();
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => save(id, "2026-07-01", "kirim", OCT5, { over: { outputAchieved: `Versi ${i}` } })),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost.map((r) => (r.reason as DomainError).code)).toEqual(Array(5).fill("STALE"));
    expect(await getDb().monitoringReport.count({ where: { periodStart: new Date("2026-07-01T00:00:00Z") } })).toBe(1);
    expect(await getDb().auditEvent.count({ where: { action: "report.submit" } })).toBe(1);
  });

  it("a closed or terminated cooperation takes no more reports", async () => {
    const id = await activeCase();
    await step(id, "kabag", "akhiri", { note: "Para pihak sepakat mengakhiri.", termination: { ground: "PARA_PIHAK_SEPAKAT", date: new Date("2026-06-01T00:00:00Z") } }, ["BERITA_ACARA_PENGAKHIRAN"]);
    await refusedWith(() => save(id, "2026-04-01", "kirim", OCT5), "VALIDATION", /tidak lagi menerima laporan/);
    const timeline = await getReportTimeline(actor("kabag"), id, OCT5);
    expect(timeline?.entries.some((e) => e.period.isFinal), "no final report after a pengakhiran").toBe(false);
    expect(timeline?.may.write).toBe(false);
  });
});

describe("evidence, checked by content", () => {
  it("takes PDF/JPEG/PNG activity evidence and PDF report documents; refuses other content, other types and other OPDs", async () => {
    const id = await activeCase();
    const { id: reportId } = await save(id, "2026-04-01", "draf", OCT5);
    const photo = await attach(reportId, "BUKTI_KEGIATAN", PNG, OCT5, "operatorA", "foto kegiatan.png");
    expect(photo).toMatchObject({ reportId, caseId: id, mimeType: "image/png", stage: "PELAKSANAAN", locked: false, originalName: "foto kegiatan.png" });
    await attach(reportId, "LAPORAN_BERKALA", PDF, OCT5);

    const html = new TextEncoder().encode("<html><script>alert(1)</script></html>");
    await refusedWith(() => attach(reportId, "BUKTI_KEGIATAN", html, OCT5, "operatorA", "foto.png"), "VALIDATION", /isi berkas diperiksa/);
    await refusedWith(() => attach(reportId, "LAPORAN_BERKALA", PNG, OCT5), "VALIDATION", /harus berupa PDF/);
    await refusedWith(() => attach(reportId, "LAPORAN_AKHIR", PDF, OCT5), "VALIDATION", /Jenis bukti/);
    await refusedWith(() => attach(reportId, "KAK", PDF, OCT5), "VALIDATION", /Jenis bukti/);
    await refusedWith(() => attach(reportId, "BUKTI_KEGIATAN", PNG, OCT5, "operatorB"), "NOT_FOUND");
    await refusedWith(() => attach(reportId, "BUKTI_KEGIATAN", PNG, OCT5, "staf"), "FORBIDDEN");
    expect(await getDb().document.count({ where: { reportId, deletedAt: null } })).toBe(2);
  });

  it("evidence sent with the report is locked; evidence added to a returned report may be removed again", async () => {
    const id = await activeCase();
    const { id: reportId } = await save(id, "2026-04-01", "draf", OCT5);
    const first = await attach(reportId, "BUKTI_KEGIATAN", PNG, OCT5);
    const sent = await save(id, "2026-04-01", "kirim", OCT5, { reportId, version: 0 });
    expect((await getDb().document.findUniqueOrThrow({ where: { id: first.id } })).locked).toBe(true);
    await refusedWith(() => attach(reportId, "BUKTI_KEGIATAN", PNG, OCT5), "VALIDATION", /sudah dikirim/);

    await giveBack(reportId, sent.version, OCT5);
    await refusedWith(() => removeAttachment(reportId, first.id, OCT5), "VALIDATION", /sudah pernah dikirim/);
    const extra = await attach(reportId, "LAPORAN_BERKALA", PDF, OCT5);
    await refusedWith(() => removeAttachment(reportId, extra.id, OCT5, "operatorB"), "NOT_FOUND");
    await removeAttachment(reportId, extra.id, OCT5);
    expect(await getDb().document.findUniqueOrThrow({ where: { id: extra.id } })).toMatchObject({ deletedById: "u-operatorA" });
    expect(await getDb().auditEvent.count({ where: { action: "report.evidence.remove", entityId: reportId } })).toBe(1);
  });
});

describe("Bagian Kerja Sama reviews", () => {
  it("rates 1–5 with a note; only Staf/Kabag KS; a reviewed report is final", async () => {
    const id = await activeCase();
    const { id: reportId, version } = await save(id, "2026-04-01", "kirim", OCT5);
    await refusedWith(() => review(reportId, version, 4, OCT5, "operatorA"), "FORBIDDEN", /tidak berwenang/);
    await refusedWith(() => review(reportId, version, 4, OCT5, "kepalaA"), "FORBIDDEN", /tidak berwenang/);
    await refusedWith(() => review(reportId, version, 4, OCT5, "pimpinan"), "FORBIDDEN", /tidak berwenang/);
    await refusedWith(() => review(reportId, version, 4, OCT5, "operatorB"), "NOT_FOUND");
    await refusedWith(() => review(reportId, version, 4, OCT5, "tkksd1"), "NOT_FOUND");
    for (const rating of [0, 6, 2.5, -1, Number.NaN]) {
      const e = await refusedWith(() => review(reportId, version, rating, OCT5), "VALIDATION");
      expect(e.fieldErrors).toHaveProperty("rating");
    }
    await refusedWith(() => review(reportId, version, 4, OCT5, "kabag", "  "), "VALIDATION", /Catatan telaah/);
    await refusedWith(() => review(reportId, version + 5, 4, OCT5), "STALE");

    const reviewed = await review(reportId, version, 4, OCT5);
    expect(reviewed).toMatchObject({ status: "DITINJAU", version: version + 1 });
    expect(await getDb().monitoringReport.findUniqueOrThrow({ where: { id: reportId } })).toMatchObject({
      rating: 4, reviewNote: "Laporan lengkap dan didukung bukti.", reviewedById: "u-kabag", reviewedAt: OCT5,
    });
    await refusedWith(() => review(reportId, reviewed.version, 5, OCT5, "staf"), "VALIDATION", /sudah ditelaah/);
    await refusedWith(() => giveBack(reportId, reviewed.version, OCT5), "VALIDATION", /sudah ditelaah/);
    await refusedWith(() => save(id, "2026-04-01", "draf", OCT5, { reportId, version: reviewed.version }), "VALIDATION");
    expect((await getReportTimeline(actor("operatorA"), id, OCT5))?.entries[0].status).toBe("DITINJAU");
  });

  it("the database itself refuses a rating outside 1–5", async () => {
    const id = await activeCase();
    const { id: reportId } = await save(id, "2026-04-01", "kirim", OCT5);
    await expect(testPool().query(`UPDATE "MonitoringReport" SET rating = 7 WHERE id = $1`, [reportId])).rejects.toThrow(/rating_range/);
  });

  it("returns for revision with a reason; the OPD corrects and resends; then it is rated", async () => {
    const id = await activeCase();
    const sent = await save(id, "2026-04-01", "kirim", OCT5);
    await refusedWith(() => giveBack(sent.id, sent.version, OCT5, "staf", "Kurang."), "VALIDATION", /minimal 10 karakter/);
    await refusedWith(() => giveBack(sent.id, sent.version, OCT5, "operatorA"), "FORBIDDEN");
    const returned = await giveBack(sent.id, sent.version, OCT5);
    expect(returned).toMatchObject({ status: "DIKEMBALIKAN" });
    expect((await getReportTimeline(actor("operatorA"), id, OCT5))?.entries[0].status).toBe("DIKEMBALIKAN");
    const due = await listDueReports(actor("operatorA"), OCT5);
    expect(due[0].entry).toMatchObject({ status: "DIKEMBALIKAN" });
    expect(due[0].entry.report?.id).toBe(sent.id);
    // Not reviewable while it is back with the OPD.
    await refusedWith(() => review(sent.id, returned.version, 3, OCT5), "VALIDATION");

    const later = at("2026-10-07T03:00:00Z");
    const resent = await save(id, "2026-04-01", "kirim", later, {
      reportId: sent.id, version: returned.version, over: { outputAchieved: "Tiga kegiatan terlaksana; daftar hadir terlampir." },
    });
    expect(resent).toMatchObject({ status: "DIAJUKAN" });
    const row = await getDb().monitoringReport.findUniqueOrThrow({ where: { id: sent.id } });
    expect(row).toMatchObject({ submittedAt: later, returnReason: "Lampirkan daftar hadir dan foto kegiatan rujukan." });
    const reviewed = await review(sent.id, resent.version, 5, later, "staf");
    expect(reviewed.status).toBe("DITINJAU");
    const actions = await getDb().auditEvent.findMany({ where: { entityId: sent.id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["report.submit", "report.return", "report.resubmit", "report.review"]);
    const page = await getReportPage(actor("operatorA"), id, "2026-04-01", later);
    expect(page?.history.map((h) => h.action)).toEqual(["report.submit", "report.return", "report.resubmit", "report.review"]);
  });

  it("the review queue lists sent reports, the longest waiting first; counts per status", async () => {
    const id = await activeCase();
    const a = await save(id, "2026-07-01", "kirim", OCT5);
    const b = await save(id, "2026-04-01", "kirim", at("2026-10-04T03:00:00Z"));
    await save(id, "2026-10-01", "draf", OCT5);
    const queue = await reviewQueue(actor("staf"));
    expect(queue.items.map((r) => r.id)).toEqual([b.id, a.id]);
    expect(queue.total).toBe(2);
    expect(await reviewCycleCounts(actor("kabag"))).toEqual({ DIAJUKAN: 2, DIKEMBALIKAN: 0 });
    expect(await reviewCycleCounts(actor("operatorB"))).toEqual({ DIAJUKAN: 0, DIKEMBALIKAN: 0 });
    expect((await reviewQueue(actor("operatorB"))).total).toBe(0);
    const listed = await listReportingAgreements(actor("pimpinan"), OCT5);
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0].counts).toMatchObject({ DIKIRIM: 2, BELUM_JATUH_TEMPO: 11 });
  });
});

describe("the reporting agreements' capped count (SQL) equals a Prisma count over reportingCasesWhere()", () => {
  it("for every role, with and without an OPD filter, and stops at the cap", async () => {
    await activeCase();
    await endedCase();
    const direct = (key: UserKey, opdId?: string) => getDb().case.count({ where: reportingCasesWhere(actor(key), opdId) });
    let seen = 0;
    for (const key of ["operatorA", "kepalaA", "operatorB", "kepalaB", "staf", "kabag", "tkksd1", "pimpinan"] satisfies UserKey[]) {
      for (const opdId of [undefined, OPD_A, OPD_B]) {
        const n = await direct(key, opdId);
        seen += n;
        expect(await countReportingCases(actor(key), opdId), `${key} ${opdId ?? "all"}`).toBe(n);
      }
    }
    expect(seen).toBeGreaterThan(0);
    expect(await countReportingCases(actor("kabag"), undefined, 1)).toBe(2); // cap 1: "more than 1"
  });
});

describe("the final report gates closing the case (BERAKHIR → SELESAI)", () => {
  const close = async (id: string) => step(id, "kabag", "selesai");

  it("refuses to close without a reviewed laporan akhir and changes nothing; closes once Bagian KS reviewed it", async () => {
    const id = await endedCase();
    expect((await caseRow(id)).stage).toBe("BERAKHIR");
    const timeline = await getReportTimeline(actor("operatorA"), id, at("2026-06-15T03:00:00Z"));
    expect(timeline?.entries.at(-1)).toMatchObject({ period: { key: "akhir", label: "Laporan Akhir" }, status: "TERLAMBAT" });

    await expectRefused(id, () => close(id), "INVALID_TRANSITION", "FINAL_REPORT_REQUIRED");
    const draft = await save(id, "akhir", "draf", at("2026-06-15T03:00:00Z"));
    const e = await expectRefused(id, () => close(id), "INVALID_TRANSITION", "FINAL_REPORT_REQUIRED");
    expect(e.message).toMatch(/masih berupa draf/);
    // The laporan akhir document is part of the report.
    await refusedWith(() => save(id, "akhir", "kirim", at("2026-06-15T03:00:00Z"), { reportId: draft.id, version: 0 }), "VALIDATION", /Unggah dokumen laporan akhir/);
    const doc = await attach(draft.id, "LAPORAN_AKHIR", PDF, at("2026-06-15T03:00:00Z"), "operatorA", "laporan akhir.pdf");
    expect(doc).toMatchObject({ stage: "BERAKHIR", type: "LAPORAN_AKHIR" });
    const sent = await save(id, "akhir", "kirim", at("2026-06-15T03:00:00Z"), { reportId: draft.id, version: 0 });
    expect((await expectRefused(id, () => close(id), "INVALID_TRANSITION", "FINAL_REPORT_REQUIRED")).message).toMatch(/belum ditelaah/);
    const returned = await giveBack(sent.id, sent.version, at("2026-06-16T03:00:00Z"));
    expect((await expectRefused(id, () => close(id), "INVALID_TRANSITION", "FINAL_REPORT_REQUIRED")).message).toMatch(/dikembalikan/);
    const resent = await save(id, "akhir", "kirim", at("2026-06-17T03:00:00Z"), { reportId: sent.id, version: returned.version });
    await review(sent.id, resent.version, 4, at("2026-06-18T03:00:00Z"));

    const historyBefore = (await historyOf(id)).length;
    await close(id);
    const c = await caseRow(id);
    expect(c.stage).toBe("SELESAI");
    expect(await historyOf(id)).toHaveLength(historyBefore + 1);
    // Closed: the reports are history now.
    await refusedWith(() => save(id, "2025-10-01", "kirim", at("2026-06-20T03:00:00Z")), "VALIDATION", /tidak lagi menerima laporan/);
    const closed = await getReportTimeline(actor("pimpinan"), id, at("2026-06-20T03:00:00Z"));
    expect(closed?.entries.at(-1)?.status).toBe("DITINJAU");
  });

  it("a periodic report does not stand in for the laporan akhir", async () => {
    const id = await endedCase();
    const now = at("2026-06-15T03:00:00Z");
    const last = await save(id, "2025-10-01", "kirim", now);
    await review(last.id, last.version, 5, now);
    await expectRefused(id, () => close(id), "INVALID_TRANSITION", "FINAL_REPORT_REQUIRED");
  });
});

describe("the last reviewed report (perpanjangan, agreement page, rekap)", () => {
  it("gives realisasi, capaian, kendala and rekomendasi of the latest reviewed period, scoped to the actor", async () => {
    const id = await activeCase();
    const q2 = await save(id, "2026-04-01", "kirim", OCT5, { over: { realization: "PENUH", recommendation: "LANJUTKAN" } });
    const q3 = await save(id, "2026-07-01", "kirim", OCT5, { over: { realization: "TIDAK", recommendation: "HENTIKAN", obstacles: "Mitra tidak hadir." } });
    const { agreement } = (await getReportTimeline(actor("staf"), id, OCT5))!;
    expect(await lastReportSummary(getDb(), agreement.id)).toBeNull();
    await review(q2.id, q2.version, 4, OCT5);
    expect(await lastReportSummary(getDb(), agreement.id)).toMatchObject({ reportId: q2.id, realization: "PENUH", recommendation: "LANJUTKAN" });
    await review(q3.id, q3.version, 2, OCT5);
    expect(await lastReportSummary(getDb(), agreement.id)).toMatchObject({
      reportId: q3.id, periodLabel: "Triwulan III 2026", realization: "TIDAK", recommendation: "HENTIKAN",
      outputAchieved: FILLED.outputAchieved, obstacles: "Mitra tidak hadir.", rating: 2,
    });
    expect((await lastReportSummaries(getDb(), [agreement.id, "tidak-ada"])).size).toBe(1);
    expect(await getLastReportSummary(actor("operatorA"), agreement.id)).toMatchObject({ reportId: q3.id });
    expect(await getLastReportSummary(actor("operatorB"), agreement.id)).toBeNull();
  });
});

describe("archive agreements", () => {
  it("are reported from the period in which they were registered", async () => {
    const id = await activeCase();
    await testPool().query(`UPDATE "Case" SET "isArchive" = true, "createdAt" = '2026-08-20T02:00:00Z' WHERE id = $1`, [id]);
    const timeline = await getReportTimeline(actor("operatorA"), id, OCT5);
    expect(timeline?.entries[0].period).toMatchObject({ label: "Triwulan III 2026", index: 2 });
  });
});
