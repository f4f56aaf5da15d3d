import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import { PARTNER_CLASS_LABELS } from "@/components/cases/labels";
import { REALIZATION_LABELS, RECOMMENDATION_LABELS } from "@/components/reports/labels";
import type { PartnerClass } from "@/lib/generated/prisma/enums";
import type { RekapRow } from "@/lib/rekap/query";
import type { RegionProfile } from "@/lib/settings/defaults";
import { dprdText, fundingText, jenisDetail, naskahText, parentText, partnerPlace, statusText, signerText, tanggal, type RekapContext } from "../columns";
import { base, Footer, Kop, MUTED, officeHead, RULE } from "./base";

/*
 * The printed rekap (A4 landscape): the region's kop, the title with the year, the filter and the
 * date in Indonesian, a table whose header repeats on every page, the totals per kelas mitra (the
 * way offices report "7 pemerintah, 5 perguruan tinggi …") and a signature block for the Kepala
 * Bagian. The same rows and facts as the Excel rekap, grouped into ten printable columns.
 */

const COLS = [
  { title: "No", width: 18 },
  { title: "Kerja Sama", width: 124 },
  { title: "Mitra", width: 92 },
  { title: "OPD Pelaksana", width: 78 },
  { title: "Naskah (nomor daerah | mitra, tanggal)", width: 118 },
  { title: "Jangka Waktu", width: 62 },
  { title: "Status", width: 52 },
  { title: "Penandatangan / DPRD", width: 84 },
  { title: "Pendanaan", width: 56 },
  { title: "Laporan Terakhir", width: 94 },
] as const;

const s = StyleSheet.create({
  headRow: { flexDirection: "row", backgroundColor: "#e2e8f0", borderTopWidth: 0.75, borderBottomWidth: 0.75, borderColor: "#334155" },
  headCell: { fontWeight: "bold", fontSize: 7, paddingVertical: 3, paddingHorizontal: 3 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: RULE },
  cell: { paddingVertical: 3, paddingHorizontal: 3, fontSize: 7, lineHeight: 1.3 },
  strong: { fontWeight: "bold" },
  muted: { color: MUTED },
  totals: { marginTop: 10, fontSize: 8 },
  sign: { marginTop: 18, marginLeft: 520, fontSize: 8.5, lineHeight: 1.4 },
  empty: { marginTop: 20, textAlign: "center", fontSize: 9, color: MUTED },
});

const clip = (text: string | null, max: number) => (text && text.length > max ? `${text.slice(0, max - 1)}…` : text);

type Piece = { text: string; tone?: "strong" | "muted" };

/** The printed cells of one row: the same pieces are rendered and measured (pagination). */
function rowCells(r: RekapRow, n: number, ctx: RekapContext): Piece[][] {
  const report = r.lastReport;
  const maybe = (text: string | null | undefined, tone?: Piece["tone"]): Piece[] => (text ? [{ text, tone }] : []);
  return [
    [{ text: String(n) }],
    [
      { text: r.title, tone: "strong" },
      { text: [r.code, r.kind, jenisDetail(r)].filter(Boolean).join(" · "), tone: "muted" },
      ...maybe(r.subject ? `Objek: ${clip(r.subject, 160)}` : null),
      ...maybe(r.scope ? `Ruang lingkup: ${clip(r.scope.replace(/\s*\n\s*/g, "; "), 200)}` : null),
      ...maybe(parentText(r), "muted"),
    ],
    [
      { text: r.partnerName ?? "—" },
      ...maybe(r.partnerClass ? PARTNER_CLASS_LABELS[r.partnerClass as PartnerClass] : null, "muted"),
      ...maybe(partnerPlace(r), "muted"),
    ],
    [{ text: r.opdName }, ...maybe(r.governmentAffair ? `Urusan ${r.governmentAffair}` : null, "muted")],
    r.naskah.length ? r.naskah.map((x) => ({ text: naskahText(x) })) : [{ text: "—" }],
    [{ text: r.mainStartDate || r.mainEndDate ? `${tanggal(r.mainStartDate) || "—"} s.d. ${tanggal(r.mainEndDate) || "—"}` : "—" }],
    [{ text: statusText(r, ctx) }],
    [{ text: signerText(r) ?? "—" }, { text: `DPRD: ${dprdText(r)}`, tone: "muted" }],
    [{ text: fundingText(r) ?? "—" }],
    report
      ? [
          { text: report.periodLabel, tone: "strong" },
          { text: `${REALIZATION_LABELS[report.realization]}; ${RECOMMENDATION_LABELS[report.recommendation]}` },
          { text: `Capaian: ${clip(report.outputAchieved, 120)}`, tone: "muted" },
          ...maybe(report.obstacles ? `Kendala: ${clip(report.obstacles, 100)}` : null, "muted"),
        ]
      : [{ text: "Belum ada laporan ditinjau", tone: "muted" }],
  ];
}

