import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/settings/defaults";
import { archiveStage, checkArchive } from "@/lib/legacy/check";
import { columnFor, columnLetter, IMPORT_COLUMNS } from "@/lib/legacy/columns";
import { archiveSchema, importRowSchema, type ArchiveInput } from "@/lib/legacy/schema";
import { closeMatcher, similarity } from "@/lib/legacy/similar";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
// 15 June 2026, 23.30 WIB = 16.30 UTC: still the 15th in the region.
const NOW = new Date("2026-06-15T16:30:00Z");
const ctx = { now: NOW, settings: DEFAULT_SETTINGS };

const nk: ArchiveInput = {
  kind: "SINERGI", title: "Percepatan penurunan stunting", partnerId: "p", opdId: "o", subject: "Stunting", governmentAffair: "Kesehatan",
  fundingSource: "APBN", requiresDprd: null,
  naskah: {
    ourNumber: "NK/1/2025", partnerNumber: "HK/2/2025", signedAt: d("2025-01-10"), signedPlace: "Jakarta", signerType: "KEPALA_DAERAH",
    signerName: "Bupati", partnerSignerName: "Dirjen", partnerSignerPosition: "Direktur Jenderal", startDate: d("2025-01-10"), endDate: d("2027-01-09"),
  },
};

describe("archive stage by the region's calendar", () => {
  it("in force through its last day, BERAKHIR the day after", () => {
    expect(archiveStage({ startDate: d("2024-01-01"), endDate: d("2026-06-15") }, NOW, "Asia/Jakarta")).toBe("PELAKSANAAN");
    expect(archiveStage({ startDate: d("2024-01-01"), endDate: d("2026-06-14") }, NOW, "Asia/Jakarta")).toBe("BERAKHIR");
    expect(archiveStage({ startDate: d("2026-07-01"), endDate: d("2028-06-30") }, NOW, "Asia/Jakarta")).toBe("PELAKSANAAN");
  });
});

describe("checkArchive (the signing guards on archive data)", () => {
  it("accepts a complete NK with a fitting partner", () => {
    expect(checkArchive(nk, { partner: { partnerClass: "KEMENTERIAN_LEMBAGA", universityStatus: null }, documents: [] }, ctx)).toEqual({});
  });
  it("refuses a partner class that does not fit the jenis, and a signing after today", () => {
    const errors = checkArchive(
      { ...nk, naskah: { ...nk.naskah, signedAt: d("2026-06-16") } },
      { partner: { partnerClass: "SWASTA", universityStatus: null }, documents: [] }, ctx,
    );
    expect(Object.keys(errors).sort()).toEqual(["naskah.signedAt", "partnerId"]);
  });
});

describe("import columns and form schema", () => {
  it("every column is a field of the import row schema, with a unique header", () => {
    const headers = IMPORT_COLUMNS.map((c) => c.header);
    expect(new Set(headers).size).toBe(headers.length);
    expect(columnLetter(1)).toBe("A");
    expect(columnLetter(27)).toBe("AA");
    expect(columnFor("partnerId")?.column.key).toBe("partnerName");
    expect(columnFor("naskah.signedAt")?.column.header).toBe("Naskah: Tanggal Tanda Tangan");
    const shape = Object.keys(importRowSchema.shape);
    for (const c of IMPORT_COLUMNS) expect(shape).toContain(c.key.split(".")[0]);
  });
  it("the form requires the KB of a KSDD and the DPRD decision of a KSDPL", () => {
    const ksdd = archiveSchema.safeParse({ kind: "KSDD", title: "x", partnerId: "p", opdId: "o", subject: "s", governmentAffair: "g", fundingSource: "APBD" });
    expect(ksdd.success).toBe(false);
    const paths = ksdd.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["ksddNature", "induk.ourNumber", "naskah.endDate", "requiresDprd"]));
    const ksdpl = archiveSchema.safeParse({ kind: "KSDPL", title: "x", partnerId: "p", opdId: "o", subject: "s", governmentAffair: "g", fundingSource: "APBD" });
    expect(ksdpl.error!.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["dprdNumber", "dprdDate"]));
  });
});

describe("partner name similarity (pg_trgm's measure)", () => {
  it("abbreviations and typos are close, different regions are not", () => {
    expect(similarity("PT. Bank Sukamaju", "PT Bank Sukamaju")).toBe(1);
    expect(similarity("Pemerintah Kab. Sukamakmur", "Pemerintah Kabupaten Sukamakmur")).toBeGreaterThanOrEqual(0.7);
    expect(similarity("Pemerintah Kota Sukamakmur", "Pemerintah Kabupaten Sukamakmur")).toBeLessThan(0.7);
    expect(closeMatcher(["Kementerian Kesehatan", "Kementerian Keuangan"], 0.7)("Kementerian Kesehatan RI").map((m) => m.name)).toEqual(["Kementerian Kesehatan"]);
  });
});
