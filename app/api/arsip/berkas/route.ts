import { z } from "zod";
import { streamedUpload } from "@/lib/documents/routes";
import { stageArchiveFile } from "@/lib/legacy/staged-upload";

// POST /api/arsip/berkas?name=<file name> with the raw PDF as the body: the first step of the
// Kerja Sama Arsip form (lib/legacy/staged-upload.ts). Streamed like /api/dokumen (a server action
// takes at most 1 MB); answers a signed reference the form then sends with its fields.
export const runtime = "nodejs";

export const POST = streamedUpload({
  params: z.object({ name: z.string({ error: "Permintaan unggah tidak sah." }).max(1000, { error: "Permintaan unggah tidak sah." }).optional() }),
  emptyMessage: "Berkas kosong. Pilih berkas PDF naskah.",
  store: (user, params, body) => stageArchiveFile(user, { originalName: params.name, ...body }),
});
