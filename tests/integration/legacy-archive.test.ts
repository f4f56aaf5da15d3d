import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { registerArchive } from "@/lib/legacy/register";
import type { ArchiveFormInput, NaskahInput } from "@/lib/legacy/schema";
import { stageArchiveFile } from "@/lib/legacy/staged-upload";
import { samplePdf } from "../support/pdf";
import { resetDatabase } from "./helpers/db";
import { actor, d, OPD_A, PARTNER_ASING, PARTNER_KL, PARTNER_PEMDA, PARTNER_SWASTA, seedBase, type UserKey } from "./helpers/cases";
import { NOW } from "./helpers/services";

// Kerja Sama Arsip (domain §5) through the real service on real PostgreSQL: only Bagian Kerja Sama
// registers, the signing forms' legal checks apply, the history says it came from the archive, and
// every refusal leaves every table as it was.

const db = () => getDb();
let storageDir = "";
const previousStorageDir = process.env.STORAGE_DIR;

beforeAll(async () => {
  storageDir = await mkdtemp(path.join(tmpdir(), "sikerda-arsip-"));
  process.env.STORAGE_DIR = storageDir;
});

afterAll(async () => {
  if (previousStorageDir === undefined) delete process.env.STORAGE_DIR;
  else process.env.STORAGE_DIR = previousStorageDir;
  await rm(storageDir, { recursive: true, force: true });
});

beforeEach(async () => {
  await resetDatabase();
  await seedBase();
});

async function stage(who: UserKey = "staf", title = "naskah"): Promise<string> {
  const bytes = samplePdf(`Naskah arsip ${title}`);
  const { token } = await stageArchiveFile(actor(who), {
    stream: (async function* () { yield new Uint8Array(bytes); })(), originalName: `${title}.pdf`, declaredSize: bytes.byteLength, now: NOW,
  });
  return token;
}

const naskah = (over: Partial<NaskahInput> = {}): NaskahInput => ({
  ourNumber: "180/044/KS/2024", partnerNumber: "119/201/PEM/2024", signedAt: d("2024-03-04"), signedPlace: "Sukamaju",
  signerType: "KEPALA_DAERAH", signerName: "H. Ahmad Sudrajat, S.H., M.Si.", signerPosition: "Bupati Sukamaju",
  partnerSignerName: "Drs. H. Bambang Irawan", partnerSignerPosition: "Bupati Sukamakmur",
  startDate: d("2024-03-04"), endDate: d("2027-03-03"), ...over,
});

const kb = (over: Partial<NaskahInput> = {}) =>
  naskah({ ourNumber: "180/012/KS/2024", partnerNumber: "119/045/PEM/2024", signedAt: d("2024-02-01"), startDate: d("2024-02-01"), endDate: d("2029-01-31"), ...over });

async function ksddInput(over: Partial<ArchiveFormInput> = {}, who: UserKey = "staf"): Promise<ArchiveFormInput> {
  return {
    kind: "KSDD", ksddNature: "WAJIB", title: "Penanganan Sampah Regional Wilayah Perbatasan", partnerId: PARTNER_PEMDA, opdId: OPD_A,
    subject: "Pengelolaan TPA regional", governmentAffair: "Lingkungan Hidup", scope: "Pengangkutan sampah",
    fundingSource: "APBD", fundingAmount: "750000000", fundingYear: 2024, requiresDprd: false,
    induk: kb(), naskah: naskah(), fileInduk: await stage(who, "kb"), fileNaskah: await stage(who, "pks"), ...over,
  };
}

const register = (who: UserKey, input: ArchiveFormInput, now = NOW) => registerArchive({ actor: actor(who) as CurrentUser, now, input });

async function counts() {
  const [cases, agreements, history, documents, audit] = await Promise.all([
    db().case.count(), db().agreement.count(), db().stageHistory.count(), db().document.count(), db().auditEvent.count(),
  ]);
  return { cases, agreements, history, documents, audit };
}

