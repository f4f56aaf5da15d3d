import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { listCases } from "@/lib/cases/queries";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { DATA_SHEET, IMPORT_COLUMNS } from "@/lib/legacy/columns";
import { commitImport, validateImport } from "@/lib/legacy/import";
import { buildTemplate, readImportWorkbook } from "@/lib/legacy/workbook";
import { resetDatabase } from "./helpers/db";
import { actor, OPD_A, OPD_B, seedBase, type UserKey } from "./helpers/cases";
import { NOW } from "./helpers/services";

// The Excel import through the real services on real PostgreSQL: every row is validated first,
// nothing is imported unless the whole file is valid, then all rows go in one transaction, and a
// second import of the same file is refused row by row.

const db = () => getDb();
const who = (k: UserKey) => actor(k) as CurrentUser;

beforeEach(async () => {
  await resetDatabase();
  await seedBase();
});

type Row = Record<string, string | number | Date>;

/** A valid KSDD row numbered `i` (its own numbers), partner Pemerintah Kabupaten Sukamakmur (registered). */
function ksddRow(i: number, over: Row = {}): Row {
  const n = String(i).padStart(3, "0");
  return {
    kind: "KSDD", ksddNature: "SUKARELA", title: `Kerja sama arsip nomor ${i}`, partnerName: "Pemerintah Kabupaten Sukamakmur",
    partnerClass: "PEMDA", opd: i % 2 ? "Dinkes" : "Dinas Perhubungan", governmentAffair: "Kesehatan", subject: "Rujukan pasien",
    fundingSource: "APBD", fundingAmount: 1500000, fundingYear: 2024, requiresDprd: "Tidak",
    "induk.ourNumber": `180/${n}/KB/2024`, "induk.partnerNumber": `119/${n}/PEM/2024`, "induk.signedAt": new Date(Date.UTC(2024, 1, 1)),
    "induk.signedPlace": "Sukamaju", "induk.signerName": "H. Ahmad Sudrajat", "induk.signerPosition": "Bupati Sukamaju",
    "induk.partnerSignerName": "Drs. Bambang Irawan", "induk.partnerSignerPosition": "Bupati Sukamakmur",
    "induk.startDate": "2024-02-01", "induk.endDate": "01/02/2029",
    "naskah.ourNumber": `180/${n}/PKS/2024`, "naskah.partnerNumber": `119/${n}/PKS/2024`, "naskah.signedAt": new Date(Date.UTC(2024, 2, 4)),
    "naskah.signedPlace": "Sukamaju", "naskah.signerName": "H. Ahmad Sudrajat", "naskah.partnerSignerName": "Drs. Bambang Irawan",
    "naskah.partnerSignerPosition": "Bupati Sukamakmur", "naskah.startDate": new Date(Date.UTC(2024, 2, 4)),
    "naskah.endDate": new Date(Date.UTC(2027, 2, 3)),
    ...over,
  };
}

/** A workbook shaped like the template, filled with `rows` (as a person would in Excel). */
async function workbook(rows: Row[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(DATA_SHEET);
  ws.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key }));
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const readRows = async (rows: Row[]) => readImportWorkbook(await workbook(rows));

async function counts() {
  const [cases, agreements, history, partners, audit] = await Promise.all([
    db().case.count(), db().agreement.count(), db().stageHistory.count(), db().partner.count(), db().auditEvent.count(),
  ]);
  return { cases, agreements, history, partners, audit };
}

