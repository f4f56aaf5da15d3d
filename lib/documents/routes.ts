import "server-only";
import { Readable } from "node:stream";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { errorResponse, jsonMessage } from "@/lib/http/responses";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { FileTooLargeError, QuotaExceededError } from "@/lib/documents/service";
import { checkUploadRequest, downloadHeaders } from "@/lib/documents/http";
import { isDomainError } from "@/lib/errors";
import { openObject } from "@/lib/storage";

// The one shape of every streamed upload and every stored-file download of SIKERDA, so each route
// handler states only what differs (its parameters and its service call). The checks, in order:
// a signed-in user; the CSRF header + same origin + declared size (checkUploadRequest); the
// query parameters (zod, first message in Indonesian); a body. Service refusals map to HTTP:
// too large 413, over quota 429, domain errors by code (responses.ts). Authorization is the
// service's: each one asks can() and scopes the record before it reads a byte.

export type StreamedBody = { stream: ReadableStream<Uint8Array>; declaredSize: number | null; now: Date };

const SESSION_ENDED = "Sesi Anda telah berakhir. Silakan masuk kembali.";
const BAD_UPLOAD = "Permintaan unggah tidak sah.";
const NO_STORE = { "Cache-Control": "no-store" };

export function streamedUpload<S extends z.ZodType>(options: {
  params: S;
  /** Shown when the request has no body. */
  emptyMessage: string;
  /** Calls the service; the answer is sent as 201 JSON. */
  store: (user: CurrentUser, params: z.output<S>, body: StreamedBody) => Promise<object>;
}) {
  return async function POST(request: NextRequest): Promise<NextResponse> {
    const user = await getCurrentUser();
    if (!user) return jsonMessage(401, SESSION_ENDED);

    const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
    const problem = checkUploadRequest(request.headers, host);
    if (problem) return jsonMessage(problem.status, problem.message);

    const params = options.params.safeParse(Object.fromEntries(request.nextUrl.searchParams));
    if (!params.success) return jsonMessage(400, params.error.issues[0]?.message ?? BAD_UPLOAD);
    if (!request.body) return jsonMessage(400, options.emptyMessage);
    const length = request.headers.get("content-length");

    try {
      const answer = await options.store(user, params.data, {
        stream: request.body,
        declaredSize: length !== null && /^\d+$/.test(length) ? Number(length) : null,
        now: new Date(),
      });
      return NextResponse.json(answer, { status: 201, headers: NO_STORE });
    } catch (error) {
      if (error instanceof FileTooLargeError) return jsonMessage(413, error.message);
      if (error instanceof QuotaExceededError) return jsonMessage(429, error.message);
      if (isDomainError(error)) return errorResponse(error);
      throw error;
    }
  };
}

type StoredFile = Parameters<typeof downloadHeaders>[0] & { id: string; storageKey: string };

/**
 * GET …/<id> (attachment) or ?tampil=1 (inline: PDF and images only, see downloadHeaders).
 * `find` authorizes and scopes: a hidden, unknown or deleted record is NOT_FOUND (404).
 */
export function storedFileDownload(options: { label: string; find: (user: CurrentUser, id: string) => Promise<StoredFile> }) {
  return async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
    const user = await getCurrentUser();
    if (!user) return jsonMessage(401, SESSION_ENDED);
    const { id } = await params;
    // Ids are cuids (or the seed's slugs): anything else cannot exist and never reaches the database.
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return jsonMessage(404, "Dokumen tidak ditemukan.");

    let doc: StoredFile;
    try {
      doc = await options.find(user, id);
    } catch (error) {
      if (isDomainError(error)) return errorResponse(error);
      throw error;
    }

    // One request to the store (disk or bucket): the stream and its real size together.
    const stored = await openObject(doc.storageKey);
    if (!stored) {
      console.error(`Berkas ${options.label} ${doc.id} tidak ada di penyimpanan (${doc.storageKey}).`);
      return jsonMessage(404, "Berkas dokumen tidak tersedia di penyimpanan.");
    }
    const inline = request.nextUrl.searchParams.get("tampil") === "1";
    const body = Readable.toWeb(stored.body) as ReadableStream<Uint8Array>;
    return new Response(body, { status: 200, headers: downloadHeaders({ ...doc, sizeBytes: stored.sizeBytes }, inline) });
  };
}
