import { storedFileDownload } from "@/lib/documents/routes";
import { getDocumentForDownload } from "@/lib/documents/service";

// Download: GET /api/dokumen/<id> (attachment) or ?tampil=1 (inline, PDF/images only). Only users
// who may read the case's documents; a hidden, unknown or deleted document is 404.
export const runtime = "nodejs";

export const GET = storedFileDownload({ label: "dokumen", find: getDocumentForDownload });
