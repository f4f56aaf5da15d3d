import { renderToBuffer } from "@react-pdf/renderer";
import { registerFonts } from "./base";
import { RekapDocument, type RekapPdfProps } from "./rekap-document";
import { RingkasanDocument, type RingkasanPdfProps } from "./ringkasan-document";

/*
 * The two PDFs as bytes (react-pdf lays out the whole document before it can number the pages).
 * This module runs inside the PDF worker threads (lib/pdf/worker.mjs loads it through tsx), never
 * in the web server's request thread: routes call lib/pdf/pool.ts. It and the documents therefore
 * import nothing from Next.js (no "server-only") and take plain, structured-clonable props.
 */
export type PdfJob = { kind: "rekap"; props: RekapPdfProps } | { kind: "ringkasan"; props: RingkasanPdfProps };

export async function renderPdfDocument(job: PdfJob): Promise<Buffer> {
  registerFonts();
  return job.kind === "rekap"
    ? renderToBuffer(<RekapDocument {...job.props} />)
    : renderToBuffer(<RingkasanDocument {...job.props} />);
}
