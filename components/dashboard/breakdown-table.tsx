import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { nf } from "./labels";

export type BreakdownRow = { key: string; label: string; value: number; href: string; swatch?: string };

/**
 * The text alternative of a chart: every category, its number (a link to the register with that
 * filter) and its share. A colour swatch repeats the chart's colour, beside the name, never alone.
 */
export function BreakdownTable({ caption, rows, what }: { caption: string; rows: BreakdownRow[]; what: string }) {
  const total = rows.reduce((sum, r) => sum + r.value, 0);
  return (
    <Table caption={caption}>
      <THead>
        <TR>
          <TH>{what}</TH>
          <TH className="md:text-right">Jumlah</TH>
          <TH className="md:text-right">Porsi</TH>
        </TR>
      </THead>
      <TBody>
        {rows.map((r) => (
          <TR key={r.key}>
            <TH scope="row" label={what}>
              {r.swatch && <span aria-hidden="true" className={`mr-2 inline-block size-3 rounded-sm align-middle ${r.swatch}`} />}
              {r.label}
            </TH>
            <TD label="Jumlah" className="tabular-nums md:text-right">
              <a href={r.href} className="font-semibold text-brand-800 underline hover:no-underline">
                {nf.format(r.value)}<span className="sr-only"> — {r.label}</span>
              </a>
            </TD>
            <TD label="Porsi" className="tabular-nums md:text-right">{total > 0 ? `${Math.round((r.value * 100) / total)}%` : "–"}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
