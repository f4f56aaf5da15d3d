import { Readable } from "node:stream";
import type { NextRequest } from "next/server";
import { can } from "@/lib/auth/policy";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { dateInZone } from "@/lib/dates";
import { formatTanggal } from "@/lib/format";
import { problemPage } from "@/lib/http/problem-page";
import type { Problem } from "@/lib/http/request-guard";
import { registerFilterSchema } from "@/lib/register/filters";
import { countRegister, registerBatches, registerContext } from "@/lib/register/queries";
import { loadSettings } from "@/lib/settings/load";
import { describeFilter } from "./describe";
import { CONTENT_TYPES, csvStream, xlsxStream, type ExportFormat } from "./writers";

// GET /api/kerja-sama/ekspor?format=xlsx|csv&<the register's URL filters>: the CURRENT filter of
// /kerja-sama as a file, streamed. Authenticated and authorized here (register.export) and scoped
// by the same registerWhere() as the list, so the file holds exactly the rows the user could page
// through. Every export is audited (who, which filter, how many rows).
export const runtime = "nodejs";

/** A larger selection is refused with advice to narrow the filter (the file would take minutes). */
export const EXPORT_MAX_ROWS = 50_000;

function problem(request: NextRequest, status: number, title: string, message: string): Response {
  const nonce = request.headers.get("x-nonce") ?? "";
  // problemPage() only prints the status code; a 401 is as good as the 4xx it was written for.
  return new Response(problemPage({ status, title, message } as unknown as Problem, nonce), {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return problem(request, 401, "Sesi berakhir", "Sesi Anda telah berakhir. Silakan masuk kembali.");
  if (!can(user, "register.export")) {
    return problem(request, 403, "Akses ditolak", "Anda tidak berwenang mengekspor register kerja sama.");
  }
  const params = request.nextUrl.searchParams;
  const format = (params.get("format") ?? "xlsx") as ExportFormat;
  if (format !== "xlsx" && format !== "csv") {
    return problem(request, 400, "Format tidak dikenal", "Pilih format Excel (xlsx) atau CSV.");
  }
  const filter = registerFilterSchema.parse(Object.fromEntries(params));
  const now = new Date();
  const context = await registerContext(now);
  const total = await countRegister(user, filter, context, EXPORT_MAX_ROWS);
  if (total.capped) {
    return problem(
      request, 413, "Terlalu banyak baris",
      `Pilihan ini memuat lebih dari ${EXPORT_MAX_ROWS.toLocaleString("id-ID")} kerja sama. Persempit filter (misalnya per tahun atau per OPD), lalu ekspor lagi.`,
    );
  }
  const db = getDb();
  const settings = await loadSettings(db);
  const describe = await describeFilter(filter, settings.endingSoonDays);
  await db.auditEvent.create({
    data: {
      actorId: user.id, action: "register.export", entity: "Case", entityId: null, createdAt: now,
      data: { format, filter: describe.params, rows: total.value },
    },
  });
  const zone = settings.region.timeZone;
  const batches = registerBatches(user, filter, context);
  const body = format === "xlsx"
    ? xlsxStream(batches, context, {
        about: [
          ["Register", `Daftar Kerja Sama — ${settings.region.name}`],
          ["Filter", describe.text || "Tanpa filter (seluruh kerja sama yang dapat Anda lihat)"],
          ["Diekspor oleh", `${user.fullName} (${user.username})`],
          ["Diekspor pada", formatTanggal(now, zone)],
        ],
      })
    : csvStream(batches, context);
  const stamp = dateInZone(now, zone).replaceAll("-", "");
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    status: 200,
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="register-kerja-sama-${stamp}.${format}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
