import { Readable } from "node:stream";
import type { NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { downloadHeaders } from "@/lib/documents/http";
import { getDocumentForDownload } from "@/lib/documents/service";
import { isDomainError } from "@/lib/errors";
import { openObject } from "@/lib/storage";
import { errorResponse, jsonMessage } from "../responses";

// Download: GET /api/dokumen/<id> (attachment) or ?tampil=1 (inline, PDF/images only). Only users
// who may read the case's documents; a hidden, unknown or deleted document is 404.
export const runtime = "nodejs";

export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return jsonMessage(401, "Sesi Anda telah berakhir. Silakan masuk kembali.");
  const { id } = await params;
  // Ids are cuids (or the seed's slugs): anything else cannot exist and never reaches the database.
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return jsonMessage(404, "Dokumen tidak ditemukan.");

  let doc;
  try {
    doc = await getDocumentForDownload(user, id);
  } catch (error) {
    if (isDomainError(error)) return errorResponse(error);
    throw error;
  }

  // One request to the store (disk or bucket): the stream and its real size together.
  const stored = await openObject(doc.storageKey);
  if (!stored) {
    console.error(`Berkas dokumen ${doc.id} tidak ada di penyimpanan (${doc.storageKey}).`);
    return jsonMessage(404, "Berkas dokumen tidak tersedia di penyimpanan.");
  }
  const inline = request.nextUrl.searchParams.get("tampil") === "1";
  const body = Readable.toWeb(stored.body) as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers: downloadHeaders({ ...doc, sizeBytes: stored.sizeBytes }, inline) });
}
