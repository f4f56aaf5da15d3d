// The columns of the register export (Excel and CSV): what a Kabag expects to find, with Indonesian
// headers. Pure: one row of the register → one record of cells (dates stay Date values so Excel
// gets real dates; the CSV writes them as YYYY-MM-DD).
import { AGREEMENT_TYPE_LABELS, PARTNER_CLASS_LABELS } from "@/components/cases/labels";
import { isoDate } from "@/lib/dates";
import { KIND_LABELS, stageLabel } from "@/lib/workflow/stages";
import type { RegisterRow } from "@/lib/register/queries";
import { isAgreementState, registerState, registerStateLabel } from "@/lib/register/status";

export type Cell = string | number | Date | null;

export type ExportColumn = { header: string; width: number; date?: boolean; cell: (r: RegisterRow, ctx: CellContext) => Cell };

export type CellContext = { today: Date; endingSoonDays: number };

export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { header: "Kode", width: 16, cell: (r) => r.code },
  { header: "Judul Kerja Sama", width: 48, cell: (r) => r.title },
  { header: "Jenis", width: 10, cell: (r) => r.kind },
  { header: "Keterangan Jenis", width: 34, cell: (r) => KIND_LABELS[r.kind] },
  { header: "Mitra", width: 36, cell: (r) => r.partnerName },
  { header: "Kelas Mitra", width: 28, cell: (r) => (r.partnerClass ? PARTNER_CLASS_LABELS[r.partnerClass] : null) },
  { header: "OPD Pelaksana", width: 34, cell: (r) => r.opdName },
  { header: "Urusan Pemerintahan", width: 24, cell: (r) => r.governmentAffair },
  { header: "Objek Kerja Sama", width: 40, cell: (r) => r.subject },
  { header: "Tahap", width: 30, cell: (r) => stageLabel(r.stage, r.initiator) },
  {
    header: "Status", width: 24,
    cell: (r, ctx) => {
      const state = registerState(r, ctx.today, ctx.endingSoonDays);
      return isAgreementState(state) ? registerStateLabel(state, ctx.endingSoonDays) : "Dalam proses";
    },
  },
  { header: "Naskah", width: 24, cell: (r) => (r.mainType ? AGREEMENT_TYPE_LABELS[r.mainType] : null) },
  { header: "Nomor Pihak Daerah", width: 26, cell: (r) => r.mainOurNumber },
  { header: "Nomor Pihak Mitra", width: 26, cell: (r) => r.mainPartnerNumber },
  { header: "Tanggal Tanda Tangan", width: 14, date: true, cell: (r) => r.mainSignedAt },
  { header: "Tanggal Mulai", width: 14, date: true, cell: (r) => r.mainStartDate },
  { header: "Tanggal Berakhir", width: 14, date: true, cell: (r) => r.mainEndDate },
];

export function exportRecord(row: RegisterRow, ctx: CellContext): Cell[] {
  return EXPORT_COLUMNS.map((c) => c.cell(row, ctx));
}

/**
 * CSV/formula injection (OWASP): a cell a spreadsheet would read as a formula (= + - @, tab, CR)
 * is prefixed with an apostrophe. Excel cells are written as strings and never as formulas.
 */
export function csvSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV field (RFC 4180): quoted when it holds a separator, a quote or a line break. */
export function csvField(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  const text = cell instanceof Date ? isoDate(cell) : csvSafe(String(cell));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvField).join(",")}\r\n`;
}
