import { z } from "zod";
import { streamedUpload } from "@/lib/documents/routes";
import { uploadDocument } from "@/lib/documents/service";
import { optionalText } from "@/lib/validation/fields";

// Upload: POST /api/dokumen?caseId=…&type=…&name=<file name>&alasan=<correction reason>&tahap=<stage seen>
// with the raw file as the body. Not a server action (1 MB body limit) and not multipart (which
// Next buffers): the body is streamed to storage while it arrives (lib/documents/routes.ts).
export const runtime = "nodejs";

const code = z.string().max(64).regex(/^[A-Za-z0-9_-]+$/, { error: "Permintaan unggah tidak sah." });

export const POST = streamedUpload({
  params: z.object({
    caseId: z.string({ error: "Usulan wajib diisi." }).pipe(code),
    type: z.string({ error: "Jenis dokumen wajib diisi." }).pipe(code),
    tahap: code.optional(),
    // The file name is only a label: sanitizeFileName() cleans it (control characters included).
    name: z.string().max(1000).optional(),
    alasan: optionalText("Alasan koreksi", 1000, { multiline: true }),
  }),
  emptyMessage: "Berkas kosong. Pilih berkas yang berisi dokumen.",
  store: async (user, params, body) => {
    const doc = await uploadDocument(user, {
      caseId: params.caseId,
      type: params.type,
      originalName: params.name,
      correctionReason: params.alasan,
      expectedStage: params.tahap,
      ...body,
    });
    return { id: doc.id, version: doc.version, type: doc.type, locked: doc.locked };
  },
});