async function refused(who: UserKey, input: ArchiveFormInput, code: string): Promise<DomainError> {
  const before = await counts();
  const e = await register(who, input).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(DomainError);
  expect((e as DomainError).code).toBe(code);
  expect(await counts()).toEqual(before);
  return e as DomainError;
}

describe("Kerja Sama Arsip: registration", () => {
  it("Bagian KS registers a signed KSDD directly in force: case PELAKSANAAN, KB and PKS in force, PDFs locked, history from the archive", async () => {
    const { id, code, stage: at } = await register("staf", await ksddInput());
    expect(at).toBe("PELAKSANAAN");
    expect(code).toMatch(/^KS-2026-\d{4}$/);
    const c = await db().case.findUniqueOrThrow({ where: { id } });
    expect(c).toMatchObject({ stage: "PELAKSANAAN", isArchive: true, kind: "KSDD", opdId: OPD_A, requiresDprd: false, createdById: "u-staf" });
    const agreements = await db().agreement.findMany({ where: { caseId: id }, orderBy: { createdAt: "asc" } });
    const kbRow = agreements.find((a) => a.type === "KB")!;
    const pks = agreements.find((a) => a.type === "PKS")!;
    expect(kbRow).toMatchObject({ status: "BERLAKU", ourNumber: "180/012/KS/2024", partnerNumber: "119/045/PEM/2024", signerType: "KEPALA_DAERAH" });
    expect(pks).toMatchObject({ status: "BERLAKU", parentId: kbRow.id, ourNumber: "180/044/KS/2024", partnerSignerName: "Drs. H. Bambang Irawan" });
    const docs = await db().document.findMany({ where: { caseId: id } });
    expect(docs.map((x) => [x.type, x.locked, x.agreementId]).sort()).toEqual(
      [["KB_DITANDATANGANI", true, kbRow.id], ["PKS_DITANDATANGANI", true, pks.id]].sort(),
    );
    const history = await db().stageHistory.findMany({ where: { caseId: id } });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ fromStage: null, toStage: "PELAKSANAAN", event: "registrasi_arsip", actorId: "u-staf", actorRole: "STAF_KS" });
    expect(history[0].note).toContain("Didaftarkan dari arsip");
    expect(history[0].note).toContain("180/044/KS/2024");
    expect(await db().auditEvent.count({ where: { action: "legacy.register", entityId: id } })).toBe(1);
  });

  it("an agreement whose period has ended enters at BERAKHIR (final report still due), its naskah BERAKHIR, two history rows", async () => {
    const input = await ksddInput({ induk: kb({ endDate: d("2025-12-31") }), naskah: naskah({ endDate: d("2025-06-30") }) }, "kabag");
    const { id, stage: at } = await register("kabag", input);
    expect(at).toBe("BERAKHIR");
    expect((await db().case.findUniqueOrThrow({ where: { id } })).stage).toBe("BERAKHIR");
    expect((await db().agreement.findMany({ where: { caseId: id } })).map((a) => a.status)).toEqual(["BERAKHIR", "BERAKHIR"]);
    const history = await db().stageHistory.findMany({ where: { caseId: id }, orderBy: { id: "asc" } });
    expect(history.map((h) => [h.fromStage, h.toStage, h.actorId])).toEqual([[null, "PELAKSANAAN", "u-kabag"], ["PELAKSANAAN", "BERAKHIR", "u-kabag"]]);
  });

  it("a PKS whose KB still runs but which itself has not started yet is PELAKSANAAN (shown 'belum berlaku')", async () => {
    const { id } = await register("staf", await ksddInput({ naskah: naskah({ signedAt: d("2026-06-01"), startDate: d("2026-07-01"), endDate: d("2028-06-30") }) }));
    expect((await db().case.findUniqueOrThrow({ where: { id } })).stage).toBe("PELAKSANAAN");
  });

  it.each<UserKey>(["operatorA", "kepalaA", "tkksd1", "pimpinan"])("%s may not register: refused, nothing changed", async (who) => {
    const e = await refused(who, await ksddInput(), "FORBIDDEN");
    expect(e.message).toMatch(/Hanya Bagian Kerja Sama/);
  });

  it("OPD users cannot even upload the PDF for it", async () => {
    await expect(stage("operatorA")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a file reference is bound to its uploader and to an existing object", async () => {
    const foreign = await stage("kabag");
    const e = await refused("staf", await ksddInput({ fileNaskah: foreign }), "VALIDATION");
    expect(e.fieldErrors?.fileNaskah).toMatch(/kedaluwarsa atau tidak sah/);
    const forged = await refused("staf", await ksddInput({ fileInduk: `${(await stage()).slice(0, -4)}AAAA` }), "VALIDATION");
    expect(forged.fieldErrors?.fileInduk).toBeTruthy();
  });

  it("the signed PDFs are required", async () => {
    const e = await refused("staf", await ksddInput({ fileInduk: undefined, fileNaskah: undefined }), "VALIDATION");
    expect(Object.keys(e.fieldErrors ?? {}).sort()).toEqual(["fileInduk", "fileNaskah"]);
  });
});

