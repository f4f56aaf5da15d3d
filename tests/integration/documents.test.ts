import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { Role } from "@/lib/auth/roles";
import { getDocumentForDownload, uploadDocument, type DocumentActor, type UploadInput } from "@/lib/documents/service";
import type { Stage } from "@/lib/generated/prisma/enums";
import { openObject } from "@/lib/storage";
import { resetDatabase } from "./helpers/db";
import { STORAGE_KINDS, useTestStorage, type TestStorage } from "./helpers/storage";

// Document uploads through the service on real PostgreSQL and real (temporary) storage: every test
// runs against both backends, the local disk and an S3-compatible bucket (s3rver, helpers/storage.ts).

const OPD_A = "opd-dinkes";
const OPD_B = "opd-dishub";
const CASE_A = "case-a";
const MB = 1024 * 1024;

const db = () => getDb();
const actor = (id: string, role: Role, opdId: string | null = null): DocumentActor => ({ id, role, opdId });
const operatorA = actor("u-op-a", "OPERATOR_OPD", OPD_A);
const operatorB = actor("u-op-b", "OPERATOR_OPD", OPD_B);
const stafKs = actor("u-staf", "STAF_KS");
const pimpinan = actor("u-pimpinan", "PIMPINAN");

describe.each(STORAGE_KINDS)("documents on %s storage", (kind) => {
  let store: TestStorage;

  beforeAll(async () => {
    store = await useTestStorage(kind);
  });

  afterAll(async () => {
    await store.stop();
  });

  beforeEach(async () => {
    await resetDatabase();
    await store.clear();
    await db().opd.createMany({
      data: [
        { id: OPD_A, name: "Dinas Kesehatan", shortName: "Dinkes" },
        { id: OPD_B, name: "Dinas Perhubungan", shortName: "Dishub" },
      ],
    });
    await db().user.createMany({
      data: [
        { id: operatorA.id, username: "op.a", fullName: "Sari Operator", role: "OPERATOR_OPD", opdId: OPD_A, passwordHash: "x" },
        { id: operatorB.id, username: "op.b", fullName: "Budi Operator", role: "OPERATOR_OPD", opdId: OPD_B, passwordHash: "x" },
        { id: stafKs.id, username: "staf", fullName: "Dewi Staf KS", role: "STAF_KS", passwordHash: "x" },
        { id: pimpinan.id, username: "pimpinan", fullName: "Bupati", role: "PIMPINAN", passwordHash: "x" },
      ],
    });
    await createCase(CASE_A, "DRAF");
  });

  async function createCase(id: string, stage: Stage) {
    await db().case.create({
      data: { id, code: `KS-2026-${id}`, title: "Kerja sama layanan kesehatan", kind: "KSDD", opdId: OPD_A, stage, createdById: operatorA.id },
    });
  }

  /** A web ReadableStream of `bytes` in 64 KiB chunks, like a request body. */
  function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
    let offset = 0;
    return new ReadableStream({
      pull(controller) {
        if (offset >= bytes.byteLength) return controller.close();
        controller.enqueue(bytes.subarray(offset, offset + 64 * 1024));
        offset += 64 * 1024;
      },
    });
  }

  const NOW = new Date("2026-06-15T03:00:00Z");

  function pdf(size = 4096): Uint8Array {
    const bytes = new Uint8Array(size).fill(0x20);
    bytes.set(new TextEncoder().encode("%PDF-1.7\n"));
    return bytes;
  }
  const png = () => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
  const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

  function upload(who: DocumentActor, bytes: Uint8Array, over: Partial<UploadInput> = {}) {
    return uploadDocument(who, { caseId: CASE_A, type: "KAK", originalName: "kak.pdf", stream: streamOf(bytes), now: NOW, ...over });
  }

  /** Every stored object and file (temporary and spool files included). */
  const storedFiles = () => store.leftovers();

  async function expectNothingStored() {
    expect(await storedFiles()).toEqual([]);
    expect(await db().document.count()).toBe(0);
  }

  describe("uploadDocument", () => {
    it("stores a valid PDF with its hash, size and version 1", async () => {
      const bytes = pdf(200_000);
      const doc = await upload(operatorA, bytes, { originalName: "C:\\fakepath\\KAK\u202Efdp.exe Final.pdf" });
      expect(doc).toMatchObject({
        caseId: CASE_A, type: "KAK", stage: "DRAF", version: 1, locked: false, sizeBytes: 200_000,
        sha256: sha256(bytes), mimeType: "application/pdf", uploadedById: operatorA.id, correctionReason: null,
        originalName: "KAKfdp.exe Final.pdf",
      });
      expect(doc.storageKey).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}\.pdf$/);
      expect(await storedFiles()).toEqual([doc.storageKey]);
      const stored = await openObject(doc.storageKey);
      const back: Buffer[] = [];
      for await (const part of stored!.body) back.push(part as Buffer);
      expect(sha256(Buffer.concat(back))).toBe(doc.sha256);
      expect(await db().auditEvent.count({ where: { entity: "Document", entityId: doc.id } })).toBe(1);
    });

    it("refuses a renamed executable and leaves no file and no row", async () => {
      const exe = new Uint8Array(5000);
      exe.set([0x4d, 0x5a, 0x90, 0x00]); // "MZ"
      await expect(upload(operatorA, exe, { originalName: "x.pdf" })).rejects.toMatchObject({
        code: "VALIDATION",
        message: "Berkas harus berupa PDF (isi berkas diperiksa, bukan hanya namanya).",
      });
      await expectNothingStored();
    });

    it("refuses 20 MB + 1 byte while streaming, leaving nothing behind", async () => {
      await expect(upload(operatorA, pdf(20 * MB + 1))).rejects.toMatchObject({
        code: "VALIDATION", message: "Ukuran berkas melebihi 20 MB.",
      });
      await expectNothingStored();
      // Exactly 20 MB is allowed.
      await expect(upload(operatorA, pdf(20 * MB))).resolves.toMatchObject({ sizeBytes: 20 * MB });
    });

    it("refuses an oversized declared size before reading", async () => {
      await expect(upload(operatorA, pdf(), { declaredSize: 20 * MB + 1 })).rejects.toMatchObject({ code: "VALIDATION" });
      await expectNothingStored();
    });

    it("refuses a body shorter than its declared size (truncated upload)", async () => {
      await expect(upload(operatorA, pdf(1000), { declaredSize: 2000 })).rejects.toMatchObject({
        code: "VALIDATION", message: expect.stringMatching(/tidak diterima utuh/),
      });
      await expectNothingStored();
      await expect(upload(operatorA, pdf(1000), { declaredSize: 1000 })).resolves.toMatchObject({ sizeBytes: 1000 });
    });

    it("refuses an empty file", async () => {
      await expect(upload(operatorA, new Uint8Array(0))).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringMatching(/kosong/) });
      await expectNothingStored();
    });

    it("hides another OPD's case (NOT_FOUND) and refuses PIMPINAN (FORBIDDEN)", async () => {
      await expect(upload(operatorB, pdf())).rejects.toMatchObject({ code: "NOT_FOUND", message: "Usulan tidak ditemukan." });
      await expect(upload(pimpinan, pdf())).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expectNothingStored();
    });

    it("refuses a type not allowed in the stage", async () => {
      await expect(upload(operatorA, pdf(), { type: "KB_DITANDATANGANI" })).rejects.toMatchObject({
        code: "VALIDATION", message: "Jenis dokumen ini tidak dapat diunggah pada tahap Draf Usulan.",
      });
      await expect(upload(operatorA, pdf(), { type: "BUKAN_JENIS" })).rejects.toMatchObject({ code: "VALIDATION" });
      await expectNothingStored();
    });

    it("keeps each stage on its desk: OPD not in KAJIAN_TKKSD, Bagian KS not in an OPD's own draft", async () => {
      await expect(upload(stafKs, pdf())).rejects.toMatchObject({ code: "FORBIDDEN" });
      await createCase("case-kajian", "KAJIAN_TKKSD");
      const kajian = { caseId: "case-kajian", type: "BERITA_ACARA_TKKSD" };
      await expect(upload(operatorA, pdf(), kajian)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(upload(stafKs, pdf(), kajian)).resolves.toMatchObject({ stage: "KAJIAN_TKKSD", version: 1 });
    });

    it("numbers versions per type and refuses uploads on a closed case", async () => {
      await upload(operatorA, pdf());
      await upload(operatorA, pdf(), { type: "STUDI_KELAYAKAN" });
      await expect(upload(operatorA, pdf())).resolves.toMatchObject({ version: 2 });
      await db().case.update({ where: { id: CASE_A }, data: { stage: "BATAL" } });
      await expect(upload(operatorA, pdf())).rejects.toMatchObject({ code: "VALIDATION" });
    });

    it("requires a reason to correct a locked document, and records it on the new version", async () => {
      await upload(operatorA, pdf());
      await upload(operatorA, pdf());
      await db().document.updateMany({ where: { caseId: CASE_A }, data: { locked: true } });
      const before = (await storedFiles()).length;
      await expect(upload(operatorA, pdf())).rejects.toMatchObject({
        code: "VALIDATION", message: "Dokumen tahap sebelumnya terkunci: koreksi memerlukan alasan.",
      });
      await expect(upload(operatorA, pdf(), { correctionReason: "   " })).rejects.toMatchObject({ code: "VALIDATION" });
      expect(await storedFiles()).toHaveLength(before);
      const doc = await upload(operatorA, pdf(), { correctionReason: "  Salah ketik nilai anggaran  " });
      expect(doc).toMatchObject({ version: 3, locked: false, correctionReason: "Salah ketik nilai anggaran" });
    });

    it("refuses when the case moved on since the page was shown", async () => {
      await expect(upload(operatorA, pdf(), { expectedStage: "PERBAIKAN" })).rejects.toMatchObject({ code: "STALE" });
      await expectNothingStored();
    });

    it("gives concurrent uploads of one type distinct versions", async () => {
      const docs = await Promise.all(Array.from({ length: 5 }, () => upload(operatorA, pdf())));
      expect(docs.map((d) => d.version).toSorted()).toEqual([1, 2, 3, 4, 5]);
    });

    it("accepts PNG evidence but refuses PNG as KAK", async () => {
      await createCase("case-jalan", "PELAKSANAAN");
      const evidence = await upload(operatorA, png(), { caseId: "case-jalan", type: "BUKTI_KEGIATAN", originalName: "foto" });
      expect(evidence).toMatchObject({ mimeType: "image/png", originalName: "foto.png" });
      expect(evidence.storageKey).toMatch(/\.png$/);
      await expect(upload(operatorA, png(), { originalName: "kak.pdf" })).rejects.toMatchObject({
        code: "VALIDATION", message: "Berkas harus berupa PDF (isi berkas diperiksa, bukan hanya namanya).",
      });
      const html = new TextEncoder().encode("<html><script>alert(1)</script></html>");
      await expect(upload(operatorA, html, { caseId: "case-jalan", type: "BUKTI_KEGIATAN" })).rejects.toMatchObject({
        message: "Berkas harus berupa PDF, JPEG, atau PNG (isi berkas diperiksa, bukan hanya namanya).",
      });
    });
  });

  describe("getDocumentForDownload", () => {
    it("returns the document to its OPD and Pimpinan, and hides it from another OPD", async () => {
      const doc = await upload(operatorA, pdf());
      await expect(getDocumentForDownload(operatorA, doc.id)).resolves.toMatchObject({ id: doc.id, case: { opdId: OPD_A } });
      await expect(getDocumentForDownload(pimpinan, doc.id)).resolves.toMatchObject({ id: doc.id });
      await expect(getDocumentForDownload(operatorB, doc.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getDocumentForDownload(actor("u-admin", "ADMIN"), doc.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await db().document.update({ where: { id: doc.id }, data: { deletedAt: new Date() } });
      await expect(getDocumentForDownload(operatorA, doc.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getDocumentForDownload(operatorA, "tidak-ada")).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });
});
