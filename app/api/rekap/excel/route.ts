import { Readable } from "node:stream";
import type { NextRequest } from "next/server";
import { rekapXlsxStream } from "@/components/rekap/excel";
import { dateInZone } from "@/lib/dates";
import { rekapBatches } from "@/lib/rekap/query";
import { REKAP_XLSX_MAX_ROWS } from "@/lib/rekap/limits";
import { aboutLines, attachment, openRekap } from "../shared";

// GET /api/rekap/excel?tahun=2025&<the register's filters>: the rekap of domain §6 as .xlsx,
// streamed, scoped by registerWhere() and audited (app/api/rekap/shared.ts).
export const runtime = "nodejs";


export async function GET(request: NextRequest) {
  const opened = await openRekap(request, "xlsx", REKAP_XLSX_MAX_ROWS);
  if (opened instanceof Response) return opened;
  const body = rekapXlsxStream(rekapBatches(opened.user, opened.filter, opened.context), opened.context, aboutLines(opened));
  const stamp = dateInZone(opened.now, opened.settings.region.timeZone).replaceAll("-", "");
  const year = opened.filter.tahun ? `-${opened.filter.tahun}` : "";
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    status: 200,
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": attachment(`rekap-kerja-sama${year}-${stamp}.xlsx`),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
