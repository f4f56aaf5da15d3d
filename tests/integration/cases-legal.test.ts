import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { resetDatabase } from "./helpers/db";
import {
  actor, caseAt, caseRow, d, draftInput, expectRefused, historyOf, OPD_B, PARTNER_ASING, PARTNER_PEMDA, PARTNER_SWASTA,
  PKS_SIGNING, seedBase, signing, step, upload,
} from "./helpers/cases";
import {
  createDraft, getCaseDetail, listActiveKbOptions, registerPartnerOffer, startPksTurunan, transitionCase, updateDraft,
} from "./helpers/services";

// The legal holes reported by outside testing (issue 6 §1), attacked through the real services on
// real PostgreSQL: each attempt must be refused with the law's reason and change nothing.

const db = () => getDb();
const DPRD = { number: "172/Kep.12-DPRD/2026", date: d("2026-03-10") };

beforeEach(async () => {
  await resetDatabase();
  await seedBase();
});

/** A KSDD whose KB is signed and waits for the DPRD (the KB is not in force). */
async function kbAwaitingDprd() {
  const id = await caseAt("KSDD", "PENANDATANGANAN_KB", { requiresDprd: true });
  await step(id, "kabag", "tandatangani", { signing: signing() }, ["KB_DITANDATANGANI"]);
  const kb = await db().agreement.findFirstOrThrow({ where: { caseId: id, type: "KB" } });
  return { id, kb };
}

async function refusedTurunan(kbId: string, reason: string) {
  const casesBefore = await db().case.count();
  const historyBefore = await db().stageHistory.count();
  const e = await startPksTurunan(actor("staf"), kbId, { title: "PKS Transportasi Rujukan", opdId: OPD_B }).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(DomainError);
  expect(e).toMatchObject({ code: "INVALID_TRANSITION", reason });
  expect(await db().case.count()).toBe(casesBefore);
  expect(await db().stageHistory.count()).toBe(historyBefore);
  return e as DomainError;
}

describe("DPRD bypass through a PKS turunan", () => {
  it("a KB signed while the DPRD is needed waits for it: not in force, no PKS turunan, not offered", async () => {
    const { id, kb } = await kbAwaitingDprd();
    expect((await caseRow(id)).stage).toBe("PERSETUJUAN_DPRD");
    expect(kb.status).toBe("MENUNGGU_DPRD");
    expect(await listActiveKbOptions(actor("staf"))).toEqual([]);
    const e = await refusedTurunan(kb.id, "KB_NOT_IN_FORCE");
    expect(e.message).toContain("menunggu persetujuan DPRD");
  });

  it("a DPRD refusal ends the KB: still no PKS turunan under it", async () => {
    const { id, kb } = await kbAwaitingDprd();
    await step(id, "kabag", "dprd_tolak", { note: "DPRD menolak karena membebani APBD.", dprd: DPRD }, ["SURAT_PERMOHONAN_DPRD", "PERSETUJUAN_DPRD"]);
    expect((await caseRow(id)).stage).toBe("DITOLAK_DPRD");
    expect(await db().agreement.findUniqueOrThrow({ where: { id: kb.id } })).toMatchObject({
      status: "DITOLAK_DPRD", dprdDecisionNumber: DPRD.number,
    });
    await refusedTurunan(kb.id, "KB_NOT_IN_FORCE");
  });

  it("the DPRD approval puts the KB in force; then a PKS turunan may start", async () => {
    const { id, kb } = await kbAwaitingDprd();
    await step(id, "kabag", "dprd_setuju", { dprd: DPRD }, ["SURAT_PERMOHONAN_DPRD", "PERSETUJUAN_DPRD"]);
    expect(await db().agreement.findUniqueOrThrow({ where: { id: kb.id } })).toMatchObject({ status: "BERLAKU" });
    expect((await listActiveKbOptions(actor("staf"))).map((k) => k.id)).toEqual([kb.id]);
    const { id: turunan } = await startPksTurunan(actor("staf"), kb.id, { title: "PKS Transportasi Rujukan", opdId: OPD_B });
    expect((await caseRow(turunan)).stage).toBe("PENYUSUNAN_PKS");
  });

  it("a KB not yet started (future start date) takes no PKS turunan before its start", async () => {
    const id = await caseAt("KSDD", "PENANDATANGANAN_KB");
    await step(id, "kabag", "tandatangani", { signing: signing({ startDate: d("2026-07-01"), endDate: d("2031-06-30") }) }, ["KB_DITANDATANGANI"]);
    const kb = await db().agreement.findFirstOrThrow({ where: { caseId: id, type: "KB" } });
    const e = await refusedTurunan(kb.id, "KB_NOT_IN_FORCE");
    expect(e.message).toContain("belum berlaku (mulai berlaku 1 Juli 2026)");
    // The case's own PKS cannot be finalised either until the KB binds.
    await expectRefused(id, () => step(id, "staf", "final", {}, ["DRAF_PKS"]), "INVALID_TRANSITION", "KB_NOT_IN_FORCE");
  });

  it("a PKS turunan whose KB stops being in force is neither finalised nor signed", async () => {
    const parent = await caseAt("KSDD", "PENYUSUNAN_PKS");
    const kb = await db().agreement.findFirstOrThrow({ where: { caseId: parent, type: "KB" } });
    const { id } = await startPksTurunan(actor("staf"), kb.id, { title: "PKS Transportasi Rujukan", opdId: OPD_B });
    await step(id, "staf", "final", {}, ["DRAF_PKS"]);
    // The parent agreement is terminated meanwhile (by its own case's pengakhiran).
    await db().agreement.update({ where: { id: kb.id }, data: { status: "DIAKHIRI", terminatedAt: d("2026-05-01") } });
    await expectRefused(id, () => step(id, "kabag", "tandatangani", { signing: PKS_SIGNING }, ["PKS_DITANDATANGANI"]), "INVALID_TRANSITION", "KB_NOT_IN_FORCE");
    expect(await db().agreement.count({ where: { caseId: id } })).toBe(0);
  });
});

