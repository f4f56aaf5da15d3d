import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { checkUploadRequest } from "@/lib/documents/http";
import { FileTooLargeError, QuotaExceededError } from "@/lib/documents/service";
import { isDomainError } from "@/lib/errors";
import { uploadEvidence } from "@/lib/reports/evidence";
import { errorResponse, jsonMessage } from "../responses";

// Evidence of a monitoring report: POST /api/dokumen/bukti-laporan?reportId=…&type=…&name=<file name>
// with the raw file as the body — the streamed upload of /api/dokumen (same CSRF header, size limit
// and content sniffing), attached to a report the OPD's operator may still change. It sits under
// /api/dokumen so the proxy leaves its body alone (proxy.ts matcher).
export const runtime = "nodejs";

const code = z.string().max(64).regex(/^[A-Za-z0-9_-]+$/, { error: "Permintaan unggah tidak sah." });
const uploadParams = z.object({
  reportId: z.string({ error: "Laporan wajib diisi." }).pipe(code),
  type: z.string({ error: "Jenis bukti wajib diisi." }).pipe(code),
  // The file name is only a label: sanitizeFileName() cleans it (control characters included).
  name: z.string().max(1000).optional(),
});

export async function POST(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return jsonMessage(401, "Sesi Anda telah berakhir. Silakan masuk kembali.");

  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const problem = checkUploadRequest(request.headers, host);
  if (problem) return jsonMessage(problem.status, problem.message);

  const params = uploadParams.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!params.success) return jsonMessage(400, params.error.issues[0]?.message ?? "Permintaan unggah tidak sah.");
  if (!request.body) return jsonMessage(400, "Berkas kosong. Pilih berkas yang berisi dokumen.");
  const length = request.headers.get("content-length");

  try {
    const doc = await uploadEvidence(user, {
      reportId: params.data.reportId,
      type: params.data.type,
      originalName: params.data.name,
      stream: request.body,
      declaredSize: length !== null && /^\d+$/.test(length) ? Number(length) : null,
      now: new Date(),
    });
    return NextResponse.json({ id: doc.id, type: doc.type }, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof FileTooLargeError) return jsonMessage(413, error.message);
    if (error instanceof QuotaExceededError) return jsonMessage(429, error.message);
    if (isDomainError(error)) return errorResponse(error);
    throw error;
  }
}
