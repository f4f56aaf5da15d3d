import type { NextRequest } from "next/server";
import { z } from "zod";
import { can } from "@/lib/auth/policy";
import { getCurrentUser } from "@/lib/auth/session";
import { checkUploadRequest } from "@/lib/documents/http";
import { toAsyncIterable } from "@/lib/documents/stream";
import { isDomainError } from "@/lib/errors";
import { MAX_IMPORT_BYTES } from "@/lib/legacy/columns";
import { commitImport, IMPORT_FORBIDDEN, validateImport } from "@/lib/legacy/import";
import { readImportWorkbook } from "@/lib/legacy/workbook";
import { errorResponse, jsonMessage } from "@/lib/http/responses";

// POST /api/arsip/impor?langkah=periksa|impor&name=<file name> with the .xlsx as the body.
// "periksa" validates every row and answers the preview; "impor" validates again and, only when the
// whole file is valid, imports all rows in one transaction. The answer is streamed as NDJSON — one
// {"type":"progres",…} line per step, then {"type":"pratinjau"|"selesai",…} — so the page shows a
// progress bar while a file of hundreds of rows is imported. Refusals come before the stream (4xx).
export const runtime = "nodejs";

const params = z.object({
  langkah: z.enum(["periksa", "impor"], { error: "Langkah impor tidak dikenal." }),
  name: z.string().max(200).optional(),
});

const TOO_LARGE = `Berkas impor paling besar ${MAX_IMPORT_BYTES / 1024 / 1024} MB; bagi menjadi beberapa berkas.`;

async function readBody(body: ReadableStream<Uint8Array>): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of toAsyncIterable(body)) {
    size += chunk.byteLength;
    if (size > MAX_IMPORT_BYTES) return null;
    chunks.push(chunk);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

export async function POST(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return jsonMessage(401, "Sesi Anda telah berakhir. Silakan masuk kembali.");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const problem = checkUploadRequest(request.headers, host);
  if (problem) return jsonMessage(problem.status, problem.message);
  if (!can(user, "legacy.import")) return jsonMessage(403, IMPORT_FORBIDDEN);
  const query = params.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return jsonMessage(400, query.error.issues[0]?.message ?? "Permintaan impor tidak sah.");
  const length = request.headers.get("content-length");
  if (length !== null && /^\d+$/.test(length) && Number(length) > MAX_IMPORT_BYTES) return jsonMessage(413, TOO_LARGE);
  if (!request.body) return jsonMessage(400, "Berkas kosong. Pilih berkas Excel hasil isian templat.");
  const bytes = await readBody(request.body);
  if (!bytes) return jsonMessage(413, TOO_LARGE);

  let rows;
  try {
    rows = await readImportWorkbook(bytes);
  } catch (error) {
    if (isDomainError(error)) return errorResponse(error);
    throw error;
  }
  const fileName = (query.data.name ?? "impor.xlsx").replace(/[\u0000-\u001f\u007f-\u009f]/g, "").slice(-120);
  const now = new Date();
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: Record<string, unknown>) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        send({ type: "progres", tahap: "periksa", done: 0, total: rows.length });
        if (query.data.langkah === "periksa") {
          const { preview } = await validateImport({ actor: user, now, rows });
          send({ type: "pratinjau", preview });
        } else {
          const step = Math.max(1, Math.floor(rows.length / 100));
          const result = await commitImport({
            actor: user, now, rows, fileName,
            onProgress: (done, total) => {
              if (done === total || done % step === 0) send({ type: "progres", tahap: "impor", done, total });
            },
          });
          send(result.imported ? { type: "selesai", ...result } : { type: "pratinjau", preview: result.preview });
        }
      } catch (error) {
        send({ type: "galat", message: isDomainError(error) ? error.message : "Impor gagal karena kesalahan sistem; tidak ada data yang diimpor. Coba lagi." });
        if (!isDomainError(error)) console.error(error);
      }
      controller.close();
    },
  });
  return new Response(stream, {
    status: 200,
    headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}
