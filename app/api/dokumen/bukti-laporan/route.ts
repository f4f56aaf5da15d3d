import { z } from "zod";
import { streamedUpload } from "@/lib/documents/routes";
import { uploadEvidence } from "@/lib/reports/evidence";

// Evidence of a monitoring report: POST /api/dokumen/bukti-laporan?reportId=…&type=…&name=<file name>
// with the raw file as the body — the streamed upload of /api/dokumen (same CSRF header, size limit
// and content sniffing), attached to a report the OPD's operator may still change. It sits under
// /api/dokumen so the proxy leaves its body alone (proxy.ts matcher).
export const runtime = "nodejs";

const code = z.string().max(64).regex(/^[A-Za-z0-9_-]+$/, { error: "Permintaan unggah tidak sah." });

export const POST = streamedUpload({
  params: z.object({
    reportId: z.string({ error: "Laporan wajib diisi." }).pipe(code),
    type: z.string({ error: "Jenis bukti wajib diisi." }).pipe(code),
    // The file name is only a label: sanitizeFileName() cleans it (control characters included).
    name: z.string().max(1000).optional(),
  }),
  emptyMessage: "Berkas kosong. Pilih berkas yang berisi dokumen.",
  store: async (user, params, body) => {
    const doc = await uploadEvidence(user, { reportId: params.reportId, type: params.type, originalName: params.name, ...body });
    return { id: doc.id, type: doc.type };
  },
});