describe("implausible signing dates", () => {
  it("a PKS 'signed' tomorrow is refused and nothing is recorded", async () => {
    const id = await caseAt("KSDD", "PENANDATANGANAN_PKS");
    const tomorrow = signing({ ourNumber: "180/020/KS/2026", signedAt: d("2026-06-16"), startDate: d("2026-06-16"), endDate: d("2029-06-15") });
    const e = await expectRefused(id, () => step(id, "kabag", "tandatangani", { signing: tomorrow }, ["PKS_DITANDATANGANI"]), "INVALID_TRANSITION", "DATE_IMPLAUSIBLE");
    expect(e.fieldErrors?.["signing.signedAt"]).toContain("tidak boleh sesudah hari ini (15 Juni 2026)");
  });

  it("a PKS signed before its KB is refused", async () => {
    const id = await caseAt("KSDD", "PENANDATANGANAN_PKS");
    const early = signing({ signedAt: d("2026-02-01"), startDate: d("2026-02-02"), endDate: d("2029-02-01") });
    const e = await expectRefused(id, () => step(id, "kabag", "tandatangani", { signing: early }, ["PKS_DITANDATANGANI"]), "INVALID_TRANSITION", "DATE_IMPLAUSIBLE");
    expect(e.message).toContain("sebelum Kesepakatan Bersama induknya (ditandatangani 2 Februari 2026)");
  });

  it("an agreement starting in the future is 'belum berlaku' on the case page until then", async () => {
    const id = await caseAt("KSDD", "PENANDATANGANAN_PKS");
    await step(id, "kabag", "tandatangani", { signing: { ...PKS_SIGNING, startDate: d("2026-07-01"), endDate: d("2029-06-30") } }, ["PKS_DITANDATANGANI"]);
    const pks = await db().agreement.findFirstOrThrow({ where: { caseId: id, type: "PKS" } });
    const { agreementState } = await import("@/lib/agreements/state");
    const detail = await getCaseDetail(actor("kabag"), id);
    expect(agreementState(pks, detail!.today)).toBe("BELUM_BERLAKU");
    const july = await getCaseDetail(actor("kabag"), id, new Date("2026-07-01T01:00:00Z"));
    expect(agreementState(pks, july!.today)).toBe("BERLAKU");
  });
});

