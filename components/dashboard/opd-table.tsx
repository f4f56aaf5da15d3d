import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { OpdColumn, OpdRow } from "@/lib/dashboard/queries";
import { nf } from "./labels";

/** How many OPDs the dashboard itself lists; all of them: /dasbor/perangkat-daerah. */
export const OPD_PREVIEW = 10;

/** Most late reports first, then most agreements without a report, then most in force; then by name. */
export function opdsNeedingAttention(rows: OpdRow[]): OpdRow[] {
  return [...rows].sort(
    (a, b) =>
      b.cells.lateReports.value - a.cells.lateReports.value ||
      b.cells.withoutReport.value - a.cells.withoutReport.value ||
      b.cells.inForce.value - a.cells.inForce.value ||
      a.name.localeCompare(b.name, "id"),
  );
}

/**
 * Every number of the per-OPD table links to the register filtered to that OPD and that column.
 * The dashboard's links (hundreds of them) are plain anchors, not next/link: each next/link is a
 * client component the server renders and serializes on every request, and a click here opens a
 * register page anyway.
 */
export function OpdTable({ rows, endingSoonDays }: { rows: OpdRow[]; endingSoonDays: number }) {
  const columns: { key: OpdColumn; label: string }[] = [
    { key: "inForce", label: "Berlaku" },
    { key: "endingSoon", label: `Berakhir ≤ ${endingSoonDays} hari` },
    { key: "inProcess", label: "Dalam proses" },
    { key: "withoutReport", label: "Tanpa laporan" },
    { key: "lateReports", label: "Laporan terlambat" },
  ];
  if (rows.length === 0) {
    return <p className="px-5 py-4 text-sm text-slate-600">Belum ada OPD dengan kerja sama berlaku atau usulan dalam proses.</p>;
  }
  return (
    <Table caption="Kerja sama per perangkat daerah" captionHidden>
      <THead>
        <TR>
          <TH>Perangkat daerah</TH>
          {columns.map((c) => <TH key={c.key} className="md:text-right">{c.label}</TH>)}
        </TR>
      </THead>
      <TBody>
        {rows.map((r) => (
          <TR key={r.opdId}>
            <TH scope="row" label="Perangkat daerah">
              {r.name}
              {r.shortName !== r.name && <span className="block text-xs font-normal text-slate-600">{r.shortName}</span>}
            </TH>
            {columns.map((c) => {
              const cell = r.cells[c.key];
              const alert = (c.key === "withoutReport" || c.key === "lateReports") && cell.value > 0;
              return (
                <TD key={c.key} label={c.label} className="tabular-nums md:text-right">
                  <a href={cell.href}
                    className={`underline hover:no-underline ${cell.value === 0 ? "text-slate-600" : alert ? "font-semibold text-rose-700" : "font-semibold text-brand-800"}`}>
                    {nf.format(cell.value)}<span className="sr-only"> — {c.label}, {r.name}</span>
                  </a>
                </TD>
              );
            })}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
