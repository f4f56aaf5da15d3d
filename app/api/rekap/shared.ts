import "server-only";
import type { NextRequest } from "next/server";
import { can } from "@/lib/auth/policy";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { formatTanggalWaktu } from "@/lib/format";
import { PDF_BUSY_MESSAGE, PDF_TIMEOUT_MESSAGE, PdfBusyError, PdfTimeoutError, pdfPool } from "@/lib/pdf/pool";
import { problemPage } from "@/lib/http/problem-page";
import type { Problem } from "@/lib/http/request-guard";
import { registerFilterSchema, type RegisterFilter } from "@/lib/register/filters";
import { countRegister, registerContext } from "@/lib/register/queries";
import type { WhereContext } from "@/lib/register/sql";
import { loadSettings } from "@/lib/settings/load";
import type { Settings } from "@/lib/settings/defaults";
import { describeFilter } from "../kerja-sama/ekspor/describe";

// What every rekap download does first (issue 8 §3): authenticate, authorize (`rekap.export`),
// read the register's filter from the URL (the year is its `tahun`), count the rows through the
// same registerWhere() as the register (scoped), refuse a selection that is too large, and write
// the audit row (who, format, filter, rows) before the first byte is sent.

export function problem(request: NextRequest, status: number, title: string, message: string): Response {
  const nonce = request.headers.get("x-nonce") ?? "";
  // problemPage() only prints the status code; any 4xx reads well through it.
  return new Response(problemPage({ status, title, message } as unknown as Problem, nonce), {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export type RekapRequest = {
  user: CurrentUser;
  filter: RegisterFilter;
  context: WhereContext;
  settings: Settings;
  now: Date;
  rows: number;
  /** The filter in words ("Tanpa filter …" when none). */
  filterText: string;
};

export async function openRekap(
  request: NextRequest, format: "xlsx" | "pdf", maxRows: number, refuse?: () => Response | null,
): Promise<RekapRequest | Response> {
  const user = await getCurrentUser();
  if (!user) return problem(request, 401, "Sesi berakhir", "Sesi Anda telah berakhir. Silakan masuk kembali.");
  if (!can(user, "rekap.export")) return problem(request, 403, "Akses ditolak", "Anda tidak berwenang mengunduh rekap kerja sama.");
  const filter = registerFilterSchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const now = new Date();
  const context = await registerContext(now);
  const total = await countRegister(user, filter, context, maxRows);
  if (total.capped) {
    return problem(
      request, 413, "Terlalu banyak baris",
      `Rekap ${format === "pdf" ? "PDF" : "Excel"} memuat paling banyak ${maxRows.toLocaleString("id-ID")} kerja sama. Persempit filter (misalnya per tahun atau per OPD), lalu unduh lagi.`,
    );
  }
  // E.g. the PDF pool is saturated: refused before the audit row, which records downloads only.
  const refused = refuse?.();
  if (refused) return refused;
  const db = getDb();
  const settings = await loadSettings(db);
  const described = await describeFilter(filter, settings.endingSoonDays);
  await db.auditEvent.create({
    data: {
      actorId: user.id, action: "rekap.export", entity: "Case", entityId: null, createdAt: now,
      data: { format, filter: described.params, rows: total.value },
    },
  });
  return {
    user, filter, context, settings, now, rows: total.value,
    filterText: described.text || "Tanpa filter (seluruh kerja sama yang dapat Anda lihat)",
  };
}

/** Lines naming the rekap (the Excel "Keterangan" sheet, the PDF's heading). */
export function aboutLines(r: RekapRequest): [string, string][] {
  const zone = r.settings.region.timeZone;
  return [
    ["Rekap", `Rekap Kerja Sama Daerah — ${r.settings.region.name}`],
    ["Tahun penandatanganan", r.filter.tahun ? String(r.filter.tahun) : "Semua tahun"],
    ["Filter", r.filterText],
    ["Diunduh oleh", `${r.user.fullName} (${r.user.username})`],
    ["Diunduh pada", formatTanggalWaktu(r.now, zone)],
  ];
}

/** 503 when the PDF pool is saturated or a render was stopped (lib/pdf/pool.ts), with Retry-After. */
export function pdfUnavailable(request: NextRequest, error: unknown): Response | null {
  if (!(error instanceof PdfBusyError) && !(error instanceof PdfTimeoutError)) return null;
  const busy = error instanceof PdfBusyError;
  const res = problem(request, 503, busy ? "Server sedang sibuk" : "PDF dihentikan", busy ? PDF_BUSY_MESSAGE : PDF_TIMEOUT_MESSAGE);
  res.headers.set("Retry-After", busy ? "30" : "120");
  return res;
}

/** The pool cannot take another render right now: refuse before any work (and before the audit row). */
export function pdfBusyNow(request: NextRequest): Response | null {
  return pdfPool().saturated ? pdfUnavailable(request, new PdfBusyError()) : null;
}

export const attachment = (name: string) => `attachment; filename="${name}"`;