describe("Kerja Sama Arsip: the signing forms' legal checks", () => {
  it("signing dates in the future, a PKS before its KB and outside the KB's period: all refused at once", async () => {
    const e = await refused("staf", await ksddInput({
      induk: kb({ signedAt: d("2026-06-16") }),
      naskah: naskah({ signedAt: d("2024-01-15"), startDate: d("2024-01-15"), endDate: d("2029-06-30") }),
    }), "VALIDATION");
    expect(e.fieldErrors?.["induk.signedAt"]).toMatch(/tidak boleh sesudah hari ini/);
    expect(e.fieldErrors?.["naskah.signedAt"]).toMatch(/sebelum Kesepakatan Bersama/);
    expect(e.fieldErrors?.["naskah.startDate"]).toMatch(/dalam jangka waktu KB/);
    expect(e.fieldErrors?.["naskah.endDate"]).toMatch(/dalam jangka waktu KB/);
  });

  it("a PKS longer than 5 years needs its legal basis", async () => {
    const long = { induk: kb({ endDate: d("2034-01-31") }), naskah: naskah({ endDate: d("2030-03-31") }) };
    const e = await refused("staf", await ksddInput(long), "VALIDATION");
    expect(e.fieldErrors?.["naskah.durationOverrideBasis"]).toMatch(/melebihi 5 tahun/);
    const ok = await register("staf", await ksddInput({ ...long, naskah: { ...long.naskah, durationOverrideBasis: "Pasal 28 PP 28/2018 (investasi)" } }));
    expect((await db().case.findUniqueOrThrow({ where: { id: ok.id } })).durationOverrideBasis).toContain("PP 28/2018");
  });

  it("a PKS signed by an official needs the surat kuasa, as at a normal PKS signing", async () => {
    const delegated = naskah({ signerType: "PEJABAT_DIKUASAKAN", signerName: "dr. Hendra Gunawan", signerPosition: "Kepala Dinas Kesehatan" });
    const e = await refused("staf", await ksddInput({ naskah: delegated }), "VALIDATION");
    expect(e.message).toMatch(/surat kuasa/);
    const { id } = await register("staf", await ksddInput({ naskah: delegated, fileKuasa: await stage("staf", "kuasa") }));
    const pks = await db().agreement.findFirstOrThrow({ where: { caseId: id, type: "PKS" }, include: { powerOfAttorneyDocument: true } });
    expect(pks.signerType).toBe("PEJABAT_DIKUASAKAN");
    expect(pks.powerOfAttorneyDocument?.type).toBe("SURAT_KUASA");
  });

  it("only the PKS may be delegated: a KB is always the Kepala Daerah's (the form cannot even say otherwise)", async () => {
    const { id } = await register("staf", await ksddInput({ induk: kb({ signerType: "PEJABAT_DIKUASAKAN" }) }));
    expect((await db().agreement.findFirstOrThrow({ where: { caseId: id, type: "KB" } })).signerType).toBe("KEPALA_DAERAH");
  });

  it("the partner must fit the jenis", async () => {
    const e = await refused("staf", await ksddInput({ partnerId: PARTNER_SWASTA }), "VALIDATION");
    expect(e.fieldErrors?.partnerId).toMatch(/tidak sesuai dengan jenis/);
  });

  it("DPRD approval: its number and date, after the KB, and the PKS after it", async () => {
    const missing = await refused("staf", await ksddInput({ requiresDprd: true }), "VALIDATION");
    expect(missing.fieldErrors?.dprdNumber).toBeTruthy();
    const early = await refused("staf", await ksddInput({ requiresDprd: true, dprdNumber: "172/Kep.3-DPRD/2024", dprdDate: d("2024-01-10") }), "VALIDATION");
    expect(early.fieldErrors?.dprdDate).toMatch(/sebelum Kesepakatan Bersama/);
    const late = await refused("staf", await ksddInput({ requiresDprd: true, dprdNumber: "172/Kep.3-DPRD/2024", dprdDate: d("2024-03-20") }), "VALIDATION");
    expect(late.fieldErrors?.["naskah.signedAt"]).toMatch(/sebelum persetujuan DPRD/);
    const { id } = await register("staf", await ksddInput({ requiresDprd: true, dprdNumber: "172/Kep.3-DPRD/2024", dprdDate: d("2024-02-20") }));
    const rows = await db().agreement.findMany({ where: { caseId: id } });
    expect(rows.every((a) => a.dprdDecisionNumber === "172/Kep.3-DPRD/2024" && a.status === "BERLAKU")).toBe(true);
    expect((await db().case.findUniqueOrThrow({ where: { id } })).requiresDprd).toBe(true);
  });

  it("the same agreement twice: refused on its numbers", async () => {
    const first = await register("staf", await ksddInput());
    const e = await refused("kabag", await ksddInput({}, "kabag"), "VALIDATION");
    const code = (await db().case.findUniqueOrThrow({ where: { id: first.id } })).code;
    expect(e.fieldErrors?.["induk.ourNumber"]).toContain(code);
    expect(e.fieldErrors?.["naskah.ourNumber"]).toContain(code);
  });

  it("SINERGI registers its Nota Kesepakatan with the Rencana Kerja; KSDPL its MoU, always with the DPRD", async () => {
    const nk = await register("staf", {
      ...(await ksddInput()), kind: "SINERGI", ksddNature: undefined, partnerId: PARTNER_KL, induk: undefined, fileInduk: undefined,
      naskah: naskah({ ourNumber: "NK/01/2025", partnerNumber: "HK.03/2025" }),
    });
    expect((await db().agreement.findMany({ where: { caseId: nk.id }, orderBy: { type: "asc" } })).map((a) => a.type)).toEqual(["NK", "RK"]);
    const base = { ...(await ksddInput()), kind: "KSDPL" as const, ksddNature: undefined, partnerId: PARTNER_ASING, induk: undefined, fileInduk: undefined, naskah: naskah({ ourNumber: "MOU/01/2024", partnerNumber: "HS-2024-7" }) };
    const e = await refused("staf", base, "VALIDATION");
    expect(e.fieldErrors?.dprdNumber).toBeTruthy();
    const mou = await register("staf", { ...base, dprdNumber: "172/Kep.1-DPRD/2024", dprdDate: d("2024-01-20") });
    expect(await db().agreement.findFirstOrThrow({ where: { caseId: mou.id } })).toMatchObject({ type: "MOU", dprdDecisionNumber: "172/Kep.1-DPRD/2024" });
  });
});
