import type { NextRequest } from "next/server";
import { renderRekapPdf } from "@/components/rekap/pdf/render";
import { dateInZone } from "@/lib/dates";
import { formatTanggal, formatTanggalWaktu } from "@/lib/format";
import { rekapBatches, type RekapRow } from "@/lib/rekap/query";
import { REKAP_PDF_MAX_ROWS } from "@/lib/rekap/limits";
import { attachment, openRekap } from "../shared";

// GET /api/rekap/pdf?tahun=2025&<the register's filters>: the print-ready rekap (A4 landscape,
// the region's kop, Indonesian dates), the same rows as the Excel rekap — scoped, audited.
export const runtime = "nodejs";

export async function GET(request: NextRequest) {
  const opened = await openRekap(request, "pdf", REKAP_PDF_MAX_ROWS);
  if (opened instanceof Response) return opened;
  const { user, filter, context, settings, now } = opened;
  const rows: RekapRow[] = [];
  for await (const batch of rekapBatches(user, filter, context)) rows.push(...batch);
  const zone = settings.region.timeZone;
  const pdf = await renderRekapPdf({
    region: settings.region, rows, ctx: context, year: filter.tahun, filterText: opened.filterText,
    dateText: formatTanggal(now, zone),
    printed: `Dicetak dari SIKERDA oleh ${user.fullName} pada ${formatTanggalWaktu(now, zone)}`,
  });
  const stamp = dateInZone(now, zone).replaceAll("-", "");
  const year = filter.tahun ? `-${filter.tahun}` : "";
  return new Response(new Uint8Array(pdf), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": attachment(`rekap-kerja-sama${year}-${stamp}.pdf`),
      "Content-Length": String(pdf.byteLength),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