describe("Excel import of archive agreements", () => {
  it("one bad row: the preview names its row and column in Indonesian, and nothing is imported", async () => {
    const rows = await readRows([ksddRow(1), ksddRow(2, { "naskah.signedAt": "2026-07-01" }), ksddRow(3)]);
    const before = await counts();
    const result = await commitImport({ actor: who("staf"), now: NOW, rows, fileName: "arsip.xlsx" });
    expect(result.imported).toBe(false);
    expect(result.preview.valid).toBe(false);
    const bad = result.preview.rows.find((r) => r.row === 3)!;
    expect(bad.errors).toEqual([
      expect.objectContaining({ column: "Naskah: Tanggal Tanda Tangan", message: expect.stringMatching(/tidak boleh sesudah hari ini/) }),
    ]);
    expect(result.preview.rows.filter((r) => r.errors.length === 0).map((r) => r.row)).toEqual([2, 4]);
    expect(await counts()).toEqual(before);
  });

  it("the corrected file: every row imported in one transaction, at PELAKSANAAN, with the history saying so", async () => {
    const rows = await readRows([ksddRow(1), ksddRow(2), ksddRow(3)]);
    const progress: number[] = [];
    const result = await commitImport({ actor: who("kabag"), now: NOW, rows, fileName: "arsip.xlsx", onProgress: (done) => void progress.push(done) });
    expect(result.imported).toBe(true);
    if (!result.imported) return;
    expect(result.count).toBe(3);
    expect(progress).toEqual([1, 2, 3]);
    const cases = await db().case.findMany({ where: { isArchive: true }, include: { agreements: true, history: true }, orderBy: { code: "asc" } });
    expect(cases).toHaveLength(3);
    for (const c of cases) {
      expect(c.stage).toBe("PELAKSANAAN");
      expect(c.agreements.map((a) => `${a.type}:${a.status}`).sort()).toEqual(["KB:BERLAKU", "PKS:BERLAKU"]);
      expect(c.history).toHaveLength(1);
      expect(c.history[0].note).toMatch(/Didaftarkan dari arsip.*impor berkas arsip\.xlsx, baris \d/);
      expect(c.history[0].actorId).toBe("u-kabag");
    }
    expect(cases.map((c) => c.opdId).sort()).toEqual([OPD_A, OPD_A, OPD_B].sort());
    expect(await db().auditEvent.count({ where: { action: "legacy.import" } })).toBe(1);
  });

  it("all or nothing inside the transaction: a failure at the third row leaves no row of the file", async () => {
    const rows = await readRows([ksddRow(1), ksddRow(2), ksddRow(3), ksddRow(4)]);
    const before = await counts();
    const run = commitImport({
      actor: who("staf"), now: NOW, rows, fileName: "arsip.xlsx",
      onProgress: (done) => { if (done === 3) throw new Error("koneksi terputus"); },
    });
    await expect(run).rejects.toThrow("koneksi terputus");
    expect(await counts()).toEqual(before);
  });

  it("importing the same file again is refused row by row, nothing doubled", async () => {
    const rows = await readRows([ksddRow(1), ksddRow(2)]);
    expect((await commitImport({ actor: who("staf"), now: NOW, rows, fileName: "a.xlsx" })).imported).toBe(true);
    const before = await counts();
    const again = await commitImport({ actor: who("staf"), now: NOW, rows, fileName: "a.xlsx" });
    expect(again.imported).toBe(false);
    for (const r of again.preview.rows) {
      expect(r.errors.map((e) => e.column).sort()).toEqual(["KB: Nomor Pihak Daerah", "Naskah: Nomor Pihak Daerah"]);
      expect(r.errors[0].message).toMatch(/sudah tercatat pada kerja sama KS-2026-\d{4}/);
    }
    expect(await counts()).toEqual(before);
  });

  it("a number twice in one file is reported on the second row", async () => {
    const rows = await readRows([ksddRow(1), ksddRow(2, { "naskah.ourNumber": "180/001/PKS/2024" })]);
    const { preview } = await validateImport({ actor: who("staf"), now: NOW, rows });
    expect(preview.rows[1].errors).toEqual([expect.objectContaining({ column: "Naskah: Nomor Pihak Daerah", message: expect.stringMatching(/baris 2/) })]);
  });

  it("partners: exact name reused, a close name is an error with suggestions, a new name creates one unverified partner", async () => {
    const rows = await readRows([
      ksddRow(1, { partnerName: "pemerintah  kabupaten sukamakmur" }),
      ksddRow(2, { partnerName: "Pemerintah Kab. Sukamakmur" }),
      ksddRow(3, { partnerName: "Pemerintah Kota Baru Sentosa", partnerClass: "PEMDA" }),
      ksddRow(4, { partnerName: "Pemerintah Kota Baru Sentosa", partnerClass: "" }),
      ksddRow(5, { partnerName: "PT Karya Mandiri Nusantara", partnerClass: "SWASTA" }),
    ]);
    const { preview } = await validateImport({ actor: who("staf"), now: NOW, rows });
    const errorsOf = (row: number) => preview.rows.find((r) => r.row === row)!.errors;
    expect(errorsOf(2)).toEqual([]);
    expect(errorsOf(3)[0]).toMatchObject({ column: "Nama Mitra", message: expect.stringContaining('sangat mirip "Pemerintah Kabupaten Sukamakmur"') });
    expect(preview.rows.find((r) => r.row === 4)!.notes[0]).toMatch(/Mitra baru "Pemerintah Kota Baru Sentosa".*menunggu konfirmasi/);
    expect(errorsOf(4)).toEqual([]);
    expect(errorsOf(5)).toEqual([]);
    expect(errorsOf(6)[0]).toMatchObject({ column: "Nama Mitra", message: expect.stringMatching(/tidak sesuai dengan jenis kerja sama/) });
    expect(preview.newPartners).toEqual(["Pemerintah Kota Baru Sentosa", "PT Karya Mandiri Nusantara"]);

    const ok = await readRows([ksddRow(1), ksddRow(3, { partnerName: "Pemerintah Kota Baru Sentosa", partnerClass: "PEMDA" }), ksddRow(4, { partnerName: "Pemerintah Kota Baru Sentosa", partnerClass: "" })]);
    const result = await commitImport({ actor: who("staf"), now: NOW, rows: ok, fileName: "b.xlsx" });
    expect(result.imported).toBe(true);
    const created = await db().partner.findMany({ where: { name: "Pemerintah Kota Baru Sentosa" }, include: { cases: true } });
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ verified: false, createdById: "u-staf", partnerClass: "PEMDA" });
    expect(created[0].cases).toHaveLength(2);
  });

  it("every column checked at once: jenis, OPD, dates, DPRD, a delegated signer without surat kuasa", async () => {
    const rows = await readRows([
      ksddRow(1, { kind: "KSDX", opd: "Dinas Antah Berantah" }),
      ksddRow(2, { requiresDprd: "Ya", "naskah.signerType": "PEJABAT_DIKUASAKAN", "naskah.signerPosition": "Kepala Dinas", "induk.endDate": "31-31-2029" }),
    ]);
    const { preview } = await validateImport({ actor: who("staf"), now: NOW, rows });
    const cols = (row: number) => preview.rows.find((r) => r.row === row)!.errors.map((e) => e.column).sort();
    expect(cols(2)).toEqual(["Jenis Kerja Sama", "OPD Pelaksana"]);
    expect(cols(3)).toEqual(["KB: Berakhir", "Naskah: Jenis Penandatangan", "Nomor Keputusan DPRD", "Tanggal Keputusan DPRD"].sort());
  });

  it("only Bagian Kerja Sama imports; OPD users and others are refused before anything is read", async () => {
    const rows = await readRows([ksddRow(1)]);
    for (const k of ["operatorA", "kepalaA", "tkksd1", "pimpinan"] as UserKey[]) {
      await expect(validateImport({ actor: who(k), now: NOW, rows })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(commitImport({ actor: who(k), now: NOW, rows, fileName: "x.xlsx" })).rejects.toBeInstanceOf(DomainError);
    }
    expect(await db().case.count()).toBe(0);
  });

  it("scoping: an imported agreement is seen by its OPD and by Bagian KS, not by another OPD", async () => {
    const rows = await readRows([ksddRow(1)]); // Dinkes (OPD A)
    await commitImport({ actor: who("staf"), now: NOW, rows, fileName: "c.xlsx" });
    expect((await listCases(who("operatorA"), {})).total).toBe(1);
    expect((await listCases(who("staf"), {})).total).toBe(1);
    expect((await listCases(who("operatorB"), {})).total).toBe(0);
  });

  it("not a workbook, or not the template: refused with a clear message", async () => {
    await expect(readImportWorkbook(new TextEncoder().encode("Jenis;Judul\nKSDD;x"))).rejects.toThrow(/buku kerja Excel/);
    const other = new ExcelJS.Workbook();
    other.addWorksheet(DATA_SHEET).addRow(["Jenis Kerja Sama", "Judul"]);
    await expect(readImportWorkbook(new Uint8Array(await other.xlsx.writeBuffer()))).rejects.toThrow(/Kolom berikut tidak ditemukan/);
  });

  it("the downloadable template reads back and its example row is valid", async () => {
    const bytes = await buildTemplate(["Dinkes", "Dishub"], ["Kesehatan"], 2026);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Data", "Daftar", "Petunjuk"]);
    const rows = await readImportWorkbook(new Uint8Array(bytes));
    expect(rows).toHaveLength(1);
    const { preview } = await validateImport({ actor: who("staf"), now: NOW, rows });
    expect(preview.rows[0].errors).toEqual([]);
    expect(preview.newPartners).toEqual(["Pemerintah Kabupaten Contoh"]);
  });

  it("500 rows are validated and imported in one go (time printed)", async () => {
    const rows = await readRows(Array.from({ length: 500 }, (_, i) => ksddRow(i + 1)));
    const t0 = performance.now();
    const result = await commitImport({ actor: who("staf"), now: NOW, rows, fileName: "besar.xlsx" });
    const ms = performance.now() - t0;
    expect(result.imported).toBe(true);
    expect(await db().case.count({ where: { isArchive: true } })).toBe(500);
    console.log(`[legacy-import] 500 rows validated twice and imported in ${Math.round(ms)} ms`);
  }, 120_000);
});
