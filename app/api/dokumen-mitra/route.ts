import { z } from "zod";
import { streamedUpload } from "@/lib/documents/routes";
import { uploadPartnerDocument } from "@/lib/partners/documents";

// Upload of a partner's legal document: POST /api/dokumen-mitra?mitra=…&type=…&nomor=…&name=<file>
// with the raw PDF as the body, streamed to storage (like /api/dokumen; proxy.ts skips every
// /api/dokumen… path so the body is never buffered). Authenticated and authorized here.
export const runtime = "nodejs";

const code = z.string().max(64).regex(/^[A-Za-z0-9_-]+$/, { error: "Permintaan unggah tidak sah." });

export const POST = streamedUpload({
  params: z.object({
    mitra: z.string({ error: "Mitra wajib diisi." }).pipe(code),
    type: z.string({ error: "Jenis dokumen wajib dipilih." }).pipe(code),
    nomor: z.string().max(200).optional(),
    // Only a label: sanitizeFileName() cleans it.
    name: z.string().max(1000).optional(),
  }),
  emptyMessage: "Berkas kosong. Pilih berkas yang berisi dokumen.",
  store: async (user, params, body) => {
    const doc = await uploadPartnerDocument(user, {
      partnerId: params.mitra,
      type: params.type,
      number: params.nomor,
      originalName: params.name,
      ...body,
    });
    return { id: doc.id, type: doc.type };
  },
});