describe("the jenis fits the partner class, at save, submit and partner change", () => {
  it("saving a KSDD with a foreign city, a SINERGI with a private firm, or a KSDPK with a Pemda is refused", async () => {
    const attempts = [
      draftInput("KSDD", { partnerId: PARTNER_ASING }),
      draftInput("SINERGI", { partnerId: PARTNER_SWASTA }),
      draftInput("KSDPK", { partnerId: PARTNER_PEMDA }),
    ];
    for (const input of attempts) {
      const e = (await createDraft(actor("operatorA"), input).catch((x: DomainError) => x)) as DomainError;
      expect(e, input.kind).toMatchObject({ code: "VALIDATION" });
      expect(e.fieldErrors?.partnerId).toMatch(/tidak sesuai dengan jenis kerja sama/);
    }
    expect(await db().case.count()).toBe(0);
    expect(await db().stageHistory.count()).toBe(0);
    await expect(registerPartnerOffer(actor("staf"), { ...draftInput("KSDPK", { partnerId: PARTNER_PEMDA }), opdId: OPD_B }))
      .rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("changing the partner (or the jenis) of a draft to one that does not fit is refused, nothing changes", async () => {
    const { id } = await createDraft(actor("operatorA"), draftInput("KSDD"));
    const before = await caseRow(id);
    const e = await updateDraft(actor("operatorA"), id, draftInput("KSDD", { partnerId: PARTNER_ASING }), 0).catch((x: DomainError) => x);
    expect(e).toMatchObject({ code: "VALIDATION" });
    const e2 = await updateDraft(actor("operatorA"), id, draftInput("KSDPK", { partnerId: PARTNER_PEMDA }), 0).catch((x: DomainError) => x);
    expect(e2).toMatchObject({ code: "VALIDATION" });
    expect(await caseRow(id)).toEqual(before);
  });

  it("a partner whose class was changed after the draft was saved stops the submission", async () => {
    const { id } = await createDraft(actor("operatorA"), draftInput("KSDD"));
    await db().partner.update({ where: { id: PARTNER_PEMDA }, data: { partnerClass: "PEMDA_LUAR_NEGERI" } });
    await expectRefused(id, () => step(id, "operatorA", "ajukan", {}, ["KAK"]), "INVALID_TRANSITION", "PARTNER_MISMATCH");
  });

  it("a university needs its status: a PTS goes through KSDPK, a PTN satker through SINERGI", async () => {
    await db().partner.createMany({
      data: [
        { id: "p-pts", name: "STIKes Bhakti Husada", partnerClass: "PERGURUAN_TINGGI", universityStatus: "PTS" },
        { id: "p-ptn", name: "Politeknik Negeri Priangan", partnerClass: "PERGURUAN_TINGGI", universityStatus: "PTN_SATKER" },
        { id: "p-pt-unknown", name: "Universitas Tanpa Status", partnerClass: "PERGURUAN_TINGGI" },
      ],
    });
    await createDraft(actor("operatorA"), draftInput("KSDPK", { partnerId: "p-pts" }));
    await createDraft(actor("operatorA"), draftInput("SINERGI", { partnerId: "p-ptn" }));
    await expect(createDraft(actor("operatorA"), draftInput("SINERGI", { partnerId: "p-pts" }))).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(createDraft(actor("operatorA"), draftInput("KSDPK", { partnerId: "p-ptn" }))).rejects.toMatchObject({ code: "VALIDATION" });
    const e = (await createDraft(actor("operatorA"), draftInput("KSDPK", { partnerId: "p-pt-unknown" })).catch((x: DomainError) => x)) as DomainError;
    expect(e.fieldErrors?.partnerId).toMatch(/Status perguruan tinggi/);
  });
});

describe("partner-initiated KSDPK answers with a surat jawaban", () => {
  it("at the offer stage the upload choices and the service refuse the Kepala Daerah's surat penawaran", async () => {
    const { id } = await registerPartnerOffer(actor("staf"), { ...draftInput("KSDPK"), opdId: OPD_B });
    await step(id, "staf", "registrasi_penawaran_mitra", {}, ["SURAT_PENAWARAN_MITRA", "STUDI_KELAYAKAN"]);
    await step(id, "kabag", "lengkap", { checklistComplete: true });
    await step(id, "kabag", "layak", {}, ["BERITA_ACARA_TKKSD"]);
    expect((await caseRow(id)).stage).toBe("PENAWARAN");
    const detail = await getCaseDetail(actor("staf"), id);
    expect(detail?.uploadTypes).toContain("SURAT_JAWABAN");
    expect(detail?.uploadTypes).not.toContain("SURAT_PENAWARAN");
    expect([...new Set(detail?.available.flatMap((e) => e.missingDocuments))]).toEqual(["SURAT_JAWABAN"]);
    await step(id, "staf", "mitra_setuju", {}, ["SURAT_JAWABAN"]);
    expect((await caseRow(id)).stage).toBe("PENYUSUNAN_KB");
    expect((await historyOf(id)).map((h) => h.event)).toEqual(["buat", "registrasi_penawaran_mitra", "lengkap", "layak", "mitra_setuju"]);
  });
});

describe("every field error at once, named by field", () => {
  it("a signing with a missing number and a future date reports both fields in one refusal", async () => {
    const id = await caseAt("KSDD", "PENANDATANGANAN_KB");
    await upload(id, "KB_DITANDATANGANI");
    const { version } = await caseRow(id);
    const e = (await transitionCase(actor("kabag"), id, "tandatangani", { signing: signing({ ourNumber: " ", signedAt: d("2026-07-01") }) }, version)
      .catch((x: DomainError) => x)) as DomainError;
    expect(e).toBeInstanceOf(DomainError);
    expect(Object.keys(e.fieldErrors ?? {}).sort()).toEqual(["signing.ourNumber", "signing.signedAt"]);
  });
});
