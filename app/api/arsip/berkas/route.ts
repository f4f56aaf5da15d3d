import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { checkUploadRequest } from "@/lib/documents/http";
import { FileTooLargeError } from "@/lib/documents/service";
import { isDomainError } from "@/lib/errors";
import { stageArchiveFile } from "@/lib/legacy/staged-upload";
import { errorResponse, jsonMessage } from "../../dokumen/responses";

// POST /api/arsip/berkas?name=<file name> with the raw PDF as the body: the first step of the
// Kerja Sama Arsip form (lib/legacy/staged-upload.ts). Streamed like /api/dokumen (a server action
// takes at most 1 MB); answers a signed reference the form then sends with its fields.
export const runtime = "nodejs";

const params = z.object({ name: z.string().max(1000).optional() });

export async function POST(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return jsonMessage(401, "Sesi Anda telah berakhir. Silakan masuk kembali.");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const problem = checkUploadRequest(request.headers, host);
  if (problem) return jsonMessage(problem.status, problem.message);
  const query = params.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return jsonMessage(400, "Permintaan unggah tidak sah.");
  if (!request.body) return jsonMessage(400, "Berkas kosong. Pilih berkas PDF naskah.");
  const length = request.headers.get("content-length");
  try {
    const staged = await stageArchiveFile(user, {
      stream: request.body,
      originalName: query.data.name,
      declaredSize: length !== null && /^\d+$/.test(length) ? Number(length) : null,
      now: new Date(),
    });
    return NextResponse.json(staged, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof FileTooLargeError) return jsonMessage(413, error.message);
    if (isDomainError(error)) return errorResponse(error);
    throw error;
  }
}
