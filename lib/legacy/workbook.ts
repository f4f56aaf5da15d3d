import "server-only";
import ExcelJS from "exceljs";
import { isoDate, parseDateOnly } from "@/lib/dates";
import { DomainError } from "@/lib/errors";
import {
  columnLetter, DATA_SHEET, HELP_SHEET, IMPORT_COLUMNS, LIST_SHEET, MAX_IMPORT_ROWS, type ImportColumn,
} from "./columns";

/*
 * The import workbook (exceljs): the template users download and the reading of a filled file.
 * Sheet "Data" has one header row (IMPORT_COLUMNS) and one agreement per row; "Daftar" holds the
 * drop-down lists (jenis, kelas, OPD …); "Petunjuk" explains every column in Indonesian.
 */

const TEMPLATE_ROWS = 1000;

type Validations = { add(range: string, v: Record<string, unknown>): void };

/** One example row (a KSDD with its KB and PKS) that passes every check. */
function exampleRow(opd: string, year: number): Record<string, string | number | Date> {
  const d = (iso: string) => parseDateOnly(iso) as Date;
  const y = year - 2;
  return {
    kind: "KSDD", ksddNature: "SUKARELA", title: "Contoh: Pelayanan Kesehatan Rujukan Wilayah Perbatasan",
    partnerName: "Pemerintah Kabupaten Contoh", partnerClass: "PEMDA", opd, governmentAffair: "Kesehatan",
    subject: "Rujukan pasien antarwilayah", scope: "Rujukan pasien; pertukaran data kesehatan", fundingSource: "APBD",
    fundingAmount: 250000000, fundingYear: y, requiresDprd: "Tidak",
    "induk.ourNumber": `180/001/KS/${y}`, "induk.partnerNumber": `119/010/PEM/${y}`, "induk.signedAt": d(`${y}-02-01`),
    "induk.signedPlace": "Sukamaju", "induk.signerName": "Nama Kepala Daerah", "induk.signerPosition": "Bupati",
    "induk.partnerSignerName": "Nama Kepala Daerah Mitra", "induk.partnerSignerPosition": "Bupati Contoh",
    "induk.startDate": d(`${y}-02-01`), "induk.endDate": d(`${y + 5}-01-31`),
    "naskah.ourNumber": `180/002/KS/${y}`, "naskah.partnerNumber": `119/011/PEM/${y}`, "naskah.signedAt": d(`${y}-03-01`),
    "naskah.signedPlace": "Sukamaju", "naskah.signerType": "KEPALA_DAERAH", "naskah.signerName": "Nama Kepala Daerah",
    "naskah.signerPosition": "Bupati", "naskah.partnerSignerName": "Nama Kepala Daerah Mitra",
    "naskah.partnerSignerPosition": "Bupati Contoh", "naskah.startDate": d(`${y}-03-01`), "naskah.endDate": d(`${y + 3}-02-28`),
  };
}

/** The template (.xlsx bytes); `opds` are the active OPDs' short names for the OPD list. */
export async function buildTemplate(opds: readonly string[], affairs: readonly string[], year: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "SIKERDA";
  const data = wb.addWorksheet(DATA_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  const lists = wb.addWorksheet(LIST_SHEET);
  const help = wb.addWorksheet(HELP_SHEET);

  data.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 16 }));
  const header = data.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "top" };
  header.height = 45;
  data.addRow(exampleRow(opds[0] ?? "", year));

  // Drop-down lists live on "Daftar" (a list longer than 255 characters must be a range).
  const listColumns: { key: string; values: readonly string[] }[] = [
    ...IMPORT_COLUMNS.filter((c) => c.list).map((c) => ({ key: c.key, values: c.list === "OPD" ? opds : (c.list as readonly string[]) })),
    { key: "governmentAffair", values: affairs },
  ];
  const validations = (data as unknown as { dataValidations: Validations }).dataValidations;
  listColumns.forEach((l, i) => {
    const letter = columnLetter(i + 1);
    lists.getCell(`${letter}1`).value = IMPORT_COLUMNS.find((c) => c.key === l.key)?.header ?? l.key;
    lists.getCell(`${letter}1`).font = { bold: true };
    l.values.forEach((v, j) => (lists.getCell(`${letter}${j + 2}`).value = v));
    lists.getColumn(i + 1).width = 26;
    const target = IMPORT_COLUMNS.findIndex((c) => c.key === l.key) + 1;
    const t = columnLetter(target);
    const strict = l.key !== "governmentAffair";
    validations.add(`${t}2:${t}${TEMPLATE_ROWS + 1}`, {
      type: "list", allowBlank: true, formulae: [`${LIST_SHEET}!$${letter}$2:$${letter}$${Math.max(2, l.values.length + 1)}`],
      showErrorMessage: strict, errorStyle: strict ? "stop" : "information",
      errorTitle: "Nilai tidak ada di daftar", error: "Pilih salah satu nilai dari daftar (lihat lembar Daftar).",
    });
  });
  IMPORT_COLUMNS.forEach((c, i) => {
    const letter = columnLetter(i + 1);
    if (c.kind === "date") {
      data.getColumn(i + 1).numFmt = "yyyy-mm-dd";
      validations.add(`${letter}2:${letter}${TEMPLATE_ROWS + 1}`, {
        type: "date", operator: "greaterThan", allowBlank: true, formulae: [new Date(Date.UTC(1950, 0, 1))],
        showErrorMessage: true, errorTitle: "Tanggal tidak valid", error: "Isi dengan tanggal, misalnya 2024-03-01.",
        showInputMessage: true, promptTitle: c.header.slice(0, 32), prompt: c.hint.slice(0, 250),
      });
    }
  });

  help.columns = [{ header: "Kolom", key: "header", width: 42 }, { header: "Petunjuk", key: "hint", width: 110 }];
  help.getRow(1).font = { bold: true };
  const intro = [
    ["Cara mengisi", "Satu baris di lembar Data = satu kerja sama yang sudah ditandatangani. Hapus baris contoh sebelum mengimpor."],
    ["Semua atau tidak sama sekali", "SIKERDA memeriksa semua baris lebih dulu. Bila ada satu saja kesalahan, tidak ada yang diimpor; perbaiki baris yang ditandai lalu unggah ulang."],
    ["Nomor naskah", "Nomor pihak daerah tidak boleh sudah tercatat: baris yang nomornya sudah ada ditolak, sehingga berkas yang sama tidak terimpor dua kali."],
    ["Naskah per jenis", "KSDD dan KSDPK: isi kolom KB (Kesepakatan Bersama) dan Naskah (PKS). SINERGI: Naskah = Nota Kesepakatan. KSDPL/KSDLL: Naskah = MoU, selalu dengan keputusan DPRD."],
    ["Berkas PDF", "PDF naskah yang ditandatangani tidak ikut dalam impor; untuk mendaftarkan satu kerja sama beserta PDF-nya gunakan formulir Kerja Sama Arsip."],
    ["", ""],
  ];
  intro.forEach(([h, t]) => help.addRow({ header: h, hint: t }));
  IMPORT_COLUMNS.forEach((c) => help.addRow({ header: c.header, hint: c.hint }));
  help.getColumn(2).alignment = { wrapText: true, vertical: "top" };

  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type RawRow = { row: number; values: Record<string, string> };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
