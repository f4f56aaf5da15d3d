import { describe, expect, it } from "vitest";
import { sanitizeFileName } from "@/lib/documents/file-name";
import { checkUploadRequest, contentDisposition, downloadHeaders, MAX_UPLOAD_BYTES } from "@/lib/documents/http";
import { needsCorrectionReason, typesNeedingReason, uploadableTypes } from "@/lib/documents/rules";
import type { Role } from "@/lib/auth/roles";
import type { DocumentType, Stage } from "@/lib/generated/prisma/enums";
import { isAccepted, JPEG, PDF, PNG, sniffType } from "@/lib/documents/sniff";
import { readHead } from "@/lib/documents/stream";

const bytes = (...b: number[]) => Uint8Array.from(b);
const text = (s: string) => new TextEncoder().encode(s);

describe("sniffType", () => {
  it("recognises PDF, JPEG and PNG by their first bytes only", () => {
    expect(sniffType(text("%PDF-1.4\n"))).toBe(PDF);
    expect(sniffType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe(JPEG);
    expect(sniffType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe(PNG);
  });

  it("refuses executables, HTML, ZIP/DOCX, truncated signatures and empty input", () => {
    for (const head of [text("MZ\x90\x00"), text("<!doctype html>"), bytes(0x50, 0x4b, 0x03, 0x04), text("%PDF"), bytes(0x89, 0x50, 0x4e, 0x47), bytes()]) {
      expect(sniffType(head)).toBeNull();
    }
    expect(sniffType(text(" %PDF-1.4"))).toBeNull();
  });

  it("accepts images only as evidence", () => {
    expect(isAccepted("BUKTI_KEGIATAN", PNG)).toBe(true);
    expect(isAccepted("BUKTI_KEGIATAN", JPEG)).toBe(true);
    expect(isAccepted("KAK", PNG)).toBe(false);
    expect(isAccepted("KAK", PDF)).toBe(true);
    expect(isAccepted("KAK", null)).toBe(false);
  });
});

describe("checkUploadRequest (CSRF and size)", () => {
  const host = "sikerda.example.go.id";
  const headers = (h: Record<string, string>) => new Headers(h);

  it("requires the custom header", () => {
    expect(checkUploadRequest(headers({}), host)?.status).toBe(403);
    expect(checkUploadRequest(headers({ "x-sikerda-upload": "0" }), host)?.status).toBe(403);
    expect(checkUploadRequest(headers({ "x-sikerda-upload": "1" }), host)).toBeNull();
  });

  it("accepts the same origin and refuses another site", () => {
    const ok = { "x-sikerda-upload": "1", origin: `https://${host}` };
    expect(checkUploadRequest(headers(ok), host)).toBeNull();
    expect(checkUploadRequest(headers({ ...ok, origin: "https://evil.example" }), host)?.status).toBe(403);
    expect(checkUploadRequest(headers({ ...ok, origin: `https://${host}.evil.example` }), host)?.status).toBe(403);
    expect(checkUploadRequest(headers({ ...ok, origin: "null" }), host)?.status).toBe(403);
    expect(checkUploadRequest(headers(ok), null)?.status).toBe(403);
    expect(checkUploadRequest(headers({ "x-sikerda-upload": "1", "sec-fetch-site": "cross-site" }), host)?.status).toBe(403);
  });

  it("answers 413 to a declared length over 20 MB", () => {
    const h = (n: number) => headers({ "x-sikerda-upload": "1", "content-length": String(n) });
    expect(checkUploadRequest(h(MAX_UPLOAD_BYTES), host)).toBeNull();
    expect(checkUploadRequest(h(MAX_UPLOAD_BYTES + 1), host)).toEqual({ status: 413, message: "Ukuran berkas melebihi 20 MB." });
  });
});

describe("download headers", () => {
  it("encodes the original name (RFC 5987) and defaults to attachment", () => {
    expect(contentDisposition("KAK Dinas (final).pdf", false)).toBe("attachment; filename*=UTF-8''KAK%20Dinas%20%28final%29.pdf");
    expect(contentDisposition('a"b;\r\nc.pdf', true)).toBe("inline; filename*=UTF-8''a%22b%3B%0D%0Ac.pdf");
    expect(contentDisposition("Laporan Triwulan Ⅱ — Dinkes.pdf", false)).toContain("%E2%85%A1%20%E2%80%94");
  });

  it("is inline only on request and only for PDF/images; always nosniff, no-store, sandbox", () => {
    const doc = { mimeType: "application/pdf", originalName: "x.pdf", sizeBytes: 10 };
    const inline = downloadHeaders(doc, true);
    expect(inline.get("content-disposition")).toMatch(/^inline;/);
    expect(inline.get("content-type")).toBe("application/pdf");
    expect(inline.get("x-content-type-options")).toBe("nosniff");
    expect(inline.get("cache-control")).toBe("private, no-store");
    expect(inline.get("content-security-policy")).toBe("sandbox; default-src 'none'; frame-ancestors 'self'");
    expect(downloadHeaders(doc, false).get("content-disposition")).toMatch(/^attachment;/);
    const odd = downloadHeaders({ ...doc, mimeType: "text/html" }, true);
    expect(odd.get("content-disposition")).toMatch(/^attachment;/);
    expect(odd.get("content-type")).toBe("application/octet-stream");
  });

  it("lets only SIKERDA's own pages frame an inline PDF (the preview); nothing else may be framed", () => {
    const pdf = { mimeType: "application/pdf", originalName: "x.pdf", sizeBytes: 10 };
    const preview = downloadHeaders(pdf, true);
    expect(preview.get("content-security-policy")).toMatch(/frame-ancestors 'self'$/);
    expect(preview.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(preview.get("cross-origin-resource-policy")).toBe("same-origin");
    const refused = [
      downloadHeaders(pdf, false), // attachment
      downloadHeaders({ ...pdf, mimeType: "image/png" }, true), // an image opens in its own tab
      downloadHeaders({ ...pdf, mimeType: "image/svg+xml" }, true),
      downloadHeaders({ ...pdf, mimeType: "text/html" }, true),
    ];
    for (const headers of refused) {
      expect(headers.get("content-security-policy")).toBe("sandbox; default-src 'none'; frame-ancestors 'none'");
      expect(headers.get("x-frame-options")).toBe("DENY");
      expect(headers.get("x-content-type-options")).toBe("nosniff");
    }
    expect(refused[2].get("content-type")).toBe("application/octet-stream");
    expect(refused[2].get("content-disposition")).toMatch(/^attachment;/);
  });
});

describe("sanitizeFileName", () => {
  it("keeps the basename, strips control and bidi characters, fixes the extension", () => {
    expect(sanitizeFileName("C:\\fakepath\\KAK 2026.pdf", PDF)).toBe("KAK 2026.pdf");
    expect(sanitizeFileName("../../etc/passwd", PDF)).toBe("passwd.pdf");
    expect(sanitizeFileName("lap\u0000oran\u202Efdp.exe", PDF)).toBe("laporanfdp.exe.pdf");
    expect(sanitizeFileName("foto.JPEG", JPEG)).toBe("foto.JPEG");
    expect(sanitizeFileName("", PNG)).toBe("dokumen.png");
    expect(sanitizeFileName(null, PDF)).toBe("dokumen.pdf");
    expect(sanitizeFileName("...", PDF)).toBe("dokumen.pdf");
  });

  it("cuts long names to 200 characters, keeping the extension", () => {
    const name = sanitizeFileName(`${"a".repeat(300)}.pdf`, PDF);
    expect(name).toHaveLength(200);
    expect(name.endsWith(".pdf")).toBe(true);
    expect(sanitizeFileName("b".repeat(300), PDF)).toHaveLength(200);
  });
});

describe("uploadableTypes: the one rule for the upload form and the upload service", () => {
  const OWN = "opd-dinkes";
  const u = (role: Role, opdId: string | null = null) => ({ role, opdId });
  const operator = u("OPERATOR_OPD", OWN);
  const kepala = u("KEPALA_OPD", OWN);
  const staf = u("STAF_KS");
  const kabag = u("KABAG_KS");
  const at = (stage: Stage, initiator: "DAERAH" | "MITRA" = "DAERAH") => ({ stage, initiator, opdId: OWN });

  it("gives the OPD its own stages and the Bagian KS the others", () => {
    expect(uploadableTypes(operator, at("DRAF"))).toContain("KAK");
    expect(uploadableTypes(staf, at("DRAF"))).toEqual([]);
    expect(uploadableTypes(staf, at("DRAF", "MITRA"))).toContain("SURAT_PENAWARAN_MITRA");
    expect(uploadableTypes(kepala, at("PERSETUJUAN_OPD"))).toContain("SURAT_INISIASI");
    expect(uploadableTypes(staf, at("PERSETUJUAN_OPD"))).toEqual([]);
    expect(uploadableTypes(operator, at("KAJIAN_TKKSD"))).toEqual([]);
    expect(uploadableTypes(kabag, at("KAJIAN_TKKSD"))).toContain("BERITA_ACARA_TKKSD");
    expect(uploadableTypes(operator, at("PENYUSUNAN_PKS"))).toContain("DRAF_PKS");
    expect(uploadableTypes(staf, at("PENYUSUNAN_PKS"))).toContain("DRAF_PKS");
  });

  it("the cases reported by the browser walk: nothing for Staf KS on an OPD draft, nothing for the Kepala OPD in Verifikasi", () => {
    expect(uploadableTypes(staf, at("DRAF"))).toEqual([]);
    expect(uploadableTypes(kabag, at("PERBAIKAN"))).toEqual([]);
    expect(uploadableTypes(kepala, at("VERIFIKASI"))).toEqual([]);
    expect(uploadableTypes(operator, at("VERIFIKASI"))).toEqual([]);
    // A partner's offer is Bagian KS's file: the OPD given the disposisi reads it, does not upload.
    expect(uploadableTypes(operator, at("DRAF", "MITRA"))).toEqual([]);
  });

  it("another OPD's case, or a role without the grant, gets nothing", () => {
    expect(uploadableTypes(u("OPERATOR_OPD", "opd-lain"), at("DRAF"))).toEqual([]);
    expect(uploadableTypes(u("PIMPINAN"), at("PELAKSANAAN"))).toEqual([]);
    expect(uploadableTypes(u("TKKSD"), at("KAJIAN_TKKSD"))).toEqual([]);
    expect(uploadableTypes(u("ADMIN"), at("KAJIAN_TKKSD"))).toEqual([]);
  });

  it("lets the OPD upload reports and evidence during implementation, not the termination papers", () => {
    const opd = uploadableTypes(operator, at("PELAKSANAAN"));
    expect(opd).toEqual(expect.arrayContaining(["LAPORAN_BERKALA", "BUKTI_KEGIATAN", "LAPORAN_AKHIR"]));
    expect(opd).not.toContain("BERITA_ACARA_PENGAKHIRAN");
    expect(uploadableTypes(staf, at("PELAKSANAAN"))).toContain("BERITA_ACARA_PENGAKHIRAN");
  });

  it("takes no uploads in terminal stages", () => {
    for (const stage of ["SELESAI", "DIAKHIRI", "DITOLAK", "BATAL", "DITOLAK_DPRD"] as const) {
      expect(uploadableTypes(staf, at(stage))).toEqual([]);
    }
  });

  it("asks a correction reason only for a locked single document, not for collections", () => {
    expect(needsCorrectionReason("KAK", true)).toBe(true);
    expect(needsCorrectionReason("KAK", false)).toBe(false);
    expect(needsCorrectionReason("BUKTI_KEGIATAN", true)).toBe(false);
    // The form asks for a reason only where the latest version is locked (not for any type ever locked).
    const doc = (type: DocumentType, version: number, locked: boolean, stage: Stage = "DRAF", agreementId: string | null = null) =>
      ({ type, version, locked, stage, agreementId });
    expect(typesNeedingReason([
      doc("KAK", 1, true),
      doc("DRAF_PKS", 1, true),
      doc("DRAF_PKS", 2, false),
      doc("BUKTI_KEGIATAN", 1, true),
    ], "PENYUSUNAN_PKS")).toEqual(["KAK"]);
  });

  it("in an adendum round, the earlier rounds' locked documents are not corrected: a new round starts empty", () => {
    const doc = (type: DocumentType, version: number, locked: boolean, stage: Stage, agreementId: string | null = null) =>
      ({ type, version, locked, stage, agreementId });
    const history = [
      doc("BERITA_ACARA_TKKSD", 1, true, "KAJIAN_TKKSD"),
      doc("DRAF_ADENDUM", 1, true, "ADENDUM_PENYUSUNAN", "adendum-1"),
    ];
    // Outside an adendum the first berita acara is locked: a new one is a correction.
    expect(typesNeedingReason(history, "PELAKSANAAN")).toContain("BERITA_ACARA_TKKSD");
    // In the second adendum's round neither the first meeting's berita acara nor adendum 1's draft counts.
    expect(typesNeedingReason(history, "ADENDUM_PENYUSUNAN")).toEqual([]);
    // A draft of this round, locked after leaving ADENDUM_PENYUSUNAN, does need a reason to be replaced.
    expect(typesNeedingReason([...history, doc("DRAF_ADENDUM", 2, true, "ADENDUM_PENYUSUNAN")], "ADENDUM_KAJIAN")).toEqual(["DRAF_ADENDUM"]);
  });
});

describe("readHead", () => {
  async function* chunks(...parts: Uint8Array[]) {
    yield* parts;
  }
  const collect = async (it: AsyncIterable<Uint8Array>) => {
    const out: number[] = [];
    for await (const c of it) out.push(...c);
    return out;
  };

  it("reads enough to sniff and replays the whole body", async () => {
    const { head, rest } = await readHead(chunks(text("%P"), text("DF-1"), text(".7\n"), text("rest")), 8);
    expect(new TextDecoder().decode(head)).toBe("%PDF-1.7\n");
    expect(new TextDecoder().decode(Uint8Array.from(await collect(rest)))).toBe("%PDF-1.7\nrest");
  });

  it("handles a body shorter than the sniff window and an empty body", async () => {
    expect((await readHead(chunks(text("MZ")), 8)).head).toEqual(text("MZ"));
    const empty = await readHead(chunks(), 8);
    expect(empty.head.byteLength).toBe(0);
    expect(await collect(empty.rest)).toEqual([]);
  });
});
