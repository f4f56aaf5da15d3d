import "server-only";
import { PassThrough, type Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { RekapRow } from "@/lib/rekap/query";
import { REKAP_COLUMNS, rekapRecord, type RekapContext } from "./columns";

/*
 * The rekap as .xlsx, streamed (exceljs WorkbookWriter): each batch of rows is written and sent on
 * as it arrives, so 10,000 rows never sit whole in memory and the download starts at once. Sheet 1
 * "Rekap" has the columns of domain §6 (frozen header, autofilter, real dates, numbers in rupiah);
 * sheet 2 "Keterangan" names the region, the year and filter, who exported it and when.
 */
export function rekapXlsxStream(batches: AsyncIterable<RekapRow[]>, ctx: RekapContext, about: [string, string][]): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = "SIKERDA";
  const sheet = workbook.addWorksheet("Rekap", {
    views: [{ state: "frozen", ySplit: 1, xSplit: 2 }],
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" },
  });
  // One style object per column, given to every cell of that column. exceljs merges the column's
  // style into a NEW object for each cell and then serialises it to find its style id (its cache
  // is keyed by object identity): 300,000 serialisations for 10,000 rows, most of the file's time.
  // The same object for the whole column is one serialisation per column.
  const DATE = { numFmt: "dd/mm/yyyy" };
  const MONEY = { numFmt: "#,##0" };
  const TEXT: Partial<ExcelJS.Style> = { alignment: { wrapText: true, vertical: "top" } };
  const styles = REKAP_COLUMNS.map((c) => (c.date ? DATE : c.money ? MONEY : TEXT));
  sheet.columns = REKAP_COLUMNS.map((c, i) => ({ key: `c${i}`, header: c.header, width: c.width, style: styles[i] }));
  const head = sheet.getRow(1);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: "middle" };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: REKAP_COLUMNS.length } };
  (async () => {
    let rows = 0;
    for await (const batch of batches) {
      for (const r of batch) {
        const row = sheet.addRow(rekapRecord(r, ctx));
        row.eachCell({ includeEmpty: true }, (cell, column) => {
          cell.style = styles[column - 1];
        });
        row.commit();
        rows += 1;
      }
    }
    sheet.commit();
    const sheet2 = workbook.addWorksheet("Keterangan");
    sheet2.columns = [{ width: 28 }, { width: 90 }];
    for (const line of [...about, ["Jumlah baris", rows.toLocaleString("id-ID")] as [string, string]]) sheet2.addRow(line).commit();
    sheet2.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error as Error));
  return out;
}
