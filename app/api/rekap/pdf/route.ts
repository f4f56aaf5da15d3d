import type { NextRequest } from "next/server";
import { dateInZone } from "@/lib/dates";
import { REKAP_PDF_MAX_ROWS } from "@/lib/rekap/limits";
import { rekapPdfBytes } from "@/lib/rekap/pdf";
import { attachment, openRekap, pdfBusyNow, pdfUnavailable } from "../shared";

// GET /api/rekap/pdf?tahun=2025&<the register's filters>: the print-ready rekap (A4 landscape,
// the region's kop, Indonesian dates), the same rows as the Excel rekap — scoped, audited. The
// layout runs in a PDF worker thread (lib/pdf/pool.ts); a saturated pool answers 503 "coba lagi".
export const runtime = "nodejs";

export async function GET(request: NextRequest) {
  const opened = await openRekap(request, "pdf", REKAP_PDF_MAX_ROWS, () => pdfBusyNow(request));
  if (opened instanceof Response) return opened;
  const { user, filter, context, settings, now } = opened;
  let pdf: Uint8Array;
  try {
    ({ bytes: pdf } = await rekapPdfBytes({
      actor: user, fullName: user.fullName, filter, context, settings, now, filterText: opened.filterText,
    }));
  } catch (error) {
    const refused = pdfUnavailable(request, error);
    if (refused) return refused;
    throw error;
  }
  const stamp = dateInZone(now, settings.region.timeZone).replaceAll("-", "");
  const year = filter.tahun ? `-${filter.tahun}` : "";
  return new Response(pdf as Uint8Array<ArrayBuffer>, {
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
