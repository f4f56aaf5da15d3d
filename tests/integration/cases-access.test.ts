import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { DomainError, STALE_MESSAGE } from "@/lib/errors";
import {
  createDraft, getCaseDetail, giveTkksdOpinion, inbox, listCases, listPartnerOptions, registerPartnerOffer, requestPartner,
  transitionCase, updateDraft,
} from "./helpers/services";
import { resetDatabase } from "./helpers/db";
import { actor, caseAt, caseRow, draftInput, expectRefused, historyOf, OPD_B, seedBase, step } from "./helpers/cases";

// Record scoping and roles: another OPD's case does not exist for an OPD user; a visible case
// acted on by the wrong role is an INVALID_TRANSITION with ROLE_NOT_ALLOWED.

beforeEach(async () => {
  await resetDatabase();
  await seedBase();
});

const db = () => getDb();

describe("record scoping", () => {
  it("an OPD user acting on another OPD's case gets NOT_FOUND, and cannot read it", async () => {
    const { id } = await createDraft(actor("operatorA"), draftInput("KSDD"));
    await expectRefused(id, () => transitionCase(actor("operatorB"), id, "ajukan", {}, 0), "NOT_FOUND");
    await expectRefused(id, () => updateDraft(actor("operatorB"), id, draftInput("KSDD", { title: "Diubah" }), 0), "NOT_FOUND");
    const e = await transitionCase(actor("kepalaB"), id, "setujui", {}, 0).catch((x: DomainError) => x);
    expect(e).toMatchObject({ code: "NOT_FOUND", message: "Usulan tidak ditemukan." });
    expect(await getCaseDetail(actor("operatorB"), id)).toBeNull();
    expect(await getCaseDetail(actor("tkksd1"), id)).toBeNull();
    expect((await listCases(actor("operatorB"))).total).toBe(0);
    expect((await caseRow(id)).title).toBe("Kerja sama KSDD peningkatan layanan kesehatan");
  });

  it("the owner OPD and Bagian KS see the case with its snapshot and available events", async () => {
    const { id } = await createDraft(actor("operatorA"), draftInput("KSDD"));
    const mine = await getCaseDetail(actor("operatorA"), id);
    expect(mine?.case.opd.shortName).toBe("Dinkes");
    expect(mine?.history.map((h) => [h.event, h.actor.fullName])).toEqual([["buat", "Rina Wulandari"]]);
    expect(mine?.available.map((a) => a.event)).toEqual(["ajukan"]);
    expect(mine?.available[0].missingDocuments).toEqual(["KAK"]);
    expect(mine?.uploadTypes).toContain("KAK");
    expect(mine?.may.edit).toBe(true);
    const ks = await getCaseDetail(actor("kabag"), id);
    expect(ks?.available).toEqual([]);
    // The screen offers Bagian KS neither an upload nor the edit button on an OPD's draft: the server refuses both.
    expect(ks?.uploadTypes).toEqual([]);
    expect(ks?.may.edit).toBe(false);
    expect(ks?.snapshot.missingFields).toEqual([]);
  });

  it("a wrong role gets INVALID_TRANSITION with ROLE_NOT_ALLOWED", async () => {
    const id = await caseAt("KSDD", "VERIFIKASI");
    await expectRefused(id, () => step(id, "staf", "lengkap", { checklistComplete: true }), "INVALID_TRANSITION", "ROLE_NOT_ALLOWED");
    await expectRefused(id, () => step(id, "pimpinan", "lengkap", { checklistComplete: true }), "INVALID_TRANSITION", "ROLE_NOT_ALLOWED");
    const draft = await createDraft(actor("operatorA"), draftInput("KSDD"));
    await expectRefused(draft.id, () => step(draft.id, "kabag", "ajukan", {}, ["KAK"]), "INVALID_TRANSITION", "ROLE_NOT_ALLOWED");
  });

  it("only an operator creates drafts, numbered KS-<year>-<0000>", async () => {
    await expect(createDraft(actor("staf"), draftInput("KSDD"))).rejects.toMatchObject({ code: "FORBIDDEN" });
    const a = await createDraft(actor("operatorA"), draftInput("KSDD"));
    const b = await createDraft(actor("operatorB"), draftInput("SINERGI"));
    // The year of the reference is the region's (WIB): at 31 December 20.00 UTC it is already 1 January in Sukamaju.
    const year = 2026;
    expect([a.code, b.code]).toEqual([`KS-${year}-0001`, `KS-${year}-0002`]);
    const newYear = await createDraft(actor("operatorA"), draftInput("KSDD"), new Date("2026-12-31T20:00:00Z"));
    expect(newYear.code).toBe("KS-2027-0001");
    expect(await db().numberSequence.findUnique({ where: { key: `case:${year}` } })).toMatchObject({ value: 2 });
    expect(await db().numberSequence.findUnique({ where: { key: "case:2027" } })).toMatchObject({ value: 1 });
    expect(await caseRow(b.id)).toMatchObject({ opdId: OPD_B, stage: "DRAF", initiator: "DAERAH", version: 0 });
  });
});

