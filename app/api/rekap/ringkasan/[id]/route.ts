import type { NextRequest } from "next/server";
import { can } from "@/lib/auth/policy";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { formatTanggal, formatTanggalWaktu } from "@/lib/format";
import { registerContext } from "@/lib/register/queries";
import { renderPdf } from "@/lib/pdf/pool";
import { loadRingkasan } from "@/lib/rekap/summary";
import { loadSettings } from "@/lib/settings/load";
import { attachment, pdfBusyNow, pdfUnavailable, problem } from "../../shared";

// GET /api/rekap/ringkasan/[id]: the one-page "Ringkasan Kerja Sama" of a case the user's register
// holds (register.view + registerWhere scope: another OPD's case is 404, as on its page). Audited.
// Rendered in a PDF worker thread (lib/pdf/pool.ts); a saturated pool answers 503 "coba lagi".
export const runtime = "nodejs";

export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return problem(request, 401, "Sesi berakhir", "Sesi Anda telah berakhir. Silakan masuk kembali.");
  if (!can(user, "register.view")) return problem(request, 403, "Akses ditolak", "Anda tidak berwenang melihat kerja sama.");
  const { id } = await params;
  const now = new Date();
  const context = await registerContext(now);
  const r = /^[A-Za-z0-9_-]{1,64}$/.test(id) ? await loadRingkasan(user, id, context) : null;
  if (!r) return problem(request, 404, "Tidak ditemukan", "Kerja sama ini tidak ditemukan atau tidak dapat Anda lihat.");
  const busy = pdfBusyNow(request);
  if (busy) return busy;
  const db = getDb();
  const settings = await loadSettings(db);
  await db.auditEvent.create({
    data: { actorId: user.id, action: "rekap.ringkasan", entity: "Case", entityId: r.id, createdAt: now, data: { code: r.code } },
  });
  const zone = settings.region.timeZone;
  let pdf: Uint8Array;
  try {
    pdf = await renderPdf({
      kind: "ringkasan",
      props: {
        region: settings.region, r, ctx: { today: context.today, endingSoonDays: context.endingSoonDays }, dateText: formatTanggal(now, zone),
        printed: `Dicetak dari SIKERDA oleh ${user.fullName} pada ${formatTanggalWaktu(now, zone)}`,
      },
    });
  } catch (error) {
    const refused = pdfUnavailable(request, error);
    if (refused) return refused;
    throw error;
  }
  return new Response(pdf as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": attachment(`ringkasan-${r.code}.pdf`),
      "Content-Length": String(pdf.byteLength),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
