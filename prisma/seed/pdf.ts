// A minimal PDF 1.4 writer for the demo documents: one A4 page, Helvetica (a standard font, so
// nothing is embedded), WinAnsi text, correct xref offsets. Each file is about 1.5 KB and is built
// in memory, so hundreds of placeholders cost a few milliseconds.

export type PlaceholderPdf = {
  /** Issuing office, printed under the region header (e.g. "SEKRETARIAT DAERAH"). */
  office: string;
  /** Document type label, printed as the title. */
  label: string;
  caseTitle: string;
  caseCode: string;
  /** Extra lines (partner, date, version …). */
  lines?: string[];
  /** Document info /Title. */
  title?: string;
  createdAt?: Date;
};

// Unicode → WinAnsi for the characters Indonesian/partner names actually use; other
// non-Latin-1 characters degrade to "?" (Helvetica has no glyph for them anyway).
const WIN_ANSI: Record<string, number> = {
  "€": 0x80, "‚": 0x82, "„": 0x84, "…": 0x85, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94,
  "•": 0x95, "–": 0x96, "—": 0x97, "™": 0x99,
};

function encodeWinAnsi(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    let byte: number;
    if (WIN_ANSI[ch] !== undefined) byte = WIN_ANSI[ch];
    else if (code >= 0x20 && code <= 0x7e) byte = code;
    else if (code >= 0xa0 && code <= 0xff) byte = code;
    else byte = 0x3f;
    const c = String.fromCharCode(byte);
    out += c === "(" || c === ")" || c === "\\" ? `\\${c}` : c;
  }
  return out;
}

/** Greedy wrap by an average Helvetica advance (~0.52 em); good enough for placeholders. */
function wrap(text: string, size: number, width: number): string[] {
  const max = Math.max(10, Math.floor(width / (size * 0.52)));
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current && current.length + 1 + word.length > max) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}

function pdfDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}

const A4 = { w: 595, h: 842 };
const MARGIN = 57;

function pageContent(doc: PlaceholderPdf): string {
  const ops: string[] = [];
  let y = A4.h - 70;
  const center = (text: string, font: "F1" | "F2", size: number) => {
    const approx = text.length * size * 0.68; // centred lines are bold capitals
    const x = Math.max(MARGIN, (A4.w - approx) / 2);
    ops.push(`BT /${font} ${size} Tf ${x.toFixed(1)} ${y} Td (${encodeWinAnsi(text)}) Tj ET`);
    y -= size + 6;
  };
  const left = (text: string, font: "F1" | "F2", size: number) => {
    for (const line of wrap(text, size, A4.w - 2 * MARGIN)) {
      ops.push(`BT /${font} ${size} Tf ${MARGIN} ${y} Td (${encodeWinAnsi(line)}) Tj ET`);
      y -= size + 5;
    }
  };
  center("PEMERINTAH KABUPATEN SUKAMAJU", "F2", 15);
  center(doc.office.toUpperCase(), "F2", 12);
  ops.push(`1 w ${MARGIN} ${y + 4} m ${A4.w - MARGIN} ${y + 4} l S`);
  y -= 28;
  center(doc.label.toUpperCase(), "F2", 13);
  y -= 12;
  left(`Perihal: ${doc.caseTitle}`, "F1", 11);
  left(`Kode usulan: ${doc.caseCode}`, "F1", 11);
  for (const line of doc.lines ?? []) left(line, "F1", 11);
  y -= 24;
  left("Dokumen contoh — data demo SIKERDA. Bukan dokumen resmi.", "F2", 11);
  ops.push(`BT /F1 8 Tf ${MARGIN} 40 Td (${encodeWinAnsi("Dibuat otomatis oleh skrip seed SIKERDA.")}) Tj ET`);
  return ops.join("\n");
}

/** Builds the bytes of a one-page placeholder PDF. */
export function buildPlaceholderPdf(doc: PlaceholderPdf): Uint8Array {
  const content = pageContent(doc);
  const created = pdfDate(doc.createdAt ?? new Date());
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${A4.w} ${A4.h}] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
    `<< /Title (${encodeWinAnsi(doc.title ?? doc.label)}) /Producer (SIKERDA seed) /CreationDate (${created}) >>`,
  ];
  // Header with a binary comment so tools treat the file as binary.
  let body = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 7 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, "latin1"));
}
