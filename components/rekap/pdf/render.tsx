import "server-only";
import { renderToBuffer } from "@react-pdf/renderer";
import { registerFonts } from "./base";
import { RekapDocument, type RekapPdfProps } from "./rekap-document";
import { RingkasanDocument, type RingkasanPdfProps } from "./ringkasan-document";

/** The two PDFs as bytes (react-pdf lays out the whole document before it can number the pages). */
export async function renderRekapPdf(props: RekapPdfProps): Promise<Buffer> {
  registerFonts();
  return renderToBuffer(<RekapDocument {...props} />);
}

export async function renderRingkasanPdf(props: RingkasanPdfProps): Promise<Buffer> {
  registerFonts();
  return renderToBuffer(<RingkasanDocument {...props} />);
}
