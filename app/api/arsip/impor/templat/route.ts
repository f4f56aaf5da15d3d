import { NextResponse } from "next/server";
import { can } from "@/lib/auth/policy";
import { getCurrentUser } from "@/lib/auth/session";
import { buildTemplate } from "@/lib/legacy/workbook";
import { listActiveOpdShortNames } from "@/lib/legacy/queries";
import { GOVERNMENT_AFFAIRS } from "@/app/(app)/usulan/options";
import { contentDisposition } from "@/lib/documents/http";
import { dateInZone } from "@/lib/dates";
import { getSettings } from "@/lib/settings/service";
import { jsonMessage } from "@/lib/http/responses";

// GET /api/arsip/impor/templat: the import template (.xlsx), with the current OPD list.
export const runtime = "nodejs";

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return jsonMessage(401, "Sesi Anda telah berakhir. Silakan masuk kembali.");
  if (!can(user, "legacy.import")) return jsonMessage(403, "Anda tidak berwenang mengunduh templat impor kerja sama arsip.");
  const [opds, settings] = await Promise.all([listActiveOpdShortNames(), getSettings()]);
  const year = Number(dateInZone(new Date(), settings.region.timeZone).slice(0, 4));
  const bytes = await buildTemplate(opds, GOVERNMENT_AFFAIRS, year);
  return new NextResponse(new Uint8Array(bytes), {
    status: 200,
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": contentDisposition("templat-impor-kerja-sama-arsip.xlsx", false),
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
