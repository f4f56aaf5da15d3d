import { storedFileDownload } from "@/lib/documents/routes";
import { getPartnerDocumentForDownload } from "@/lib/partners/documents";

// Download of a partner's legal document: GET /api/dokumen-mitra/<id> (attachment) or ?tampil=1
// (inline PDF). Whoever may see the partner (lib/partners/visibility.ts); anything else is 404.
export const runtime = "nodejs";

export const GET = storedFileDownload({ label: "dokumen mitra", find: getPartnerDocumentForDownload });
