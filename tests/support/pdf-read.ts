// Reads a PDF the way a person would check it: the text of each page (pdfjs-dist, the PDF engine of
// Firefox) and each page as a PNG (pdfjs-dist drawing on @napi-rs/canvas) to look at. Test-only.
import fs from "node:fs";
import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

async function open(bytes: Uint8Array) {
  return getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
}

/** The text of every page, items joined by spaces; every run of whitespace (line breaks, U+00A0) becomes one space. */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const doc = await open(bytes);
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((i) => ("str" in i ? i.str : "")).join(" ").replace(/\s+/g, " ").trim());
  }
  await doc.destroy();
  return pages;
}

/** Writes pages (at most `max`) as PNG files `<dir>/<name>-<n>.png`; returns their paths. */
export async function pdfPagesToPng(bytes: Uint8Array, dir: string, name: string, { scale = 1.5, max = 3 } = {}): Promise<string[]> {
  const doc = await open(bytes);
  fs.mkdirSync(dir, { recursive: true });
  const out: string[] = [];
  for (let n = 1; n <= Math.min(doc.numPages, max); n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale });
    const factory = doc.canvasFactory as { create(w: number, h: number): { canvas: { toBuffer(t: string): Buffer }; context: unknown } };
    const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    await page.render({ canvasContext: context as never, canvas: canvas as never, viewport }).promise;
    const file = path.join(dir, `${name}-${n}.png`);
    fs.writeFileSync(file, canvas.toBuffer("image/png"));
    out.push(file);
  }
  await doc.destroy();
  return out;
}
