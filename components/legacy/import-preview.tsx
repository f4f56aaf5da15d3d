import Link from "@/components/ui/link";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { ImportPreview } from "@/lib/legacy/import";

/** The preview of an import: one table row per file row, with its problems by column (or "Siap"). */
export function ImportPreviewTable({ preview, onlyErrors }: { preview: ImportPreview; onlyErrors: boolean }) {
  const rows = onlyErrors ? preview.rows.filter((r) => r.errors.length > 0) : preview.rows;
  return (
    <Table caption={`Pratinjau impor: ${preview.total.toLocaleString("id-ID")} baris`} captionHidden>
      <THead>
        <TR>
          <TH className="w-16">Baris</TH>
          <TH className="w-[28%]">Kerja sama</TH>
          <TH>Mitra</TH>
          <TH>OPD</TH>
          <TH>Nomor pihak daerah</TH>
          <TH className="w-[32%]">Hasil pemeriksaan</TH>
        </TR>
      </THead>
      <TBody>
        {rows.map((r) => (
          <TR key={r.row} data-row={r.row}>
            <TH scope="row" label="Baris" className="md:whitespace-nowrap">{r.row}</TH>
            <TD label="Kerja sama">
              {r.title || "—"}
              <span className="mt-0.5 block text-xs text-slate-600">{r.kind || "jenis kosong"}{r.period ? ` · ${r.period}` : ""}</span>
            </TD>
            <TD label="Mitra">
              {r.partner || "—"}
              {r.newPartner && <span className="mt-0.5 block text-xs text-slate-600">mitra baru</span>}
            </TD>
            <TD label="OPD">{r.opd || "—"}</TD>
            <TD label="Nomor">{r.numbers || "—"}</TD>
            <TD label="Hasil">
              {r.errors.length === 0 ? (
                <>
                  <Badge tone="success">Siap diimpor</Badge>
                  {r.stage === "BERAKHIR" && <span className="mt-1 block text-xs text-slate-600">Tercatat Berakhir (jangka waktu sudah lewat)</span>}
                  {r.notes.map((n) => <span key={n} className="mt-1 block text-xs text-slate-700">{n}</span>)}
                </>
              ) : (
                <ul className="space-y-1 text-red-800">
                  {r.errors.map((e) => (
                    <li key={`${e.field}:${e.message}`}>
                      <strong>Kolom {e.column}{e.letter ? ` (${e.letter})` : ""}:</strong> {e.message}
                    </li>
                  ))}
                </ul>
              )}
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

/** The cases just imported, linked to their pages. */
export function ImportedList({ cases }: { cases: { row: number; id: string; code: string }[] }) {
  const shown = cases.slice(0, 50);
  return (
    <div>
      <ul className="grid gap-1 text-sm sm:grid-cols-2 lg:grid-cols-4">
        {shown.map((c) => (
          <li key={c.id}>
            Baris {c.row}:{" "}
            <Link href={`/usulan/${c.id}`} className="font-mono text-brand-800 underline hover:text-brand-950">{c.code}</Link>
          </li>
        ))}
      </ul>
      {cases.length > shown.length && <p className="mt-2 text-sm text-slate-600">dan {cases.length - shown.length} kerja sama lainnya.</p>}
    </div>
  );
}
