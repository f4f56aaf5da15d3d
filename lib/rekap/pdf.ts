import "server-only";
import type { PolicyUser } from "@/lib/auth/policy";
import { formatTanggal, formatTanggalWaktu } from "@/lib/format";
import { renderPdf } from "@/lib/pdf/pool";
import type { RegisterFilter } from "@/lib/register/filters";
import type { WhereContext } from "@/lib/register/sql";
import type { Settings } from "@/lib/settings/defaults";
import { rekapBatches, type RekapRow } from "./query";

/*
 * The printed rekap as bytes: its rows (rekapBatches: the register's scope, filter and order) read
 * here, the layout done by a PDF worker (lib/pdf/pool.ts) — the request thread only waits. Used by
 * GET /api/rekap/pdf and by the bench (scripts/bench/rekap.ts). Rejects with PdfBusyError /
 * PdfTimeoutError when the pool refuses or stops the render.
 */
export async function rekapPdfBytes({
  actor, fullName, filter, context, settings, now, filterText,
}: {
  actor: PolicyUser;
  fullName: string;
  filter: RegisterFilter;
  context: WhereContext;
  settings: Settings;
  now: Date;
  filterText: string;
}): Promise<{ bytes: Uint8Array; rows: number }> {
  const rows: RekapRow[] = [];
  for await (const batch of rekapBatches(actor, filter, context)) rows.push(...batch);
  const zone = settings.region.timeZone;
  const bytes = await renderPdf({
    kind: "rekap",
    props: {
      region: settings.region, rows, ctx: { today: context.today, endingSoonDays: context.endingSoonDays }, year: filter.tahun, filterText,
      dateText: formatTanggal(now, zone),
      printed: `Dicetak dari SIKERDA oleh ${fullName} pada ${formatTanggalWaktu(now, zone)}`,
    },
  });
  return { bytes, rows: rows.length };
}