export const NOT_XLSX_MESSAGE = "Berkas harus berupa buku kerja Excel (.xlsx) dari templat impor (isi berkas diperiksa, bukan hanya namanya).";

/** Excel serial day number (1900 date system) → YYYY-MM-DD. */
function serialToIso(serial: number): string {
  return isoDate(new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000));
}

function dmyToIso(s: string): string | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m) return null;
  const iso = `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`;
  return parseDateOnly(iso) ? iso : null;
}

function cellText(value: ExcelJS.CellValue, column: ImportColumn): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return isoDate(value);
  if (typeof value === "number") {
    if (column.kind === "date") return serialToIso(value);
    return column.key === "fundingAmount" ? String(value).replace(".", ",") : String(value);
  }
  if (typeof value === "boolean") return value ? "Ya" : "Tidak";
  if (typeof value === "object") {
    if ("result" in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null, column);
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text);
    if ("error" in value) return "";
  }
  return String(value);
}

/** Codes are written as in the lists; "Kepala Daerah" or "ptn blu" are accepted too. */
function normalize(text: string, column: ImportColumn): string {
  const t = text.replace(/\u00a0/g, " ").trim();
  if (t === "") return "";
  if (column.key === "requiresDprd") return t.toLowerCase();
  if (column.list && column.list !== "OPD") return t.toUpperCase().replace(/[\s-]+/g, "_");
  if (column.kind === "date") return dmyToIso(t) ?? t;
  return t;
}

/** Reads sheet "Data" of an uploaded workbook; refuses anything that is not the import template. */
export async function readImportWorkbook(bytes: Uint8Array): Promise<RawRow[]> {
  if (bytes.byteLength < 4 || !ZIP_MAGIC.every((b, i) => bytes[i] === b)) throw new DomainError("VALIDATION", NOT_XLSX_MESSAGE);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw new DomainError("VALIDATION", NOT_XLSX_MESSAGE);
  }
  const sheet = wb.getWorksheet(DATA_SHEET);
  if (!sheet) throw new DomainError("VALIDATION", `Lembar "${DATA_SHEET}" tidak ditemukan. Gunakan templat impor SIKERDA.`);
  const byHeader = new Map(IMPORT_COLUMNS.map((c) => [c.header.toLowerCase(), c]));
  const positions: { index: number; column: ImportColumn }[] = [];
  sheet.getRow(1).eachCell((cell, index) => {
    const column = byHeader.get(cellText(cell.value, IMPORT_COLUMNS[0]).trim().toLowerCase());
    if (column) positions.push({ index, column });
  });
  const missing = IMPORT_COLUMNS.filter((c) => !positions.some((p) => p.column.key === c.key));
  if (missing.length > 0) {
    throw new DomainError("VALIDATION", `Kolom berikut tidak ditemukan pada baris judul lembar Data: ${missing.map((c) => c.header).join(", ")}. Gunakan templat impor terbaru.`);
  }
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const values: Record<string, string> = {};
    let filled = false;
    for (const { index, column } of positions) {
      const text = normalize(cellText(row.getCell(index).value, column), column);
      if (text !== "") filled = true;
      values[column.key] = text;
    }
    if (filled) rows.push({ row: number, values });
  });
  if (rows.length === 0) throw new DomainError("VALIDATION", "Lembar Data tidak berisi baris kerja sama. Isi mulai baris 2.");
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new DomainError("VALIDATION", `Satu berkas paling banyak ${MAX_IMPORT_ROWS.toLocaleString("id-ID")} baris; bagi menjadi beberapa berkas.`);
  }
  return rows;
}