function Row({ cells }: { cells: Piece[][] }) {
  return (
    <View style={s.row} wrap={false}>
      {cells.map((pieces, i) => (
        <View key={COLS[i].title} style={[s.cell, { width: COLS[i].width }]}>
          {pieces.map((p, j) => <Text key={j} style={p.tone ? s[p.tone] : undefined}>{p.text}</Text>)}
        </View>
      ))}
    </View>
  );
}

/*
 * react-pdf splits an overflowing page by laying the rest of the document out again, which grows
 * with the square of the rows (100 rows took seconds, 1,000 rows minutes). So the rows are packed
 * into pages here, by an estimate of each row's height (characters per line of each column at
 * 7 pt), and each <Page> holds only what fits; if an estimate is short, that one page still wraps.
 */
const LINE = 7 * 1.3;
const CHAR = 7 * 0.5;
const PAGE_BODY = 595.28 - 28 - 40 - 26; // A4 landscape minus the page's padding and the table header
const FIRST_PAGE_BODY = PAGE_BODY - 112; // the kop and the title block

export function rowHeight(cells: Piece[][]): number {
  const lines = cells.map((pieces, i) => {
    const perLine = Math.max(8, Math.floor((COLS[i].width - 6) / CHAR));
    return pieces.reduce((sum, p) => sum + p.text.split("\n").reduce((acc, part) => acc + Math.max(1, Math.ceil(part.length / perLine)), 0), 0);
  });
  return Math.max(...lines) * LINE + 6.5;
}

export function packPages<T>(heights: readonly number[], items: readonly T[], first = FIRST_PAGE_BODY, rest = PAGE_BODY): T[][] {
  const pages: T[][] = [[]];
  let room = first;
  items.forEach((item, i) => {
    if (heights[i] > room && pages[pages.length - 1].length > 0) {
      pages.push([]);
      room = rest;
    }
    pages[pages.length - 1].push(item);
    room -= heights[i];
  });
  return pages;
}

/** "Pemerintah daerah 7, Perguruan tinggi 5, BUMN 2" (most first). */
export function classTotals(rows: readonly RekapRow[]): string {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const label = r.partnerClass ? PARTNER_CLASS_LABELS[r.partnerClass as PartnerClass] : "Tanpa mitra";
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "id")).map(([k, v]) => `${k} ${v}`).join("; ");
}

export type RekapPdfProps = {
  region: RegionProfile;
  rows: readonly RekapRow[];
  ctx: RekapContext;
  year: number | undefined;
  filterText: string;
  /** "27 November 2026" */
  dateText: string;
  printed: string;
};

function TableHead() {
  return (
    <View style={s.headRow} fixed>
      {COLS.map((c) => <Text key={c.title} style={[s.headCell, { width: c.width }]}>{c.title}</Text>)}
    </View>
  );
}

export function RekapDocument({ region, rows, ctx, year, filterText, dateText, printed }: RekapPdfProps) {
  const title = `REKAP KERJA SAMA DAERAH ${year ? `TAHUN ${year}` : "SEMUA TAHUN"}`;
  const cells = rows.map((r, i) => ({ key: r.id, cells: rowCells(r, i + 1, ctx) }));
  const pages = packPages(cells.map((c) => rowHeight(c.cells)), cells);
  return (
    <Document title={`Rekap Kerja Sama Daerah ${year ?? ""} — ${region.name}`.replace("  ", " ")} author="SIKERDA" language="id">
      {pages.map((page, p) => (
        <Page key={p} size="A4" orientation="landscape" style={base.page}>
          {p === 0 ? (
            <>
              <Kop region={region} />
              <Text style={base.title}>{title}</Text>
              <Text style={base.subtitle}>{region.name} — keadaan per {dateText}</Text>
              <Text style={base.meta}>Filter: {filterText}</Text>
            </>
          ) : null}
          <TableHead />
          {p === 0 && rows.length === 0 ? <Text style={s.empty}>Tidak ada kerja sama yang sesuai dengan pilihan ini.</Text> : null}
          {page.map((r) => <Row key={r.key} cells={r.cells} />)}
          {p === pages.length - 1 ? (
            <View wrap={false}>
              <Text style={s.totals}>
                Jumlah: {rows.length.toLocaleString("id-ID")} kerja sama{rows.length ? ` — menurut kelas mitra: ${classTotals(rows)}.` : "."}
              </Text>
              <View style={s.sign}>
                <Text>{dateText}</Text>
                <Text>{officeHead(region)},</Text>
                <Text> </Text>
                <Text> </Text>
                <Text> </Text>
                <Text>(.......................................)</Text>
              </View>
            </View>
          ) : null}
          <Footer printed={printed} />
        </Page>
      ))}
    </Document>
  );
}
