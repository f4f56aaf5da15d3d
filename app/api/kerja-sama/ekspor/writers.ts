import "server-only";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { RegisterRow } from "@/lib/register/queries";
import { csvLine, EXPORT_COLUMNS, exportRecord, type CellContext } from "./columns";

/*
 * Streamed writers of the register export: rows are written while the database batches arrive and
 * sent on at once, so a 10,000-row file never sits whole in memory and the download starts
 * immediately. Excel through exceljs' streaming WorkbookWriter (real dates, frozen header,
 * autofilter, a second sheet naming the filter); CSV as UTF-8 with a BOM (Excel reads the accents).
 */

export type ExportMeta = {
  /** Lines of the "Keterangan" sheet: [label, value]. */
  about: [string, string][];
};

export type ExportFormat = "xlsx" | "csv";

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};

export function xlsxStream(batches: AsyncIterable<RegisterRow[]>, ctx: CellContext, meta: ExportMeta): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = "SIKERDA";
  workbook.created = new Date();
  const sheet = workbook.addWorksheet("Kerja Sama", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((c, i) => ({
    key: `c${i}`, header: c.header, width: c.width, style: c.date ? { numFmt: "dd/mm/yyyy" } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
  (async () => {
    let rows = 0;
    for await (const batch of batches) {
      for (const r of batch) {
        sheet.addRow(exportRecord(r, ctx)).commit();
        rows += 1;
      }
    }
    sheet.commit();
    const about = workbook.addWorksheet("Keterangan");
    about.columns = [{ width: 28 }, { width: 80 }];
    for (const line of [...meta.about, ["Jumlah baris", rows.toLocaleString("id-ID")] as [string, string]]) {
      about.addRow(line).commit();
    }
    about.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error as Error));
  return out;
}

export function csvStream(batches: AsyncIterable<RegisterRow[]>, ctx: CellContext): Readable {
  // Bytes, not strings: a web Response body only takes Uint8Array chunks.
  async function* lines() {
    yield Buffer.from(`\uFEFF${csvLine(EXPORT_COLUMNS.map((c) => c.header))}`, "utf8");
    for await (const batch of batches) yield Buffer.from(batch.map((r) => csvLine(exportRecord(r, ctx))).join(""), "utf8");
  }
  return Readable.from(lines());
}
