import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { checkUploadRequest } from "@/lib/documents/http";
import { FileTooLargeError, uploadDocument } from "@/lib/documents/service";
import { isDomainError } from "@/lib/errors";
import { errorResponse, jsonMessage } from "./responses";

// Upload: POST /api/dokumen?caseId=…&type=…&name=<file name>&alasan=<correction reason>&tahap=<stage seen>
// with the raw file as the body. Not a server action (1 MB body limit) and not multipart (which
// Next buffers): the body is streamed to storage while it arrives.
export const runtime = "nodejs";

export async function POST(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return jsonMessage(401, "Sesi Anda telah berakhir. Silakan masuk kembali.");

  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const problem = checkUploadRequest(request.headers, host);
  if (problem) return jsonMessage(problem.status, problem.message);

  const params = request.nextUrl.searchParams;
  const caseId = params.get("caseId");
  const type = params.get("type");
  if (!caseId || !type) return jsonMessage(400, "Usulan dan jenis dokumen wajib diisi.");
  if (!request.body) return jsonMessage(400, "Berkas kosong. Pilih berkas yang berisi dokumen.");
  const length = request.headers.get("content-length");

  try {
    const doc = await uploadDocument(user, {
      caseId,
      type,
      originalName: params.get("name"),
      stream: request.body,
      declaredSize: length !== null && /^\d+$/.test(length) ? Number(length) : null,
      correctionReason: params.get("alasan"),
      expectedStage: params.get("tahap"),
    });
    return NextResponse.json(
      { id: doc.id, version: doc.version, type: doc.type, locked: doc.locked },
      { status: 201, headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    if (error instanceof FileTooLargeError) return jsonMessage(413, error.message);
    if (isDomainError(error)) return errorResponse(error);
    throw error;
  }
}
