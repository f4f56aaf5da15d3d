import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { checkUploadRequest } from "@/lib/documents/http";
import { FileTooLargeError } from "@/lib/documents/service";
import { isDomainError } from "@/lib/errors";
import { uploadPartnerDocument } from "@/lib/partners/documents";
import { errorResponse, jsonMessage } from "../dokumen/responses";

// Upload of a partner's legal document: POST /api/dokumen-mitra?mitra=…&type=…&nomor=…&name=<file>
// with the raw PDF as the body, streamed to storage (like /api/dokumen; proxy.ts skips every
// /api/dokumen… path so the body is never buffered). Authenticated and authorized here.
export const runtime = "nodejs";

const code = z.string().max(64).regex(/^[A-Za-z0-9_-]+$/, { error: "Permintaan unggah tidak sah." });
const params = z.object({
  mitra: z.string({ error: "Mitra wajib diisi." }).pipe(code),
  type: z.string({ error: "Jenis dokumen wajib dipilih." }).pipe(code),
  nomor: z.string().max(200).optional(),
  // Only a label: sanitizeFileName() cleans it.
  name: z.string().max(1000).optional(),
});

export async function POST(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return jsonMessage(401, "Sesi Anda telah berakhir. Silakan masuk kembali.");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const problem = checkUploadRequest(request.headers, host);
  if (problem) return jsonMessage(problem.status, problem.message);
  const parsed = params.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return jsonMessage(400, parsed.error.issues[0]?.message ?? "Permintaan unggah tidak sah.");
  if (!request.body) return jsonMessage(400, "Berkas kosong. Pilih berkas yang berisi dokumen.");
  const length = request.headers.get("content-length");
  try {
    const doc = await uploadPartnerDocument(user, {
      partnerId: parsed.data.mitra,
      type: parsed.data.type,
      number: parsed.data.nomor,
      originalName: parsed.data.name,
      stream: request.body,
      declaredSize: length !== null && /^\d+$/.test(length) ? Number(length) : null,
      now: new Date(),
    });
    return NextResponse.json({ id: doc.id, type: doc.type }, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof FileTooLargeError) return jsonMessage(413, error.message);
    if (isDomainError(error)) return errorResponse(error);
    throw error;
  }
}