describe("drafts", () => {
  it("updateDraft recomputes requiresDprd, bumps the version and refuses a stale version", async () => {
    const { id } = await createDraft(actor("operatorA"), draftInput("KSDD"));
    await updateDraft(actor("operatorA"), id, draftInput("KSDD", { budgetedInApbd: false }), 0);
    expect(await caseRow(id)).toMatchObject({ requiresDprd: true, version: 1 });
    const stale = await updateDraft(actor("operatorA"), id, draftInput("KSDD"), 0).catch((e: DomainError) => e);
    expect(stale).toMatchObject({ code: "STALE", message: STALE_MESSAGE });
    await step(id, "operatorA", "ajukan", {}, ["KAK"]);
    const late = await updateDraft(actor("operatorA"), id, draftInput("KSDD"), 2).catch((e: DomainError) => e);
    expect(late).toMatchObject({ code: "INVALID_TRANSITION" });
  });

  it("Bagian KS registers a partner's offer with a disposisi; it goes straight to verification", async () => {
    const input = { ...draftInput("KSDPK"), opdId: OPD_B };
    await expect(registerPartnerOffer(actor("operatorA"), input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { id } = await registerPartnerOffer(actor("staf"), input);
    expect(await caseRow(id)).toMatchObject({ kind: "KSDPK", initiator: "MITRA", opdId: OPD_B, stage: "DRAF" });
    expect((await inbox(actor("staf"))).map((i) => i.id)).toContain(id);
    expect((await inbox(actor("operatorB"))).map((i) => i.id)).not.toContain(id);
    await expectRefused(id, () => step(id, "staf", "registrasi_penawaran_mitra", {}, ["STUDI_KELAYAKAN"]), "INVALID_TRANSITION", "DOCUMENTS_MISSING");
    // The edit button follows the service's rule: Bagian KS edits the partner's offer, the OPD does not.
    expect((await getCaseDetail(actor("staf"), id))?.may.edit).toBe(true);
    expect((await getCaseDetail(actor("operatorB"), id))?.may.edit).toBe(false);
    await expect(updateDraft(actor("operatorB"), id, { ...draftInput("KSDPK"), title: "Diubah OPD" }, 0)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await step(id, "staf", "registrasi_penawaran_mitra", {}, ["SURAT_PENAWARAN_MITRA"]);
    expect((await caseRow(id)).stage).toBe("VERIFIKASI");
  });

  it("an OPD's requested partner is unverified but usable by the requester only", async () => {
    const { id } = await requestPartner(actor("operatorA"), { name: "Yayasan Peduli Sehat", partnerClass: "ORMAS_LSM" });
    expect(await db().partner.findUniqueOrThrow({ where: { id } })).toMatchObject({ verified: false, createdById: "u-operatorA" });
    expect((await listPartnerOptions(actor("operatorA"))).map((p) => p.id)).toContain(id);
    expect((await listPartnerOptions(actor("operatorB"))).map((p) => p.id)).not.toContain(id);
    await createDraft(actor("operatorA"), draftInput("KSDPK", { partnerId: id }));
    await expect(createDraft(actor("operatorB"), draftInput("KSDPK", { partnerId: id }))).rejects.toMatchObject({ code: "VALIDATION" });
    const ks = await requestPartner(actor("staf"), { name: "Universitas Sukamaju", partnerClass: "PERGURUAN_TINGGI", universityStatus: "PTS" });
    expect(await db().partner.findUniqueOrThrow({ where: { id: ks.id } })).toMatchObject({ verified: true });
    await expect(requestPartner(actor("tkksd1"), { name: "X", partnerClass: "SWASTA" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("inbox and TKKSD opinions", () => {
  it("each role sees what waits for it", async () => {
    const draft = await createDraft(actor("operatorA"), draftInput("KSDD"));
    const approval = await caseAt("KSDD", "PERSETUJUAN_OPD");
    const verification = await caseAt("KSDD", "VERIFIKASI");
    const signing = await caseAt("KSDD", "PENANDATANGANAN_KB");
    const offer = await caseAt("KSDD", "PENAWARAN");
    const ids = async (k: Parameters<typeof actor>[0]) => (await inbox(actor(k))).map((i) => i.id).sort();
    expect(await ids("operatorA")).toEqual([draft.id]);
    expect(await ids("operatorB")).toEqual([]);
    expect(await ids("kepalaA")).toEqual([approval]);
    // Staf KS has nothing to record at verification (the decision is the Kabag's): not in its inbox.
    expect(await ids("staf")).toEqual([offer]);
    expect(await ids("kabag")).toEqual([verification, signing, offer].sort());
    expect(await ids("pimpinan")).toEqual([]);
    const item = (await inbox(actor("kepalaA")))[0];
    expect(item).toMatchObject({ code: expect.stringMatching(/^KS-\d{4}-\d{4}$/), opdShortName: "Dinkes", partnerName: "Pemerintah Kabupaten Sukamakmur" });
  });

  it("a TKKSD member's opinions are all kept, the latest per round counts, only during the review", async () => {
    const id = await caseAt("KSDD", "KAJIAN_TKKSD");
    await expect(giveTkksdOpinion(actor("kabag"), id, { opinion: "LAYAK", note: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(giveTkksdOpinion(actor("tkksd1"), id, { opinion: "LAYAK", note: " " })).rejects.toMatchObject({ code: "VALIDATION" });
    expect((await inbox(actor("tkksd1")))[0]).toMatchObject({ id, opinionGiven: false });
    await giveTkksdOpinion(actor("tkksd1"), id, { opinion: "PERBAIKAN", note: "Ruang lingkup terlalu luas." });
    await giveTkksdOpinion(actor("tkksd1"), id, { opinion: "LAYAK", note: "Setelah klarifikasi, layak." });
    expect((await inbox(actor("tkksd1")))[0]).toMatchObject({ id, opinionGiven: true });
    expect((await inbox(actor("tkksd2")))[0]).toMatchObject({ id, opinionGiven: false });
    // A changed opinion is a new row: the earlier one stays, with its note and time.
    let opinions = await db().tkksdOpinion.findMany({ where: { caseId: id }, orderBy: { createdAt: "asc" } });
    expect(opinions.map((o) => [o.memberId, o.round, o.opinion, o.note])).toEqual([
      ["u-tkksd1", 1, "PERBAIKAN", "Ruang lingkup terlalu luas."],
      ["u-tkksd1", 1, "LAYAK", "Setelah klarifikasi, layak."],
    ]);

    await step(id, "kabag", "perlu_perbaikan", { note: "Perbaiki ruang lingkup." }, ["BERITA_ACARA_TKKSD"]);
    await expect(giveTkksdOpinion(actor("tkksd1"), id, { opinion: "LAYAK", note: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await step(id, "operatorA", "ajukan_ulang");
    await step(id, "kabag", "lengkap", { checklistComplete: true });
    await giveTkksdOpinion(actor("tkksd1"), id, { opinion: "LAYAK", note: "Perbaikan memadai." });
    opinions = await db().tkksdOpinion.findMany({ where: { caseId: id }, orderBy: { round: "asc" } });
    expect(opinions.map((o) => o.round)).toEqual([1, 1, 2]);
    const detail = await getCaseDetail(actor("tkksd2"), id);
    expect(detail?.opinions.map((o) => [o.round, o.opinion])).toEqual([[1, "PERBAIKAN"], [1, "LAYAK"], [2, "LAYAK"]]);
    expect((await getCaseDetail(actor("operatorA"), id))?.opinions).toEqual([]);
    expect(await historyOf(id)).toHaveLength(7);
  });

  it("listCases searches code, title and partner name, case-insensitively, 25 per page", async () => {
    for (let i = 0; i < 27; i++) await createDraft(actor("operatorA"), draftInput("KSDD", { title: `Usulan nomor ${i}` }));
    await createDraft(actor("operatorA"), draftInput("KSDPK", { title: "Air bersih" }));
    const page1 = await listCases(actor("operatorA"));
    expect(page1).toMatchObject({ total: 28, pageSize: 25, totalPages: 2 });
    expect(page1.items).toHaveLength(25);
    expect((await listCases(actor("operatorA"), { page: 2 })).items).toHaveLength(3);
    expect((await listCases(actor("kabag"), { q: "tirta" })).items.map((i) => i.title)).toEqual(["Air bersih"]);
    expect((await listCases(actor("kabag"), { q: "ks-" })).total).toBe(28);
    expect((await listCases(actor("kabag"), { kind: "KSDPK" })).total).toBe(1);
    expect((await listCases(actor("kabag"), { stage: "VERIFIKASI" })).total).toBe(0);
  });
});
