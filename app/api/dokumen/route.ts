import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { optionalText } from "@/lib/validation/fields";
import { getCurrentUser } from "@/lib/auth/session";
import { checkUploadRequest } from "@/lib/documents/http";
import { FileTooLargeError, QuotaExceededError, uploadDocument } from "@/lib/documents/service";
import { isDomainError } from "@/lib/errors";
import { errorResponse, jsonMessage } from "./responses";

// Upload: POST /api/dokumen?caseId=…&type=…&name=<file name>&alasan=<correction reason>&tahap=<stage seen>
// with the raw file as the body. Not a server action (1 MB body limit) and not multipart (which
// Next buffers): the body is streamed to storage while it arrives.
export const runtime = "nodejs";

const code = z.string().max(64).regex(/^[A-Za-z0-9_-]+$/, { error: "Permintaan unggah tidak sah." });
const uploadParams = z.object({
  caseId: z.string({ error: "Usulan wajib diisi." }).pipe(code),
  type: z.string({ error: "Jenis dokumen wajib diisi." }).pipe(code),
  tahap: code.optional(),
  // The file name is only a label: sanitizeFileName() cleans it (control characters included).
  name: z.string().max(1000).optional(),
  alasan: optionalText("Alasan koreksi", 1000, { multiline: true }),
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
    const doc = await uploadDocument(user, {
      caseId: params.data.caseId,
      type: params.data.type,
      originalName: params.data.name,
      stream: request.body,
      declaredSize: length !== null && /^\d+$/.test(length) ? Number(length) : null,
      correctionReason: params.data.alasan,
      expectedStage: params.data.tahap,
      now: new Date(),
    });
    return NextResponse.json(
      { id: doc.id, version: doc.version, type: doc.type, locked: doc.locked },
      { status: 201, headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    if (error instanceof FileTooLargeError) return jsonMessage(413, error.message);
    if (error instanceof QuotaExceededError) return jsonMessage(429, error.message);
    if (isDomainError(error)) return errorResponse(error);
    throw error;
  }
}
